namespace Course.Native;

/// <summary>A version a shared library needs from one of its dependencies (an entry of <c>.gnu.version_r</c>).</summary>
/// <param name="File">The dependency that must define the version, e.g. <c>libstdc++.so.6</c>.</param>
/// <param name="Version">The version name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="Index">The version index that <c>.gnu.version</c> entries use to point at this need.</param>
/// <param name="Flags">The <c>vna_flags</c> field; <see cref="ElfImage.VerFlagWeak"/> marks a need the loader may skip.</param>
/// <param name="FlagsOffset">File offset of <c>vna_flags</c>, for the patcher.</param>
internal sealed record VersionNeed(string File, string Version, ushort Index, ushort Flags, int FlagsOffset);
