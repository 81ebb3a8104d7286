namespace Course.Native;

/// <summary>One entry of <c>.dynsym</c> with its symbol version.</summary>
/// <param name="Index">Position in <c>.dynsym</c> (the number relocations refer to).</param>
/// <param name="Name">The (mangled) symbol name.</param>
/// <param name="Binding">The <c>STB_*</c> binding: 1 global, 2 weak.</param>
/// <param name="SectionIndex"><c>st_shndx</c>; 0 means undefined (imported from another library).</param>
/// <param name="VersionIndex">The raw <c>.gnu.version</c> entry (bit 15 is the hidden flag), 0 when there is none.</param>
/// <param name="InfoOffset">File offset of <c>st_info</c>, for the patcher.</param>
/// <param name="VersymOffset">File offset of the <c>.gnu.version</c> entry, or -1.</param>
internal sealed record DynamicSymbol(int Index, string Name, byte Binding, ushort SectionIndex, ushort VersionIndex, int InfoOffset, int VersymOffset)
{
    /// <summary>True when the library imports this symbol rather than defining it.</summary>
    public bool IsUndefined => SectionIndex == 0;
}
