using System.Diagnostics;
using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>Deep clustering: train an autoencoder so that its codes both reconstruct the input and gather around k centres.</summary>
/// <remarks>
/// Seed 004 (DL Seminar, Hanyang University AI Lab), "클러스터링 알고리즘", after Song, Liu, Huang, Wang and Tan,
/// "Auto-encoder Based Data Clustering" (CIARP 2013):
/// <c>min_{W,b} (1/N) Σ ‖x_i − z_i‖² + λ Σ ‖f(x_i) − c(x_i)‖²</c>, c(x) = argmin_{c_j} ‖f(x) − c_j‖².
/// Step 0: give every f(x) a cluster and compute the centres (here: k-means on the codes of a pretrained autoencoder);
/// step 1: train the autoencoder on the objective with the centres fixed; step 2: recompute the centres from the new f(x);
/// step 3: reassign every f(x) to its nearest centre; repeat 1–3. Without step 1 this is plain k-means on the codes.
/// We average the clustering term over the batch like the reconstruction term (the slide's Σ over N is folded into λ).
/// Notebook 09-autoencoder-applications runs it on the 10,000 digits.
/// </remarks>
public sealed class DeepClustering
{
    private DeepClustering(Tensor centroids, Tensor assignments, IReadOnlyList<ClusteringRound> rounds, KMeans start)
    {
        Centroids = centroids;
        Assignments = assignments;
        Rounds = rounds;
        Start = start;
    }

    /// <summary>The final centres c_j in code space (k, d).</summary>
    public Tensor Centroids { get; }

    /// <summary>The final cluster of every sample, int64 (N).</summary>
    public Tensor Assignments { get; }

    /// <summary>The figures of every round, in order.</summary>
    public IReadOnlyList<ClusteringRound> Rounds { get; }

    /// <summary>Step 0: k-means on the codes of the autoencoder as it was given (before any clustering round).</summary>
    public KMeans Start { get; }

