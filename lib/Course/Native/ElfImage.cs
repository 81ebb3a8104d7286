using System.Buffers.Binary;
using System.Text;

namespace Course.Native;

/// <summary>A read-only view of the dynamic-linking tables of an ELF64 little-endian shared library.</summary>
/// <remarks>
/// Reads what the Linux dynamic linker reads to decide whether a library can load: <c>DT_NEEDED</c>,
/// the dynamic symbols, their versions (<c>.gnu.version</c>), the versions needed from dependencies
/// (<c>.gnu.version_r</c>), the versions defined (<c>.gnu.version_d</c>) and which symbols relocations
/// use. Everything is found through the section headers and each section's <c>sh_link</c>; no offset
/// is hard-coded. Layouts follow the System V gABI and the LSB "Symbol Versioning" chapter.
/// Used by <see cref="ElfPatcher"/> and <see cref="TorchNative"/>.
/// </remarks>
internal sealed class ElfImage
{
    /// <summary><c>VER_FLG_WEAK</c>: a version need the loader reports only in verbose mode when missing.</summary>
    public const ushort VerFlagWeak = 0x2;

    /// <summary><c>VER_NDX_GLOBAL</c>: the <c>.gnu.version</c> value of an unversioned global symbol.</summary>
    public const ushort VersionGlobal = 1;

    private const uint ShtRela = 4, ShtDynamic = 6, ShtRel = 9, ShtDynsym = 11;
    private const uint ShtGnuVerdef = 0x6ffffffd, ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;
    private const long DtNull = 0, DtNeeded = 1;

    private readonly byte[] bytes;

    private ElfImage(byte[] bytes) => this.bytes = bytes;

    /// <summary>The libraries named by <c>DT_NEEDED</c>, in order.</summary>
    public IReadOnlyList<string> Needed { get; private set; } = [];

    /// <summary>Every <c>.dynsym</c> entry, index 0 (the null symbol) included.</summary>
    public IReadOnlyList<DynamicSymbol> Symbols { get; private set; } = [];

    /// <summary>Every version needed from a dependency.</summary>
    public IReadOnlyList<VersionNeed> VersionNeeds { get; private set; } = [];

    /// <summary>The version names this library defines (for libstdc++: <c>GLIBCXX_3.4</c> … <c>GLIBCXX_3.4.30</c>).</summary>
    public IReadOnlySet<string> DefinedVersions { get; private set; } = new HashSet<string>();

    /// <summary>Indices of the <c>.dynsym</c> entries that some relocation refers to.</summary>
    public IReadOnlySet<int> RelocatedSymbols { get; private set; } = new HashSet<int>();

    /// <summary>Read the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an ELF64 little-endian library with a dynamic symbol table.</exception>
    public static ElfImage Load(string path) => Parse(File.ReadAllBytes(path));

    /// <summary>Parse <paramref name="bytes"/> (not copied; do not change them while the image is in use).</summary>
    /// <exception cref="InvalidDataException">The bytes are not an ELF64 little-endian library with a dynamic symbol table.</exception>
    public static ElfImage Parse(byte[] bytes)
    {
        var image = new ElfImage(bytes);
        try
        {
            image.Read();
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException("the ELF file is truncated or a table points outside it");
        }
        return image;
    }

