using Course.Notebooks.Document;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Document;

public class NotebookDocumentTests
{
    private const string PolyglotNotebook = """
        {
         "cells": [
          {"cell_type": "markdown", "id": "a1", "metadata": {}, "source": ["# Title\n", "\n", "Text"]},
          {"cell_type": "code", "execution_count": null, "id": "b2",
           "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}, "tags": ["parameters"]},
           "outputs": [], "source": ["var numEpochs = 3;\n", "var lr = 0.1;"]}
         ],
         "metadata": {
          "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
          "language_info": {"name": "polyglot-notebook"},
          "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}}
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;

    [Fact]
    public void ParsesANotebookAsPolyglotNotebooksWritesIt()
    {
        var doc = NotebookDocument.Parse(PolyglotNotebook, "test.ipynb");
        Assert.Equal(2, doc.Cells.Count);
        Assert.Equal("Title", doc.Title);
        Assert.Equal("var numEpochs = 3;\nvar lr = 0.1;", doc.Cells[1].Source);
        Assert.True(doc.Cells[1].HasTag("parameters"));
        Assert.Equal(".net-csharp", doc.KernelName);
    }

    [Fact]
    public void WrittenNotebookIsValidAgainstTheNbformatSchema()
    {
        var doc = NotebookDocument.Parse(PolyglotNotebook, "test.ipynb");
        doc.Cells[1].Outputs.Add(new StreamOutput("stdout", "hello\nworld\n"));
        doc.Cells[1].Outputs.Add(new DisplayDataOutput(new Dictionary<string, string> { ["text/plain"] = "x", ["application/vnd.plotly.v1+json"] = "{\"data\":[]}" }));
        doc.Cells[1].Outputs.Add(new ExecuteResultOutput(new Dictionary<string, string> { ["text/plain"] = "42" }, 1));
        doc.Cells[1].Outputs.Add(new ErrorOutput("Boom", "it broke", ["Boom: it broke"]));
        doc.Cells[1].ExecutionCount = 1;
        Assert.Empty(NotebookSchema.Errors(doc.ToJson()));
    }

    [Fact]
    public void RoundTripKeepsSourcesOutputsAndMetadata()
    {
        var doc = NotebookDocument.Parse(PolyglotNotebook, "test.ipynb");
        doc.Cells[1].Outputs.Add(new StreamOutput("stderr", "warn\n"));
        var again = NotebookDocument.Parse(doc.ToJson(), "again");
        Assert.Equal(doc.ToJson(), again.ToJson());
        Assert.Equal("warn\n", Assert.IsType<StreamOutput>(again.Cells[1].Outputs[0]).Text);
    }

    [Fact]
    public void MalformedJsonNamesTheFileLineAndPosition()
    {
        var broken = PolyglotNotebook.Replace("\"cell_type\": \"code\",", "\"cell_type\": \"code\"");
        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Parse(broken, "notebooks/broken.ipynb"));
        Assert.StartsWith("notebooks/broken.ipynb: invalid JSON at line 4", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void APythonNotebookIsRejectedNamingItsKernel()
    {
        var python = PolyglotNotebook.Replace("\"language\": \"C#\", \"name\": \".net-csharp\"", "\"language\": \"python\", \"name\": \"python3\"")
                                     .Replace("polyglot-notebook", "python")
                                     .Replace("\"dotnet_interactive\": {\"language\": \"csharp\"}, \"polyglot_notebook\": {\"kernelName\": \"csharp\"}, ", "");
        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Parse(python, "py.ipynb"));
        Assert.Contains("python", e.Message);
        Assert.Contains(".net-csharp", e.Message);
    }

    [Theory]
    [InlineData("\"polyglot_notebook\": {\"kernelName\": \"csharp\"}")]
    [InlineData("\"dotnet_interactive\": {\"language\": \"csharp\"}")]
    public void ANotebookSavedAsPythonWhoseCellsAreCSharpIsCSharp(string cellMetadata)
    {
        // What VS Code's Polyglot extension can save: Python's language_info, no kernelspec, C# cells.
        var saved = PolyglotNotebook.Replace("\"kernelspec\": {\"display_name\": \".NET (C#)\", \"language\": \"C#\", \"name\": \".net-csharp\"},", "")
                                    .Replace("polyglot-notebook", "python")
                                    .Replace("\"dotnet_interactive\": {\"language\": \"csharp\"}, \"polyglot_notebook\": {\"kernelName\": \"csharp\"}", cellMetadata);
        Assert.Contains("\"python\"", saved);
        Assert.DoesNotContain("kernelspec", saved);
        Assert.NotEmpty(NotebookDocument.Parse(saved, "saved.ipynb").Cells);
    }

    [Theory]
    [InlineData("{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {}, \"worksheets\": []}", "nbformat 3 is not supported")]
    [InlineData("[1, 2, 3]", "holds a array")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\"}]}", "is not a valid nbformat 4.5 notebook")]
    public void InvalidNotebooksGiveOneLineNamingTheProblem(string json, string expected)
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Parse(json, "x.ipynb"));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void OlderMinorVersionsGetCellIds()
    {
        var old = PolyglotNotebook.Replace("\"id\": \"a1\", ", "").Replace("\"id\": \"b2\",", "").Replace("\"nbformat_minor\": 5", "\"nbformat_minor\": 4");
        var doc = NotebookDocument.Parse(old, "old.ipynb");
        Assert.All(doc.Cells, c => Assert.False(string.IsNullOrEmpty(c.Id)));
        Assert.Empty(NotebookSchema.Errors(doc.ToJson()));
    }

    [Fact]
    public void AMissingFileNamesThePath()
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Load("/no/such/nb.ipynb"));
        Assert.Contains("/no/such/nb.ipynb does not exist", e.Message);
    }

    [Fact]
    public void SaveWritesAtomicallyAndReadsBack()
    {
        using var folder = new TempFolder();
        var path = Support.Notebooks.Write(folder, "nb", Support.Notebooks.Of("1 + 1"));
        Assert.Equal("1 + 1", NotebookDocument.Load(path).Cells[1].Source);
        Assert.Single(Directory.GetFiles(folder.Path));
    }
}
