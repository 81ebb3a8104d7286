using System.Security.Cryptography;

namespace Course.Native;

/// <summary>Per-user folder of patched native libraries, keyed by the SHA-256 of the original file.</summary>
/// <remarks>
/// The copy lives at <c>$XDG_CACHE_HOME/course/native/&lt;sha256&gt;/&lt;name&gt;</c> (default
/// <c>~/.cache</c>; falls back to the temp folder when that is not writable). The original is only
/// read: in a built app it is usually a hard link into the NuGet cache, so writing it would change
/// every project's copy. A new copy is written to a temp file in the same folder and renamed over
/// the final name, which is atomic, so concurrent processes never see a half-written library and a
/// process that already mapped an older copy keeps its own inode.
/// </remarks>
internal static class PatchCache
{
    /// <summary>The cache roots to try, best first: <c>$XDG_CACHE_HOME</c>, <c>~/.cache</c>, then the temp folder.</summary>
    /// <param name="concern">The subfolder under <c>course/</c>: <c>native</c> here, <c>nuget</c> for the notebook engine's restores.</param>
    public static IEnumerable<string> DefaultRoots(string concern = "native")
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
            yield return Path.Combine(xdg, "course", concern);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home))
            yield return Path.Combine(home, ".cache", "course", concern);
        yield return Path.Combine(Path.GetTempPath(), $"course-{concern}-{Environment.UserName}");
    }

    /// <summary>
    /// Return the path of the patched copy of <paramref name="original"/> under the first usable root,
    /// writing it only when it is missing or differs from <paramref name="patch"/>'s output.
    /// </summary>
    /// <param name="original">The library to patch; read, never written.</param>
    /// <param name="patch">Turns the original bytes into the patched bytes (deterministic).</param>
    /// <param name="roots">Cache roots to try in order; <see cref="DefaultRoots"/> when null.</param>
    /// <exception cref="IOException">No root could hold the copy (the message names the last one tried).</exception>
    public static string GetOrCreate(string original, Func<byte[], byte[]> patch, IEnumerable<string>? roots = null)
    {
        var bytes = File.ReadAllBytes(original);
        var patched = patch(bytes);
        var key = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Exception? last = null;
        foreach (var root in roots ?? DefaultRoots())
        {
            var path = Path.Combine(root, key, Path.GetFileName(original));
            try
            {
                if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(patched))
                    WriteAtomically(path, patched);
                return path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                last = new IOException($"cannot write {path}: {e.Message}", e);
            }
        }
        throw last ?? new IOException("no cache folder to write to");
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);   // rename(2): atomic within one folder
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