    private void Read()
    {
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (bytes[4] != 2 || bytes[5] != 1)
            throw new InvalidDataException("not a 64-bit little-endian ELF file");

        var shoff = checked((int)U64(0x28));
        int shentsize = U16(0x3a), shnum = U16(0x3c);
        if (shoff == 0 || shnum == 0 || shentsize < 64)
            throw new InvalidDataException("the ELF file has no section headers");
        var sections = Enumerable.Range(0, shnum).Select(i => Section.At(this, shoff + i * shentsize)).ToArray();

        var dynsymIndex = Array.FindIndex(sections, s => s.Type == ShtDynsym);
        if (dynsymIndex < 0)
            throw new InvalidDataException("the ELF file has no dynamic symbol table (.dynsym)");
        var dynsym = sections[dynsymIndex];
        var dynstr = sections[dynsym.Link];
        var versym = Array.Find(sections, s => s.Type == ShtGnuVersym);

        var symbols = new List<DynamicSymbol>();
        for (var i = 0; i < dynsym.Size / 24; i++)
        {
            var at = dynsym.Offset + i * 24;                     // Elf64_Sym: name, info, other, shndx, value, size
            var versymAt = versym is null ? -1 : versym.Offset + 2 * i;
            symbols.Add(new DynamicSymbol(i, String(dynstr, U32(at)), (byte)(bytes[at + 4] >> 4), U16(at + 6),
                                          versymAt < 0 ? (ushort)0 : U16(versymAt), at + 4, versymAt));
        }
        Symbols = symbols;

        var needs = new List<VersionNeed>();
        foreach (var section in sections.Where(s => s.Type == ShtGnuVerneed))
        {
            var strings = sections[section.Link];
            var need = section.Offset;
            for (var n = 0; n < section.Info; n++)
            {                                                    // Elf64_Verneed: version, cnt, file, aux, next
                var file = String(strings, U32(need + 4));
                var aux = need + (int)U32(need + 8);
                for (var a = 0; a < U16(need + 2); a++)
                {                                                // Elf64_Vernaux: hash, flags, other, name, next
                    needs.Add(new VersionNeed(file, String(strings, U32(aux + 8)), U16(aux + 6), U16(aux + 4), aux + 4));
                    aux += (int)U32(aux + 12);
                }
                need += (int)U32(need + 12);
            }
        }
        VersionNeeds = needs;

        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in sections.Where(s => s.Type == ShtGnuVerdef))
        {
            var strings = sections[section.Link];
            var def = section.Offset;
            for (var d = 0; d < section.Info; d++)
            {                                                    // Elf64_Verdef: version, flags, ndx, cnt, hash, aux, next
                defined.Add(String(strings, U32(def + (int)U32(def + 12))));   // first Verdaux names the version
                def += (int)U32(def + 16);
            }
        }
        DefinedVersions = defined;

        var relocated = new HashSet<int>();
        foreach (var section in sections.Where(s => (s.Type == ShtRela || s.Type == ShtRel) && s.Link == dynsymIndex))
        {
            var entry = section.Type == ShtRela ? 24 : 16;      // r_offset, r_info (sym << 32 | type)[, r_addend]
            for (var at = section.Offset; at + entry <= section.Offset + section.Size; at += entry)
                relocated.Add((int)(U64(at + 8) >> 32));
        }
        relocated.Remove(0);
        RelocatedSymbols = relocated;

        var needed = new List<string>();
        foreach (var section in sections.Where(s => s.Type == ShtDynamic))
        {
            for (var at = section.Offset; at + 16 <= section.Offset + section.Size; at += 16)
            {                                                    // Elf64_Dyn: tag, value
                var tag = (long)U64(at);
                if (tag == DtNull) break;
                if (tag == DtNeeded) needed.Add(String(sections[section.Link], (uint)U64(at + 8)));
            }
        }
        Needed = needed;
    }

    private ushort U16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at, 2));

    private uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at, 4));

    private ulong U64(int at) => BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at, 8));

    private string String(Section table, uint offset)
    {
        var start = table.Offset + checked((int)offset);
        var length = bytes.AsSpan(start, table.Offset + table.Size - start).IndexOf((byte)0);
        if (length < 0) throw new InvalidDataException("a string table entry is not terminated");
        return Encoding.UTF8.GetString(bytes, start, length);
    }

    /// <summary>The fields of an <c>Elf64_Shdr</c> this reader uses.</summary>
    private sealed record Section(uint Type, int Offset, int Size, int Link, int Info)
    {
        public static Section At(ElfImage elf, int at)
        {
            var section = new Section(elf.U32(at + 4), checked((int)elf.U64(at + 24)), checked((int)elf.U64(at + 32)),
                                      (int)elf.U32(at + 40), (int)elf.U32(at + 44));
            if (section.Type != 8 && (section.Offset < 0 || (long)section.Offset + section.Size > elf.bytes.Length))   // 8 = SHT_NOBITS
                throw new InvalidDataException("a section lies outside the file");
            return section;
        }
    }
}