    /// <summary>The lecture's objective on one batch: (1/B) Σ ‖x_i − z_i‖² + λ (1/B) Σ ‖h_i − c_i‖².</summary>
    /// <param name="x">Inputs (B, D).</param>
    /// <param name="z">Reconstructions (B, D).</param>
    /// <param name="h">Codes f(x) (B, d).</param>
    /// <param name="c">The centre c(x) of each sample's cluster (B, d), held fixed.</param>
    /// <param name="lambda">λ ≥ 0.</param>
    /// <returns>A scalar.</returns>
    /// <exception cref="ArgumentException">Shapes do not pair up, or λ is negative.</exception>
    public static Tensor Loss(Tensor x, Tensor z, Tensor h, Tensor c, double lambda)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(c);
        if (!x.shape.SequenceEqual(z.shape) || x.dim() != 2)
            throw new ArgumentException($"x {ShapeText.Of(x)} and its reconstruction z {ShapeText.Of(z)} must both be (B, D).", nameof(z));
        if (!h.shape.SequenceEqual(c.shape) || h.dim() != 2 || h.shape[0] != x.shape[0])
            throw new ArgumentException($"Codes h {ShapeText.Of(h)} and centres c {ShapeText.Of(c)} must both be (B, d) with B = {x.shape[0]}.", nameof(c));
        if (lambda < 0 || !double.IsFinite(lambda))
            throw new ArgumentException($"λ must be 0 or more, got {lambda}.", nameof(lambda));
        var reconstruction = (x - z).square().sum([1]).mean();                       // (1/B) Σ ‖x_i − z_i‖²
        var clusterTerm = (h - c).square().sum([1]).mean();                          // (1/B) Σ ‖f(x_i) − c(x_i)‖²
        return reconstruction + lambda * clusterTerm;
    }

    /// <summary>Run steps 0–3 of the lecture's algorithm on the rows of <paramref name="X"/>, training <paramref name="net"/> in place.</summary>
    /// <param name="net">An autoencoder, ideally pretrained on reconstruction alone.</param>
    /// <param name="X">Inputs (N, D).</param>
    /// <param name="optimizer">Updates <paramref name="net"/>'s weights in step 1.</param>
    /// <param name="config">k, λ, rounds, batch size, seed (defaults: <see cref="DeepClusteringConfig"/>).</param>
    /// <param name="onRound">Called after every round, e.g. to print the accuracy so far.</param>
    /// <param name="start">Step 0 already done by the caller: k-means on this network's codes of X (null: run it here,
    /// with the configuration's k, seed and NumInit).</param>
    /// <exception cref="ArgumentException">The configuration is out of range, X does not fit the network, or the start does not fit X and k.</exception>
    public static DeepClustering Fit(Autoencoder net, Tensor X, optim.Optimizer optimizer, DeepClusteringConfig? config = null,
                                     Action<ClusteringRound>? onRound = null, KMeans? start = null)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(optimizer);
        var o = config ?? new DeepClusteringConfig();
        if (o.NumClusters < 1 || o.NumRounds < 0 || o.EpochsPerRound < 1 || o.BatchSize < 1 || o.Lambda < 0 || o.NumInit < 1)
            throw new ArgumentException($"DeepClusteringConfig out of range: {o} (need NumClusters ≥ 1, NumRounds ≥ 0, EpochsPerRound ≥ 1, BatchSize ≥ 1, Lambda ≥ 0, NumInit ≥ 1).", nameof(config));
        var flat = X.reshape(X.shape[0], -1);                                        // (N, D)

        if (start is not null && (start.NumClusters != o.NumClusters || start.Assignments.shape[0] != flat.shape[0]))
            throw new ArgumentException($"The given step 0 has {start.NumClusters} clusters of {start.Assignments.shape[0]} samples, but the configuration asks for " +
                                        $"{o.NumClusters} clusters of X's {flat.shape[0]} rows; run KMeans.Fit on the codes of X with k = {o.NumClusters}.", nameof(start));
        start ??= KMeans.Fit(Codes(net, flat), o.NumClusters, o.Seed, o.NumInit);   // step 0
        var centroids = start.Centroids.clone();                                     // (k, d)
        var assignments = start.Assignments.clone();                                 // (N)
        var rounds = new List<ClusteringRound>();
        for (int round = 1; round <= o.NumRounds; round++)
        {
            var clock = Stopwatch.StartNew();
            using (var scope = torch.NewDisposeScope())
            {
                var targets = centroids.index_select(0, assignments);                // (N, d): c(x_i), fixed during step 1
                Trainer.FitCustom(net, flat, targets, (xb, cb) =>                    // step 1
                {
                    var h = net.Encode(xb);                                          // (B, d)
                    return Loss(xb, net.Decode(h), h, cb, o.Lambda);
                }, optimizer, new TrainOptions(NumEpochs: o.EpochsPerRound, BatchSize: o.BatchSize, Seed: o.Seed + round, ShowProgress: false));

                var (codes, reconstruction) = CodesAndReconstruction(net, flat);     // (N, d): one pass gives f(x) and g(f(x))
                var moved = KMeans.UpdateCentroids(codes, assignments, centroids);   // step 2
                var next = KMeans.Assign(codes, moved);                              // step 3
                double changed = next.ne(assignments).sum().item<long>() / (double)flat.shape[0];
                centroids.Dispose();
                assignments.Dispose();
                centroids = moved.DetachFromDisposeScope();
                assignments = next.DetachFromDisposeScope();
                double clusterTerm = (codes - centroids.index_select(0, assignments)).square().sum([1]).mean().item<float>();
                var stats = new ClusteringRound(round, reconstruction, clusterTerm, changed, clock.Elapsed.TotalSeconds,
                                                assignments.data<long>().Select(a => (int)a).ToArray());
                rounds.Add(stats);
                onRound?.Invoke(stats);
            }
        }
        return new DeepClustering(centroids, assignments, rounds, start);
    }

    /// <summary>f(x) for every row, in batches, without gradients: (N, d).</summary>
    public static Tensor Codes(Autoencoder net, Tensor X, int batchSize = 2048)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(X);
        using var scope = torch.NewDisposeScope();
        bool wasTraining = net.training;
        net.eval();
        try
        {
            using var noGrad = torch.no_grad();
            var parts = new List<Tensor>();
            for (long s = 0; s < X.shape[0]; s += batchSize)
                parts.Add(net.Encode(X.narrow(0, s, Math.Min(batchSize, X.shape[0] - s))));
            return torch.cat(parts, 0).MoveToOuterDisposeScope();
        }
        finally
        {
            net.train(wasTraining);
        }
    }

    /// <summary>
    /// The codes f(x) of every row (N, d) and the mean reconstruction error (1/N) Σ ‖x − g(f(x))‖², from one pass in
    /// batches without gradients: each batch is encoded once and its code decoded.
    /// </summary>
    private static (Tensor Codes, double Reconstruction) CodesAndReconstruction(Autoencoder net, Tensor X, int batchSize = 2048)
    {
        using var scope = torch.NewDisposeScope();
        bool wasTraining = net.training;
        net.eval();
        try
        {
            using var noGrad = torch.no_grad();
            var parts = new List<Tensor>();
            var errors = new List<Tensor>();
            for (long s = 0; s < X.shape[0]; s += batchSize)
            {
                var xb = X.narrow(0, s, Math.Min(batchSize, X.shape[0] - s));        // (B, D)
                var h = net.Encode(xb);                                              // (B, d)
                parts.Add(h);
                errors.Add((xb - net.Decode(h)).square().sum([1]));                  // (B): ‖x − g(f(x))‖²
            }
            double reconstruction = torch.cat(errors, 0).mean().item<float>();
            return (torch.cat(parts, 0).MoveToOuterDisposeScope(), reconstruction);
        }
        finally
        {
            net.train(wasTraining);
        }
    }
}
