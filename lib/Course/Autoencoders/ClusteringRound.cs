namespace Course.Autoencoders;

/// <summary>The figures of one round of deep clustering.</summary>
/// <param name="Round">1-based round number.</param>
/// <param name="Reconstruction">(1/N) Σ ‖x_i − z_i‖² after the round (summed over pixels).</param>
/// <param name="ClusterTerm">(1/N) Σ ‖f(x_i) − c(x_i)‖² after the round, with the new centres.</param>
/// <param name="Changed">Fraction of samples whose cluster changed in step 3.</param>
/// <param name="Seconds">Wall-clock seconds of the round.</param>
/// <param name="Assignments">The cluster of every sample after the round.</param>
public sealed record ClusteringRound(int Round, double Reconstruction, double ClusterTerm, double Changed, double Seconds, int[] Assignments);
