namespace Course.Native;

/// <summary>Patched library bytes and the symbols whose version reference was dropped.</summary>
/// <param name="Bytes">The patched copy; same length and layout as the original.</param>
/// <param name="WeakenedSymbols">The undefined symbols made weak and unversioned, e.g. <c>_ZSt21ios_base_library_initv</c>.</param>
internal sealed record ElfPatch(byte[] Bytes, IReadOnlyList<string> WeakenedSymbols);
