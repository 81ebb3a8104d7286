using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Course.Notebooks.Grading;

/// <summary>What a batch was graded with and which submissions it holds; the shards of one batch agree on all of it.</summary>
/// <param name="Key">The key's file name.</param>
/// <param name="KeySha256">SHA-256 of the key's file.</param>
/// <param name="Parameters">The <c>-p</c> overrides, by name.</param>
/// <param name="Tests">The key's tests: the gradebook's columns.</param>
/// <param name="CellTimeoutSeconds"><c>--timeout</c>.</param>
/// <param name="BudgetSeconds"><c>--budget</c>.</param>
/// <param name="MemoryMb"><c>--memory</c>.</param>
/// <param name="Submissions">How many submissions the whole batch holds (every shard together).</param>
/// <param name="SubmissionsSha256">SHA-256 of the whole batch's file names, sorted, one a line: shards of another folder differ.</param>
public sealed record GradebookBatch(string Key, string KeySha256, IReadOnlyDictionary<string, string> Parameters, IReadOnlyList<GradebookColumn> Tests,
                                    double CellTimeoutSeconds, double BudgetSeconds, long MemoryMb, int Submissions, string SubmissionsSha256)
{
    /// <summary>The batch of <paramref name="submissions"/> (all of them, every shard's) graded with <paramref name="key"/>.</summary>
    public static GradebookBatch Of(GradingKey key, IReadOnlyDictionary<string, string> parameters, GradingLimits limits, IEnumerable<string> submissions)
    {
        var names = submissions.Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        return new GradebookBatch(
            Path.GetFileName(key.Path), Hex(File.ReadAllBytes(key.Path)), new SortedDictionary<string, string>(parameters.ToDictionary(), StringComparer.Ordinal),
            [.. key.Tests.Select(t => new GradebookColumn(t.Name, t.Points))],
            limits.CellTimeout.TotalSeconds, limits.SubmissionBudget.TotalSeconds, limits.MemoryBytes >> 20,
            names.Count, Hex(Encoding.UTF8.GetBytes(string.Concat(names.Select(n => n + "\n")))));
    }

    /// <summary>How <paramref name="other"/> differs from this batch, in a few words; null when it is the same batch.</summary>
    public string? Difference(GradebookBatch other)
    {
        static string Pairs(IReadOnlyDictionary<string, string> p) =>
            p.Count == 0 ? "none" : string.Join(' ', p.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"-p {kv.Key}={kv.Value}"));
        static string Columns(IReadOnlyList<GradebookColumn> c) => string.Join(", ", c.Select(t => $"{t.Name} ({t.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture)})"));
        static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
        static string N(double x) => x.ToString(CultureInfo.InvariantCulture);
        if (KeySha256 != other.KeySha256 || Key != other.Key)
            return $"a different key ({Key} sha256 {Short(KeySha256)}… against {other.Key} sha256 {Short(other.KeySha256)}…)";
        if (Pairs(Parameters) != Pairs(other.Parameters)) return $"different parameters ({Pairs(Parameters)} against {Pairs(other.Parameters)})";
        if (Columns(Tests) != Columns(other.Tests)) return $"different tests ({Columns(Tests)} against {Columns(other.Tests)})";
        if (CellTimeoutSeconds != other.CellTimeoutSeconds || BudgetSeconds != other.BudgetSeconds || MemoryMb != other.MemoryMb)
            return $"different limits (--timeout {N(CellTimeoutSeconds)} --budget {N(BudgetSeconds)} --memory {MemoryMb} against --timeout {N(other.CellTimeoutSeconds)} --budget {N(other.BudgetSeconds)} --memory {other.MemoryMb})";
        if (Submissions != other.Submissions || SubmissionsSha256 != other.SubmissionsSha256)
            return $"a different set of submissions ({Submissions} files against {other.Submissions}, or other names): shard one folder, unchanged while its shards run";
        return null;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
