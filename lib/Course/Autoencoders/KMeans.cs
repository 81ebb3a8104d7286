using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>k-means clustering (Lloyd's algorithm with k-means++ seeding): k centroids, each point in the cluster of its nearest centroid.</summary>
/// <remarks>
/// Seed 004, "클러스터링 알고리즘": "without step 1 it is just k-means" — assign every f(x) to its nearest centre c(x) = argmin ‖f(x) − c_i‖²,
/// move every centre to the mean of its points, repeat. It minimises the inertia Σ ‖x − c(x)‖². Seeding with k-means++
/// (Arthur and Vassilvitskii 2007: each new centre drawn with probability ∝ its squared distance to the nearest one so far)
/// and keeping the best of several starts avoids most bad local minima. All steps are batched tensor operations.
/// Notebook 09-autoencoder-applications clusters raw pixels (the baseline) and autoencoder codes with it.
/// </remarks>
public sealed class KMeans
{
    private KMeans(Tensor centroids, Tensor assignments, double inertia, int iterations)
    {
        Centroids = centroids;
        Assignments = assignments;
        Inertia = inertia;
        Iterations = iterations;
    }

    /// <summary>The centroids (k, D), float32.</summary>
    public Tensor Centroids { get; }

    /// <summary>The cluster (0…k−1) of each fitted point, int64 (N).</summary>
    public Tensor Assignments { get; }

    /// <summary>Sum over the fitted points of the squared distance to their centroid.</summary>
    public double Inertia { get; }

    /// <summary>Lloyd iterations the best start took to converge.</summary>
    public int Iterations { get; }

    /// <summary>Number of clusters k.</summary>
    public int NumClusters => (int)Centroids.shape[0];

    /// <summary>Cluster the rows of <paramref name="X"/> into <paramref name="numClusters"/> groups; the best of <paramref name="numInit"/> starts is kept.</summary>
    /// <param name="X">Points (N, D), or (N, …) flattened to D values per point.</param>
    /// <param name="numClusters">k, between 1 and N.</param>
    /// <param name="seed">Seed of the k-means++ draws: the same seed gives the same clustering.</param>
    /// <param name="numInit">Independent starts; the one with the smallest inertia wins.</param>
    /// <param name="maxIterations">Most Lloyd iterations per start.</param>
    /// <exception cref="ArgumentException">k outside [1, N], or numInit / maxIterations below 1.</exception>
    public static KMeans Fit(Tensor X, int numClusters, int seed = 0, int numInit = 4, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(X);
        if (X.dim() < 2 || X.shape[0] == 0)
            throw new ArgumentException($"k-means needs points (N, D); got shape {ShapeText.Of(X)}.", nameof(X));
        if (numClusters < 1 || numClusters > X.shape[0])
            throw new ArgumentException($"numClusters must be between 1 and the number of points {X.shape[0]}; got {numClusters}.", nameof(numClusters));
        if (numInit < 1) throw new ArgumentOutOfRangeException(nameof(numInit), numInit, "numInit must be at least 1.");
        if (maxIterations < 1) throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "maxIterations must be at least 1.");

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var points = X.detach().reshape(X.shape[0], -1).to_type(ScalarType.Float32);  // (N, D)
        var norms = RowNorms(points);                                                // (N, 1) ‖x‖², once for every start and iteration
        using var generator = new torch.Generator((ulong)seed);
        Tensor? bestCentroids = null, bestAssignments = null;
        double bestInertia = double.PositiveInfinity;
        int bestIterations = 0;
        for (int start = 0; start < numInit; start++)
        {
            using var startScope = torch.NewDisposeScope();                          // frees this start's iterations
            var centroids = PlusPlus(points, norms, numClusters, generator);         // (k, D)
            var assignments = Distances(points, norms, centroids).argmin(1);         // (N)
            int iteration = 1;
            for (; iteration <= maxIterations; iteration++)
            {
                centroids = UpdateCentroids(points, assignments, centroids);
                var next = Distances(points, norms, centroids).argmin(1);
                bool stable = next.ne(assignments).sum().item<long>() == 0;
                assignments = next;
                if (stable) break;
            }
            double inertia = Distances(points, norms, centroids).gather(1, assignments.unsqueeze(1)).sum().to_type(ScalarType.Float64).item<double>();
            if (inertia < bestInertia)
            {
                bestCentroids?.Dispose();
                bestAssignments?.Dispose();
                (bestInertia, bestIterations) = (inertia, Math.Min(iteration, maxIterations));
                (bestCentroids, bestAssignments) = (centroids.MoveToOuterDisposeScope(), assignments.MoveToOuterDisposeScope());
            }
        }
        return new KMeans(bestCentroids!.DetachFromDisposeScope(), bestAssignments!.DetachFromDisposeScope(), bestInertia, bestIterations);
    }

    /// <summary>The nearest centroid of each row of <paramref name="X"/>: int64 (N).</summary>
    public Tensor Predict(Tensor X)
    {
        ArgumentNullException.ThrowIfNull(X);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return Assign(X.reshape(X.shape[0], -1).to_type(ScalarType.Float32), Centroids).MoveToOuterDisposeScope();
    }

    /// <summary>Squared Euclidean distances ‖x_i − c_j‖² between every row of <paramref name="X"/> (N, D) and every centroid (k, D): (N, k).</summary>
    /// <remarks>
    /// Computed as ‖x‖² − 2 x·c + ‖c‖² with one matrix product, clamped at 0 against rounding. No (N, D) temporary is made:
    /// ‖x‖² is summed <see cref="RowsPerChunk"/> rows at a time, so clustering 10,000 digits keeps its memory flat.
    /// </remarks>
    /// <exception cref="ArgumentException">The two do not have the same D.</exception>
    public static Tensor SquaredDistances(Tensor X, Tensor centroids)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(centroids);
        if (X.dim() != 2 || centroids.dim() != 2 || X.shape[1] != centroids.shape[1])
            throw new ArgumentException($"Points {ShapeText.Of(X)} and centroids {ShapeText.Of(centroids)} must both be (·, D) with the same D.", nameof(centroids));
        using var scope = torch.NewDisposeScope();
        return Distances(X, RowNorms(X), centroids).MoveToOuterDisposeScope();      // (N, k)
    }

    /// <summary>Rows of X squared and summed per block: the largest temporary, (RowsPerChunk, D), stays a few MB.</summary>
    internal const long RowsPerChunk = 1024;

    /// <summary>‖x_i‖² of every row (N, 1), a block of <see cref="RowsPerChunk"/> rows at a time.</summary>
    private static Tensor RowNorms(Tensor X)
    {
        using var scope = torch.NewDisposeScope();
        var parts = new List<Tensor>();
        for (long s = 0; s < X.shape[0]; s += RowsPerChunk)
            parts.Add(X.narrow(0, s, Math.Min(RowsPerChunk, X.shape[0] - s)).square().sum([1], keepdim: true)); // (≤ RowsPerChunk, 1)
        return torch.cat(parts, 0).MoveToOuterDisposeScope();                        // (N, 1)
    }

    /// <summary>‖x‖² − 2 x·c + ‖c‖² from the rows' squared norms <paramref name="xx"/> (N, 1), computed once per fit.</summary>
    private static Tensor Distances(Tensor X, Tensor xx, Tensor centroids)
    {
        using var scope = torch.NewDisposeScope();
        var cc = centroids.square().sum([1]).unsqueeze(0);                           // (1, k)
        return (xx - 2 * X.matmul(centroids.t()) + cc).clamp_min(0).MoveToOuterDisposeScope(); // (N, k): only (N, k) temporaries
    }

    /// <summary>c(x) = argmin_i ‖x − c_i‖²: the index of the nearest centroid of each row, int64 (N).</summary>
    public static Tensor Assign(Tensor X, Tensor centroids)
    {
        using var scope = torch.NewDisposeScope();
        return SquaredDistances(X, centroids).argmin(1).MoveToOuterDisposeScope();   // (N)
    }

    /// <summary>The mean of the points of each cluster (k, D); a cluster with no points keeps its <paramref name="previous"/> centroid.</summary>
    /// <param name="X">Points (N, D).</param>
    /// <param name="assignments">Cluster of each point, int64 (N), values in [0, k).</param>
    /// <param name="previous">The current centroids (k, D).</param>
    public static Tensor UpdateCentroids(Tensor X, Tensor assignments, Tensor previous)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(previous);
        using var scope = torch.NewDisposeScope();
        long k = previous.shape[0];
        var sums = torch.zeros_like(previous).index_add_(0, assignments, X, 1);        // (k, D)
        var counts = torch.bincount(assignments, minlength: k).to_type(X.dtype).unsqueeze(1); // (k, 1)
        var means = sums / counts.clamp_min(1);
        return torch.where(counts > 0, means, previous).MoveToOuterDisposeScope();    // (k, D)
    }

    /// <summary>A one-line summary, e.g. <c>k-means: 10 clusters, inertia 3.9e+05 after 23 iterations</c>.</summary>
    public override string ToString() => $"k-means: {NumClusters} clusters, inertia {Inertia:G3} after {Iterations} iterations";

    /// <summary>k-means++ seeding: the first centre uniformly, each next one with probability ∝ squared distance to the nearest centre so far.</summary>
    private static Tensor PlusPlus(Tensor points, Tensor norms, int k, torch.Generator generator)
    {
        long n = points.shape[0];
        var first = torch.randint(0, n, [1], generator: generator);                  // (1)
        var chosen = new List<Tensor> { points.index_select(0, first) };            // each (1, D)
        var nearest = Distances(points, norms, chosen[0]).squeeze(1);               // (N)
        for (int c = 1; c < k; c++)
        {
            var weights = nearest.sum().item<float>() > 0 ? nearest : torch.ones_like(nearest); // all points equal: uniform
            var next = torch.multinomial(weights, 1, generator: generator);          // (1)
            var centre = points.index_select(0, next);                              // (1, D)
            chosen.Add(centre);
            nearest = torch.minimum(nearest, Distances(points, norms, centre).squeeze(1));
        }
        return torch.cat(chosen, 0);                                                 // (k, D)
    }

}
