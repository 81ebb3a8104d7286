using Course.Notebooks.Running;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Running;

/// <summary>The one output-folder check of run and release: symbolic links cannot sneak the sources' folder past it.</summary>
public class OutputFolderTests
{
    [Fact]
    public void ALinkToTheSourcesFolderIsRefusedLikeTheFolderItself()
    {
        using var folder = new TempFolder();
        var notebooks = Directory.CreateDirectory(folder.File("notebooks")).FullName;
        var source = Path.Combine(notebooks, "00-setup.ipynb");
        File.WriteAllText(source, "{}");
        Directory.CreateSymbolicLink(folder.File("link"), notebooks);
        foreach (var outDir in new[] { notebooks, notebooks + "/", folder.File("link"), folder.File("link/"), Path.Combine(notebooks, "..", "link") })
        {
            var e = Assert.Throws<RunException>(() => OutputFolder.Prepare(outDir, [source], "executed copies"));
            Assert.Contains("the executed copies would overwrite the sources", e.Message);
        }
    }

    [Fact]
    public void ASourceReachedThroughALinkIsRefusedInItsRealFolder()
    {
        using var folder = new TempFolder();
        var notebooks = Directory.CreateDirectory(folder.File("notebooks")).FullName;
        File.WriteAllText(Path.Combine(notebooks, "a.ipynb"), "{}");
        Directory.CreateSymbolicLink(folder.File("link"), notebooks);
        Assert.Throws<RunException>(() => OutputFolder.Prepare(notebooks, [folder.File("link/a.ipynb")], "student copies"));
    }

    [Fact]
    public void AnotherFolderIsCreatedAndReturnedInFull()
    {
        using var folder = new TempFolder();
        var source = folder.File("a.ipynb");
        Assert.Equal(folder.File("out"), OutputFolder.Prepare(folder.File("out") + "/", [source], "executed copies"));
        Assert.True(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void RealPathResolvesLinksAlongThePathAndKeepsMissingParts()
    {
        using var folder = new TempFolder();
        var real = Directory.CreateDirectory(folder.File("real")).FullName;
        Directory.CreateSymbolicLink(folder.File("link"), real);
        Assert.Equal(Path.Combine(OutputFolder.RealPath(real), "new", "x"), OutputFolder.RealPath(folder.File("link/new/x")));
    }
}
