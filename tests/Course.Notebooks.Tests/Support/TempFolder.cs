namespace Course.Notebooks.Tests.Support;

/// <summary>A fresh folder under /tmp (or <paramref name="parent"/>), deleted when the test ends.</summary>
public sealed class TempFolder(string? parent = null) : IDisposable
{
    public string Path { get; } = Create(parent ?? System.IO.Path.GetTempPath());

    private static string Create(string parent)
    {
        var path = System.IO.Path.Combine(parent, "course-test-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(path);
        return path;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
