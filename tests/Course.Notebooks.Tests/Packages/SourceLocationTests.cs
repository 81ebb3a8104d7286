using Course.Notebooks.Packages;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Packages;

public class SourceLocationTests
{
    [Theory]
    [InlineData("https://api.nuget.org/v3/index.json")]
    [InlineData("http://localhost:5555/v3/index.json")]
    public void AFeedUrlIsKeptAsWritten(string url) =>
        Assert.Equal(url, SourceLocation.Resolve(url, "/nowhere", out _));

    [Fact]
    public void AFolderIsRelativeToTheNotebook()
    {
        using var root = new TempFolder();
        Directory.CreateDirectory(root.File("feed"));
        var notebook = Directory.CreateDirectory(root.File("notebooks")).FullName;
        Assert.Equal(root.File("feed"), SourceLocation.Resolve("../feed", notebook, out _));
        Assert.Equal(root.File("feed"), SourceLocation.Resolve(new Uri(root.File("feed")).AbsoluteUri, notebook, out _));
    }

    [Theory]
    [InlineData("../artifacts/packages", "no folder at /nowhere/artifacts/packages; left out of the sources (it is relative to the notebook).")]
    [InlineData("ftp://feed.example/", "NuGet reads http(s) feeds and folders only; left out.")]
    public void WhatNuGetCannotReadIsLeftOutWithANote(string source, string why)
    {
        Assert.Null(SourceLocation.Resolve(source, "/nowhere/notebooks", out var note));
        Assert.Equal($"#i \"nuget: {source}\": {why}", note);
    }
}
