namespace Course.Generative;

/// <summary>How <see cref="GanTrainer"/> trains: epochs, batch size, shuffling seed, generator loss, learning-rate drop, progress.</summary>
/// <remarks>Seed 001, "GAN Training" (the two players take turns); notebook 11-gan.</remarks>
/// <param name="NumEpochs">Passes over the real samples.</param>
/// <param name="BatchSize">Real (and fake) samples per step; a last incomplete batch is skipped.</param>
/// <param name="Seed">Seed of the shuffling and noise generator: the same seed gives the same batches and the same z.</param>
/// <param name="GeneratorLoss">Non-saturating −log D(G(z)) (default) or the minimax game's saturating log(1 − D(G(z))).</param>
/// <param name="LrDropEpoch">From this epoch on, both learning rates are divided by 10 (null: constant).</param>
/// <param name="ShowProgress">A live progress line (one line per epoch outside a notebook).</param>
/// <param name="OnEpoch">Called after every epoch, e.g. to show generated samples (null: nothing).</param>
public sealed record GanOptions(
    int NumEpochs = 10,
    int BatchSize = 64,
    int Seed = 0,
    GeneratorLoss GeneratorLoss = GeneratorLoss.NonSaturating,
    int? LrDropEpoch = null,
    bool ShowProgress = true,
    Action<GanEpoch>? OnEpoch = null);
