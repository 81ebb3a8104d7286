using System.Globalization;

namespace Course.Notebooks.Grading;

/// <summary>The I-th of N parts of a class, so that several machines grade one batch (<c>course grade DIR --shard I/N</c>).</summary>
/// <remarks>
/// The split is stable: submissions sorted by file name (ordinal), then dealt round robin, so shard I holds the files at
/// positions I, I + N, I + 2N, … (counting from 1). Every file is in exactly one shard, and the shards' gradebooks merge
/// (<see cref="Gradebook.Merge"/>) into the gradebook of one run.
/// </remarks>
/// <param name="Index">Which shard, from 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shards.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>Read <c>I/N</c> (1 ≤ I ≤ N).</summary>
    /// <exception cref="ArgumentException">Not of that form; the message is one line naming the text and the fix.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !Whole(parts[0], out var index) || !Whole(parts[1], out var count))
            throw new ArgumentException($"--shard {text}: expected I/N, the I-th of N shards (e.g. --shard 1/4)");
        if (count < 1) throw new ArgumentException($"--shard {text}: N, the number of shards, must be at least 1");
        if (index < 1 || index > count) throw new ArgumentException($"--shard {text}: I must be from 1 to {count} (shards count from 1)");
        return new Shard(index, count);
    }

    private static bool Whole(string s, out int value) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>This shard's part of <paramref name="sorted"/> (already in the batch's order).</summary>
    public IReadOnlyList<T> Of<T>(IReadOnlyList<T> sorted)
    {
        var (index, count) = (Index, Count);
        return [.. sorted.Where((_, i) => i % count == index - 1)];
    }

    /// <summary><c>I/N</c>.</summary>
    public override string ToString() => $"{Index}/{Count}";
}
