using System.Text.Json.Nodes;

namespace Course.Notebooks.Document;

/// <summary>The notebook metadata Polyglot Notebooks writes, which our engine and kernel keep.</summary>
/// <remarks>See DESIGN.md, "Notebook format": nbformat 4.5, kernelspec <c>.net-csharp</c>.</remarks>
public static class NotebookFormat
{
    /// <summary>The kernelspec name notebooks written for .NET Interactive use.</summary>
    public const string KernelName = ".net-csharp";

    /// <summary>Kernel names the engine accepts as C#.</summary>
    public static readonly IReadOnlySet<string> CSharpKernelNames =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".net-csharp", "csharp", "c#", ".net-csharp-course" };

    /// <summary>The notebook-level metadata of a new C# notebook.</summary>
    public static JsonObject CSharpNotebookMetadata() => new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = KernelName },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        },
    };

    /// <summary>The cell-level metadata of a C# code cell.</summary>
    public static JsonObject CSharpCellMetadata() => new()
    {
        ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
    };
}
