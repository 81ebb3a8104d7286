using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>How well clusters agree with known classes: clustering accuracy (after the best matching) and normalised mutual information.</summary>
/// <remarks>
/// Seed 004, "클러스터링 알고리즘" (the deep-clustering slide): clusters carry arbitrary numbers, so they are scored against the
/// digits only up to a renaming. <b>Accuracy</b> renames clusters with the <see cref="HungarianMatching"/> that makes the most
/// samples agree (Xie, Girshick, Farhadi 2016, DEC, eq. 10); <b>NMI</b> = I(C; Y) / ((H(C) + H(Y)) / 2) needs no renaming at all
/// (arithmetic-mean normalisation, scikit-learn's default). Notebook 09-autoencoder-applications scores k-means and deep clustering.
/// </remarks>
public static class ClusteringScores
{
    /// <summary>Counts n[c, y] of samples in cluster c with class y; rows 0…max cluster, columns 0…max class.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, are empty, or hold a negative number.</exception>
    public static int[,] ContingencyTable(int[] clusters, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(labels);
        if (clusters.Length != labels.Length || clusters.Length == 0)
            throw new ArgumentException($"Got {clusters.Length} cluster numbers and {labels.Length} labels; give one cluster per labelled sample (at least one).", nameof(labels));
        if (clusters.Any(c => c < 0) || labels.Any(y => y < 0))
            throw new ArgumentException("Cluster numbers and labels must be 0 or more.", clusters.Any(c => c < 0) ? nameof(clusters) : nameof(labels));
        var table = new int[clusters.Max() + 1, labels.Max() + 1];
        for (int i = 0; i < clusters.Length; i++) table[clusters[i], labels[i]]++;
        return table;
    }

    /// <summary>The class each cluster is renamed to by the best one-to-one matching (−1 for a cluster left unmatched).</summary>
    public static int[] BestMatching(int[] clusters, int[] labels)
    {
        var table = ContingencyTable(clusters, labels);
        var score = new double[table.GetLength(0), table.GetLength(1)];
        for (int c = 0; c < table.GetLength(0); c++)
            for (int y = 0; y < table.GetLength(1); y++) score[c, y] = table[c, y];
        return HungarianMatching.Maximize(score);
    }

    /// <summary>Clustering accuracy: the fraction of samples whose cluster, renamed by <see cref="BestMatching"/>, equals their class.</summary>
    /// <param name="clusters">Cluster number of each sample (0…k−1).</param>
    /// <param name="labels">True class of each sample (0…C−1).</param>
    public static double Accuracy(int[] clusters, int[] labels)
    {
        var matching = BestMatching(clusters, labels);
        int agree = Enumerable.Range(0, clusters.Length).Count(i => matching[clusters[i]] == labels[i]);
        return agree / (double)clusters.Length;
    }

    /// <summary>Normalised mutual information I(C; Y) / ((H(C) + H(Y)) / 2), in [0, 1]; 1 when both partitions are equal up to renaming.</summary>
    /// <remarks>Entropies in nats; two single-cluster partitions (both entropies 0) count as equal, NMI = 1.</remarks>
    public static double NormalizedMutualInformation(int[] clusters, int[] labels)
    {
        var table = ContingencyTable(clusters, labels);
        double n = clusters.Length;
        int rows = table.GetLength(0), cols = table.GetLength(1);
        var rowSums = new double[rows];
        var colSums = new double[cols];
        for (int c = 0; c < rows; c++)
            for (int y = 0; y < cols; y++) { rowSums[c] += table[c, y]; colSums[y] += table[c, y]; }
        double mutual = 0;
        for (int c = 0; c < rows; c++)
            for (int y = 0; y < cols; y++)
                if (table[c, y] > 0)
                    mutual += table[c, y] / n * Math.Log(n * table[c, y] / (rowSums[c] * colSums[y]));
        double hC = Entropy(rowSums, n), hY = Entropy(colSums, n);
        if (hC + hY == 0) return 1.0;
        return Math.Clamp(mutual / ((hC + hY) / 2), 0, 1);
    }

    /// <summary><see cref="Accuracy(int[], int[])"/> of cluster numbers (N) against labels (N), both integer tensors.</summary>
    public static double Accuracy(Tensor clusters, Tensor labels) => Accuracy(Ints(clusters, nameof(clusters)), Ints(labels, nameof(labels)));

    /// <summary><see cref="NormalizedMutualInformation(int[], int[])"/> of cluster numbers (N) against labels (N).</summary>
    public static double NormalizedMutualInformation(Tensor clusters, Tensor labels) =>
        NormalizedMutualInformation(Ints(clusters, nameof(clusters)), Ints(labels, nameof(labels)));

    private static double Entropy(double[] counts, double n) =>
        -counts.Where(c => c > 0).Sum(c => c / n * Math.Log(c / n));

    private static int[] Ints(Tensor t, string name)
    {
        ArgumentNullException.ThrowIfNull(t, name);
        if (t.dim() != 1)
            throw new ArgumentException($"{name} must be one number per sample (N), got shape {ShapeText.Of(t)}.", name);
        using var scope = torch.NewDisposeScope();
        return t.cpu().to_type(ScalarType.Int64).data<long>().Select(v => (int)v).ToArray();
    }
}
