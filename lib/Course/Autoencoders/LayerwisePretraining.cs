using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Autoencoders;

/// <summary>Greedy layer-wise pretraining: train a one-hidden-layer autoencoder, then another on its codes, and so on.</summary>
/// <remarks>
/// Seed 004 (DL Seminar), Rifai et al. (ICML 2011) §5.2 and Table 2: each layer is a <see cref="SigmoidAutoencoder"/> with tied
/// weights trained by <see cref="LayerObjective"/> on the codes of the layers below it, which are then frozen as inputs;
/// the stack's encoders initialise a <see cref="StackedClassifier"/> that is fine-tuned on the labels (Hinton et al. 2006,
/// Bengio et al. 2007). Since the layers are trained one at a time, the first layer of a CAE-2 is a CAE-1.
/// Notebook 08b-pretraining.
/// </remarks>
public static class LayerwisePretraining
{
    /// <summary>Pretrain a stack with the given hidden sizes on <paramref name="X"/> (N, D); returns one autoencoder per layer, lowest first.</summary>
    /// <param name="X">Training inputs (N, D) in [0, 1] (pixels; the codes of sigmoid layers are in (0, 1) too).</param>
    /// <param name="hiddenSizes">Units per layer, e.g. [256, 256, 256] for a "-3" model.</param>
    /// <param name="options">Objective, epochs, batch size, learning rate, noise, λ and seed.</param>
    /// <exception cref="ArgumentException">X is not (N, D), or no layer or a layer with fewer than 1 unit is asked for.</exception>
    public static IReadOnlyList<SigmoidAutoencoder> Pretrain(Tensor X, IReadOnlyList<int> hiddenSizes, PretrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        ArgumentNullException.ThrowIfNull(options);
        if (X.dim() != 2) throw new ArgumentException($"Pretrain needs inputs shaped (N, D), got {ShapeText.Of(X)}; flatten images first (MnistData.Flat).", nameof(X));
        if (hiddenSizes.Count == 0 || hiddenSizes.Any(h => h < 1))
            throw new ArgumentException($"Pretrain needs at least one layer, each with at least 1 unit; got [{string.Join(", ", hiddenSizes)}].", nameof(hiddenSizes));
        var layers = new List<SigmoidAutoencoder>();
        var input = X;
        for (int k = 0; k < hiddenSizes.Count; k++)
        {
            var layer = TrainLayer(input, hiddenSizes[k], options with { Seed = options.Seed + k });
            layers.Add(layer);
            if (k < hiddenSizes.Count - 1) input = Codes(layer, input);                                // (N, H_k): the next layer's data
        }
        return layers;
    }

    /// <summary>Train one <paramref name="hiddenSize"/>-unit sigmoid autoencoder with tied weights on <paramref name="input"/> (N, D).</summary>
    /// <exception cref="ArgumentException">The masking fraction is outside [0, 1] or λ is negative.</exception>
    public static SigmoidAutoencoder TrainLayer(Tensor input, int hiddenSize, PretrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.ContractiveWeight >= 0))
            throw new ArgumentException($"ContractiveWeight λ must be 0 or more, got {options.ContractiveWeight}.", nameof(options));
        torch.manual_seed(options.Seed);                                                               // this layer's initial weights
        var net = new SigmoidAutoencoder((int)input.shape[1], hiddenSize, tiedWeights: true);
        var augment = options.Objective == LayerObjective.Denoising
            ? Corruption.Augmentation(NoiseKind.Masking, options.MaskingFraction, options.Seed)      // x̃: fresh masks per batch
            : null;
        Trainer.FitCustom(net, input, input, (xb, yb) => Loss(net, xb, yb, options), optim.Adam(net.parameters(), options.Lr),
            new TrainOptions(NumEpochs: options.NumEpochs, BatchSize: options.BatchSize, Seed: options.Seed, Augment: augment, ShowProgress: false));
        return net;
    }

    /// <summary>The layer's loss on a batch: Σ (y − x)² averaged over the batch, plus λ ‖J_f(x)‖²_F (averaged) for a CAE.</summary>
    /// <param name="net">The layer.</param>
    /// <param name="input">The (possibly corrupted) inputs (B, D).</param>
    /// <param name="target">The clean inputs (B, D).</param>
    /// <param name="options">The objective and its λ.</param>
    public static Tensor Loss(SigmoidAutoencoder net, Tensor input, Tensor target, PretrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(options);
        var h = net.Encode(input);                                                                     // (B, H)
        var loss = ReconstructionLoss.SumOfSquares(net.Decode(h), target);
        return options.Objective == LayerObjective.Contractive
            ? loss + options.ContractiveWeight * ContractivePenalty.Analytic(h, net.EncoderWeight).mean()
            : loss;
    }

    /// <summary>The codes of <paramref name="input"/> (N, D) → (N, H) under a trained layer, detached and outside any dispose scope.</summary>
    public static Tensor Codes(SigmoidAutoencoder layer, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(layer);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return layer.Encode(input).DetachFromDisposeScope();
    }
}
