namespace Course.Notebooks.Running;

/// <summary>The one check of an output folder (<c>course run --out</c>, <c>course release --out</c>): usable, and never the sources' own folder.</summary>
/// <remarks>
/// Paths are compared after resolving symbolic links, so <c>--out link-to-notebooks</c> or <c>--out ./notebooks/../notebooks</c>
/// is refused like <c>--out notebooks</c>: writing there would overwrite the sources.
/// </remarks>
public static class OutputFolder
{
    /// <summary>Check <paramref name="outDir"/> for writing copies of <paramref name="sources"/>, create it, and return its full path.</summary>
    /// <param name="outDir">The folder as the user gave it.</param>
    /// <param name="sources">The notebooks whose copies go there.</param>
    /// <param name="copies">What is written, for the message: "executed copies", "student copies".</param>
    /// <exception cref="RunException">The parent folder is missing, the path is a file, or it is (through links) a source's folder.</exception>
    public static string Prepare(string outDir, IEnumerable<string> sources, string copies)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        var parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent))
            throw new RunException($"--out {outDir}: the parent folder {parent} does not exist; create it or choose another output folder.");
        if (File.Exists(full))
            throw new RunException($"--out {outDir} is a file; choose a folder for the {copies}.");
        var real = RealPath(full);
        var clash = sources.FirstOrDefault(s => string.Equals(RealPath(Path.GetDirectoryName(Path.GetFullPath(s))!), real, StringComparison.Ordinal));
        if (clash is not null)
            throw new RunException($"--out {outDir} is the folder of {Path.GetFileName(clash)}; the {copies} would overwrite the sources. Choose another folder (default: out).");
        Directory.CreateDirectory(full);
        return full;
    }

    /// <summary><paramref name="path"/> (absolute) with every symbolic link along it resolved; parts that do not exist yet are kept as written.</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                current = Path.TrimEndingDirectorySeparator(RealPath(target.FullName));
        }
        return Path.TrimEndingDirectorySeparator(current);
    }
}
