using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Notebooks.Grading;

/// <summary>A batch's grades, one row per submission in file-name order, and what the batch was graded with.</summary>
/// <remarks>
/// A gradebook is written twice: as CSV for a spreadsheet (a column per test, the score, then the seconds, CPU seconds
/// and peak memory grading took) and as JSON beside it (every test's status and message, the key's SHA-256, the
/// parameters and limits, the shard). Shards of one batch (<c>--shard I/N</c>) merge into the gradebook one run would
/// have written: the same rows in the same order with the same results; only the timings differ.
/// </remarks>
/// <param name="Batch">The key, parameters, limits and submissions of the whole batch.</param>
/// <param name="Shard">Which shard these rows are; null for a whole batch.</param>
/// <param name="Rows">One row per submission, ordered by file name (ordinal).</param>
public sealed record Gradebook(GradebookBatch Batch, Shard? Shard, IReadOnlyList<GradebookRow> Rows)
{
    /// <summary>The JSON gradebook's format name and version.</summary>
    public const string FormatName = "course-gradebook/1";

    /// <summary>The JSON's format field (<see cref="FormatName"/>).</summary>
    [JsonPropertyOrder(-1)]
    public string Format { get; init; } = FormatName;

    private static readonly JsonSerializerOptions options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false), new ShardConverter() },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The gradebook of <paramref name="reports"/>, sorted by file name.</summary>
    public static Gradebook Of(GradebookBatch batch, Shard? shard, IEnumerable<GradeReport> reports) =>
        new(batch, shard, [.. reports.Select(GradebookRow.Of).OrderBy(r => r.Submission, StringComparer.Ordinal)]);

    /// <summary>The CSV and JSON files of the gradebook named <paramref name="path"/>: the one given, and the other beside it.</summary>
    public static (string Csv, string Json) Files(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? (Path.ChangeExtension(path, ".csv"), path) : (path, Path.ChangeExtension(path, ".json"));

    /// <summary>Write the CSV and the JSON gradebook (<see cref="Files"/>); returns their paths.</summary>
    public (string Csv, string Json) Save(string path)
    {
        var (csv, json) = Files(path);
        File.WriteAllText(csv, ToCsv());
        File.WriteAllText(json, ToJson());
        return (csv, json);
    }

    /// <summary>One line per submission: a column per test, the score, then <c>seconds</c>, <c>cpu_seconds</c> and <c>peak_memory_mb</c>.</summary>
    public string ToCsv()
    {
        static string N(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);
        var csv = new StringBuilder();
        var header = new[] { "submission" }.Concat(Batch.Tests.Select(t => t.Name)).Concat(["score", "max_score", "seconds", "cpu_seconds", "peak_memory_mb"]);
        csv.AppendLine(string.Join(',', header.Select(h => GradeReportWriter.Quote(GradeReportWriter.Printable(h)))));
        foreach (var r in Rows)
        {
            var cells = Batch.Tests.Select(c => r.Tests.FirstOrDefault(t => t.Name == c.Name) is { } t ? GradeReportWriter.Points(t.Points) : "");
            csv.AppendLine(string.Join(',', new[] { GradeReportWriter.Quote(GradeReportWriter.Printable(r.Submission)) }.Concat(cells)
                .Concat([GradeReportWriter.Points(r.Score), GradeReportWriter.Points(r.MaxScore), N(r.Seconds, "0.0"), N(r.CpuSeconds, "0.0"), N(r.PeakMemoryMb, "0")])));
        }
        return csv.ToString();
    }

    /// <summary>The JSON gradebook; without <paramref name="timings"/>, seconds and memory are 0 (to compare two runs of one batch).</summary>
    public string ToJson(bool timings = true) =>
        JsonSerializer.Serialize(timings ? this : this with { Rows = [.. Rows.Select(r => r.WithoutTimings())] }, options) + "\n";

    /// <summary>Read a JSON gradebook (or the one beside a CSV gradebook).</summary>
    /// <exception cref="GradebookException">It is missing or is not a course gradebook.</exception>
    public static Gradebook Load(string path)
    {
        var json = Files(path).Json;
        if (!File.Exists(json))
            throw new GradebookException(json == path ? $"{path} does not exist" : $"{path}: its JSON gradebook {json} is missing; merge the .json files course grade wrote");
        Gradebook? book;
        try
        {
            book = JsonSerializer.Deserialize<Gradebook>(File.ReadAllText(json), options);
        }
        catch (JsonException e)
        {
            throw new GradebookException($"{json} is not a course gradebook: {e.Message.Split('\n')[0]}");
        }
        if (book is null || book.Format != FormatName)
            throw new GradebookException($"{json} is not a course gradebook (format {book?.Format ?? "missing"}, expected {FormatName}); grade again with this version of course");
        if (book.Rows.GroupBy(r => r.Submission, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new GradebookException($"{json} lists {twice.Key} twice; grade its shard again");
        return book;
    }

    /// <summary>Join the gradebooks of every shard of one batch into the gradebook of a single run.</summary>
    /// <param name="books">Each shard's gradebook, with the file it came from (for messages).</param>
    /// <exception cref="GradebookException">
    /// The shards are of different batches (key, parameters, limits or submissions), overlap, come from different splits,
    /// or one is missing.
    /// </exception>
    public static Gradebook Merge(IReadOnlyList<(string File, Gradebook Book)> books)
    {
        if (books.Count == 0) throw new GradebookException("no gradebooks to merge; give every shard's gradebook");
        var (firstFile, first) = books[0];
        foreach (var (file, book) in books.Skip(1))
            if (first.Batch.Difference(book.Batch) is { } difference)
                throw new GradebookException($"{file} was graded with {difference} than {firstFile}; merge only the shards of one batch");
        if (books.Count > 1 && books.FirstOrDefault(b => b.Book.Shard is null) is { File: { } whole })
            throw new GradebookException($"{whole} is a whole batch's gradebook, not a shard; it overlaps every other");
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, book) in books)
        foreach (var row in book.Rows)
            if (!seen.TryAdd(row.Submission, file))
                throw new GradebookException($"{file} and {seen[row.Submission]} overlap: both grade {row.Submission}; give each shard once");
        if (first.Shard is { } shard)
        {
            if (books.FirstOrDefault(b => b.Book.Shard!.Value.Count != shard.Count) is { File: { } other })
                throw new GradebookException($"{other} is shard {books.First(b => b.File == other).Book.Shard} but {firstFile} is shard {shard}: merge the shards of one split");
            var byIndex = books.GroupBy(b => b.Book.Shard!.Value.Index).ToList();
            if (byIndex.FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new GradebookException($"{string.Join(" and ", twice.Select(b => b.File))} are both shard {twice.Key}/{shard.Count}; give each shard once");
            var missing = Enumerable.Range(1, shard.Count).Except(byIndex.Select(g => g.Key)).ToList();
            if (missing.Count > 0)
                throw new GradebookException($"shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"{m}/{shard.Count}"))} missing; give every shard's gradebook");
        }
        var rows = books.SelectMany(b => b.Book.Rows).OrderBy(r => r.Submission, StringComparer.Ordinal).ToList();
        if (rows.Count != first.Batch.Submissions)
            throw new GradebookException($"the gradebooks hold {rows.Count} of the batch's {first.Batch.Submissions} submissions; grade the missing ones' shard again");
        return new Gradebook(first.Batch, null, rows);
    }

    /// <summary>A shard in JSON: <c>"I/N"</c>.</summary>
    private sealed class ShardConverter : JsonConverter<Shard>
    {
        public override Shard Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return Grading.Shard.Parse(reader.GetString() ?? "");
            }
            catch (ArgumentException e)
            {
                throw new JsonException(e.Message);
            }
        }

        public override void Write(Utf8JsonWriter writer, Shard value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
