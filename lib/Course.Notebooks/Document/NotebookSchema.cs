using System.Text.Json.Nodes;
using NJsonSchema;

namespace Course.Notebooks.Document;

/// <summary>Validates notebook JSON against the official nbformat 4.5 JSON schema.</summary>
/// <remarks>The schema (BSD-3, Jupyter) is embedded from Schema/nbformat.v4.5.schema.json.</remarks>
public static class NotebookSchema
{
    private static readonly Lazy<JsonSchema> schema = new(() =>
    {
        using var stream = typeof(NotebookSchema).Assembly.GetManifestResourceStream("nbformat.v4.5.schema.json")!;
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(FlattenDefinitions(reader.ReadToEnd())).GetAwaiter().GetResult();
    });

    /// <summary>
    /// The nbformat schema nests shared definitions one level deep (<c>#/definitions/misc/source</c>),
    /// which NJsonSchema's reference resolver does not follow; hoist them to <c>#/definitions/misc_source</c>.
    /// </summary>
    private static string FlattenDefinitions(string schemaJson)
    {
        var root = JsonNode.Parse(schemaJson)!.AsObject();
        var definitions = root["definitions"]!.AsObject();
        if (definitions["misc"] is JsonObject misc)
        {
            definitions.Remove("misc");
            foreach (var (name, value) in misc.ToList())
            {
                misc.Remove(name);
                definitions["misc_" + name] = value;
            }
        }
        return root.ToJsonString().Replace("#/definitions/misc/", "#/definitions/misc_", StringComparison.Ordinal);
    }

    /// <summary>The validation errors of <paramref name="json"/>, as "path: kind" lines (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(string json) =>
        schema.Value.Validate(json).Select(e => $"{(string.IsNullOrEmpty(e.Path) ? "#" : e.Path)}: {e.Kind}").ToList();

    /// <summary>Throw a <see cref="NotebookFormatException"/> naming the first schema violation.</summary>
    internal static void Validate(JsonObject notebook, string source)
    {
        var errors = Errors(notebook.ToJsonString());
        if (errors.Count == 0) return;
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "";
        throw new NotebookFormatException(
            $"{source} is not a valid nbformat 4.5 notebook: {errors[0]}{more}. Fix that field or re-save the notebook in Jupyter or VS Code.");
    }
}
