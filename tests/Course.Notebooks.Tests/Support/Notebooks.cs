using Course.Notebooks.Document;

namespace Course.Notebooks.Tests.Support;

/// <summary>Small notebooks built in code for tests.</summary>
public static class Notebooks
{
    public static NotebookDocument Of(params string[] codeCells) =>
        NotebookDocument.CreateCSharp([NotebookCell.Markdown("# Test notebook\n\nA notebook made by a test."), .. codeCells.Select(c => NotebookCell.Code(c))]);

    public static string Write(TempFolder folder, string stem, NotebookDocument notebook)
    {
        var path = folder.File(stem + ".ipynb");
        notebook.Save(path);
        return path;
    }

    /// <summary>The repository root (the folder holding Course.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Course.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Course.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
