using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Generative;

/// <summary>A fully connected generator G(z): noise z (B, latent) → hidden layers (batch norm + ReLU) → a sample (B, output).</summary>
/// <remarks>
/// Seed 001, "GAN – Motivation": "sample from something simple (noise), learn a transformation to the training distribution".
/// Batch normalisation in the generator's hidden layers follows DCGAN (Radford et al. 2016) and makes a small MLP GAN on digits
/// train in a few epochs. Notebook 11-gan uses it for the ring (output 2, no squashing) and for digits (output 784, tanh: pixels in [−1, 1]).
/// </remarks>
public sealed class MlpGenerator : Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <summary>A generator from <paramref name="latentDim"/>-dimensional noise through <paramref name="hidden"/> units to <paramref name="outputDim"/> outputs.</summary>
    /// <param name="latentDim">Size of z.</param>
    /// <param name="hidden">Units of each hidden layer, e.g. [256, 512].</param>
    /// <param name="outputDim">Size of one sample, e.g. 2 for points or 784 for digits.</param>
    /// <param name="tanhOutput">Squash the output into (−1, 1) (for images scaled to [−1, 1]).</param>
    /// <param name="batchNorm">Batch normalisation before each hidden ReLU.</param>
    /// <exception cref="ArgumentException">A size is not positive.</exception>
    public MlpGenerator(int latentDim, IReadOnlyList<int> hidden, int outputDim, bool tanhOutput = false, bool batchNorm = true) : base(nameof(MlpGenerator))
    {
        ArgumentNullException.ThrowIfNull(hidden);
        if (latentDim < 1 || outputDim < 1 || hidden.Any(h => h < 1))
            throw new ArgumentException($"MlpGenerator needs positive sizes; got latentDim {latentDim}, hidden [{string.Join(", ", hidden)}], outputDim {outputDim}.");
        LatentDim = latentDim;
        OutputDim = outputDim;
        var named = new List<(string, Module<Tensor, Tensor>)>();
        int width = latentDim;
        for (int i = 0; i < hidden.Count; i++)
        {
            named.Add(($"fc{i + 1}", Linear(width, hidden[i])));                      // (B, width) → (B, hidden[i])
            if (batchNorm) named.Add(($"bn{i + 1}", BatchNorm1d(hidden[i])));
            named.Add(($"relu{i + 1}", ReLU()));
            width = hidden[i];
        }
        named.Add(("out", Linear(width, outputDim)));                                 // → (B, outputDim)
        if (tanhOutput) named.Add(("tanh", Tanh()));
        layers = Sequential(named);
        RegisterComponents();
    }

    /// <summary>Size of the noise z.</summary>
    public int LatentDim { get; }

    /// <summary>Size of one generated sample.</summary>
    public int OutputDim { get; }

    /// <summary>G(z) for a batch of noise.</summary>
    /// <param name="z">Noise (B, <see cref="LatentDim"/>).</param>
    /// <returns>Samples (B, <see cref="OutputDim"/>).</returns>
    /// <exception cref="ArgumentException">z is not (B, LatentDim).</exception>
    public override Tensor forward(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.dim() != 2 || z.shape[1] != LatentDim)
            throw new ArgumentException($"MlpGenerator expects noise shaped (B, {LatentDim}), got ({string.Join(", ", z.shape)}).", nameof(z));
        return layers.call(z);
    }

    /// <summary>Draw <paramref name="n"/> samples G(z), z ∼ N(0, I), in evaluation mode and without gradients.</summary>
    /// <param name="n">Number of samples.</param>
    /// <param name="generator">Random generator for z (null: torch's global one).</param>
    /// <returns>(n, <see cref="OutputDim"/>), detached.</returns>
    public Tensor Sample(long n, torch.Generator? generator = null)
    {
        if (n < 1) throw new ArgumentException($"MlpGenerator.Sample: cannot draw {n} samples.", nameof(n));
        bool wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var device = parameters().First().device;
            return forward(randn([n, LatentDim], generator: generator).to(device)).MoveToOuterDisposeScope();
        }
        finally
        {
            train(wasTraining);
        }
    }
}
