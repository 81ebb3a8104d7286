using System.Buffers.Binary;

namespace Course.Native;

/// <summary>Make a shared library loadable although a dependency lacks some symbol versions it asks for.</summary>
/// <remarks>
/// <para>
/// The Linux dynamic linker refuses a library when a dependency does not define a version listed in
/// the library's <c>.gnu.version_r</c> ("version `GLIBCXX_3.4.32' not found") unless that entry carries
/// <c>VER_FLG_WEAK</c>. TorchSharp 0.107's <c>libLibTorchSharp.so</c> was built with GCC 13, whose
/// <c>&lt;iostream&gt;</c> references <c>std::ios_base_library_init()</c>@GLIBCXX_3.4.32 only to force
/// libstdc++'s stream initialisation to be linked in: the symbol is in <c>.dynsym</c> but no
/// relocation uses it, so nothing ever binds or calls it.
/// </para>
/// <para>
/// The patch, done in place on a byte copy (nothing grows or moves): (1) in <c>.gnu.version_r</c> set
/// <c>VER_FLG_WEAK</c> on the missing version's <c>Vernaux</c>, so the loader accepts its absence;
/// (2) in <c>.gnu.version</c> set every symbol that used that version to 1 (unversioned global);
/// (3) in <c>.dynsym</c> make those undefined symbols <c>STB_WEAK</c>, so even a lookup may leave
/// them unresolved. No stub symbol is needed, because the patcher refuses (throws) if any relocation
/// refers to an affected symbol: such a symbol is really used, and leaving it unresolved would crash.
/// Patching an already patched image changes nothing, so the operation is idempotent.
/// </para>
/// </remarks>
internal static class ElfPatcher
{
    private const byte StbWeak = 2;

    /// <summary>Return a copy of <paramref name="original"/> whose needs of <paramref name="versions"/> from <paramref name="file"/> are weak.</summary>
    /// <param name="original">The library's bytes; never modified.</param>
    /// <param name="file">The dependency named in <c>.gnu.version_r</c>, e.g. <c>libstdc++.so.6</c>.</param>
    /// <param name="versions">The versions that dependency lacks, e.g. <c>GLIBCXX_3.4.32</c>.</param>
    /// <exception cref="InvalidDataException">The bytes are not an ELF64 little-endian shared library.</exception>
    /// <exception cref="InvalidOperationException">
    /// The library does not need one of the versions, or a relocation uses a symbol of that version
    /// (it is really called, so it cannot stay unresolved). The message is a clause that completes
    /// "could not patch a copy: …".
    /// </exception>
    public static ElfPatch WeakenVersionNeeds(byte[] original, string file, IReadOnlyCollection<string> versions)
    {
        var elf = ElfImage.Parse(original);
        var patched = (byte[])original.Clone();

        var byIndex = new Dictionary<ushort, string>();
        foreach (var version in versions)
        {
            var need = elf.VersionNeeds.FirstOrDefault(n => n.File == file && n.Version == version)
                ?? throw new InvalidOperationException($"it does not list {version} from {file} in .gnu.version_r");
            BinaryPrimitives.WriteUInt16LittleEndian(patched.AsSpan(need.FlagsOffset, 2), (ushort)(need.Flags | ElfImage.VerFlagWeak));
            byIndex[need.Index] = version;
        }

        var weakened = new List<string>();
        foreach (var symbol in elf.Symbols)
        {
            if (symbol.VersymOffset < 0 || !byIndex.TryGetValue((ushort)(symbol.VersionIndex & 0x7fff), out var version))
                continue;
            if (!symbol.IsUndefined)
                throw new InvalidOperationException($"it defines {symbol.Name} under {version}, a version it should only import");
            if (elf.RelocatedSymbols.Contains(symbol.Index))
                throw new InvalidOperationException($"it really uses {symbol.Name} ({version}), which cannot be left unresolved");
            BinaryPrimitives.WriteUInt16LittleEndian(patched.AsSpan(symbol.VersymOffset, 2), ElfImage.VersionGlobal);
            patched[symbol.InfoOffset] = (byte)((StbWeak << 4) | (patched[symbol.InfoOffset] & 0xf));   // keep STT_*
            weakened.Add(symbol.Name);
        }
        return new ElfPatch(patched, weakened);
    }
}
