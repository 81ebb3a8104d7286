namespace Course.Autoencoders;

/// <summary>Settings of <see cref="DeepClustering.Fit"/>, with the defaults notebook 09-autoencoder-applications uses.</summary>
/// <param name="NumClusters">k: how many clusters (10 for the digits).</param>
/// <param name="Lambda">λ, the weight of the clustering term ‖f(x) − c(x)‖² against the reconstruction error.</param>
/// <param name="NumRounds">Repetitions of steps 1–3 (train, move centres, reassign).</param>
/// <param name="EpochsPerRound">Training epochs of step 1 in each round.</param>
/// <param name="BatchSize">Samples per gradient step.</param>
/// <param name="Seed">Seed of the k-means start (step 0) and of the batch order.</param>
/// <param name="NumInit">k-means starts of step 0; the one with the smallest inertia is kept. The rounds refine the clusters
/// they start from rather than repair them, so a start stuck in a poor local minimum stays poor; starts on codes are cheap.</param>
/// <remarks>Seed 004, "클러스터링 알고리즘".</remarks>
public sealed record DeepClusteringConfig(
    int NumClusters = 10,
    double Lambda = 1.0,
    int NumRounds = 10,
    int EpochsPerRound = 1,
    int BatchSize = 256,
    int Seed = 0,
    int NumInit = 20);
