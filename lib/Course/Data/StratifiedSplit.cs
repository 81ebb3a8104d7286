namespace Course.Data;

/// <summary>Pick train and test indices so that every class is split in the same proportion.</summary>
/// <remarks>
/// Behind <see cref="MnistData.Split"/> (notebooks 04-cnn-mnist, 07-autoencoder and later). Uses
/// <see cref="System.Random"/> with a fixed seed, never TorchSharp's generator, so the split does not
/// depend on what else a notebook has drawn, and needs no native library.
/// </remarks>
public static class StratifiedSplit
{
    /// <summary>Split positions 0…N-1 of <paramref name="labels"/> into disjoint, sorted train and test index lists.</summary>
    /// <remarks>
    /// Each class gets its share of <paramref name="trainCount"/> and <paramref name="testCount"/> in
    /// proportion to its size (largest remainder, so the totals are exact and every class is within one
    /// of proportional). Within a class the positions are shuffled by <c>new Random(seed)</c>, classes in
    /// ascending order; the first go to train, the next to test. Same labels and seed → same indices.
    /// Used by notebooks 04-cnn-mnist and 07-autoencoder through <see cref="MnistData.Split"/>.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or together they exceed the data.</exception>
    public static (int[] Train, int[] Test) Indices(IReadOnlyList<int> labels, int trainCount, int testCount, int seed = 0)
    {
        int n = labels.Count;
        if (trainCount < 0 || testCount < 0 || (long)trainCount + testCount > n)
            throw new ArgumentOutOfRangeException(nameof(trainCount),
                $"Split(trainCount: {trainCount}, testCount: {testCount}) needs two non-negative counts that add up to at most the {n:N0} examples; lower the counts or load more data.");

        // Positions of each class, ascending by class and then by position.
        var classes = Enumerable.Range(0, n).GroupBy(i => labels[i]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        var sizes = classes.Select(c => c.Length).ToArray();

        var random = new Random(seed);
        foreach (var members in classes)
            Shuffle(members, random);

        var trainPerClass = Apportion(trainCount, sizes, caps: sizes);
        var testPerClass = Apportion(testCount, sizes, caps: sizes.Select((s, c) => s - trainPerClass[c]).ToArray());

        var train = new List<int>(trainCount);
        var test = new List<int>(testCount);
        for (int c = 0; c < classes.Length; c++)
        {
            train.AddRange(classes[c].Take(trainPerClass[c]));
            test.AddRange(classes[c].Skip(trainPerClass[c]).Take(testPerClass[c]));
        }
        train.Sort();
        test.Sort();
        return (train.ToArray(), test.ToArray());
    }

    /// <summary>Fisher–Yates, written out so the order depends only on <see cref="Random"/>'s seeded sequence.</summary>
    private static void Shuffle(int[] items, Random random)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Share <paramref name="total"/> among classes in proportion to <paramref name="sizes"/>, never above <paramref name="caps"/>.</summary>
    private static int[] Apportion(int total, int[] sizes, int[] caps)
    {
        long n = sizes.Sum();
        var share = new int[sizes.Length];
        var remainders = new long[sizes.Length];
        for (int c = 0; c < sizes.Length; c++)
        {
            long exact = (long)total * sizes[c]; // share = exact / n
            share[c] = (int)Math.Min(exact / n, caps[c]);
            remainders[c] = exact % n;
        }

        // Hand out what is left one at a time, largest remainder first (ties: lower class first):
        // first only up to each class's proportional ceiling, then (rarely, when caps bite) anywhere with room.
        int left = total - share.Sum();
        var order = Enumerable.Range(0, sizes.Length).OrderByDescending(c => remainders[c]).ThenBy(c => c).ToArray();
        foreach (int c in order)
        {
            long ceiling = ((long)total * sizes[c] + n - 1) / n;
            if (left > 0 && share[c] < caps[c] && share[c] < ceiling) { share[c]++; left--; }
        }
        while (left > 0) // terminates: the caps always add up to at least total
            foreach (int c in order)
                if (left > 0 && share[c] < caps[c]) { share[c]++; left--; }
        return share;
    }
}
