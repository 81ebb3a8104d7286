using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Generative;

/// <summary>A fully connected discriminator: a sample (B, input) → hidden layers (LeakyReLU 0.2) → one logit l per sample, D = σ(l).</summary>
/// <remarks>
/// Seed 001, "GAN Training": the discriminator tries to tell real data from the generator's fakes, D(x) → 1, D(G(z)) → 0.
/// It returns logits so that the losses can use the stable <c>GanLosses.*FromLogits</c>; LeakyReLU as in DCGAN (Radford et al. 2016).
/// Notebook 11-gan uses it for the ring (input 2) and for digits (input 784).
/// </remarks>
public sealed class MlpDiscriminator : Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <summary>A discriminator from <paramref name="inputDim"/> inputs through <paramref name="hidden"/> units to one logit.</summary>
    /// <param name="inputDim">Size of one sample.</param>
    /// <param name="hidden">Units of each hidden layer, e.g. [256, 128].</param>
    /// <exception cref="ArgumentException">A size is not positive.</exception>
    public MlpDiscriminator(int inputDim, IReadOnlyList<int> hidden) : base(nameof(MlpDiscriminator))
    {
        ArgumentNullException.ThrowIfNull(hidden);
        if (inputDim < 1 || hidden.Any(h => h < 1))
            throw new ArgumentException($"MlpDiscriminator needs positive sizes; got inputDim {inputDim}, hidden [{string.Join(", ", hidden)}].");
        InputDim = inputDim;
        var named = new List<(string, Module<Tensor, Tensor>)>();
        int width = inputDim;
        for (int i = 0; i < hidden.Count; i++)
        {
            named.Add(($"fc{i + 1}", Linear(width, hidden[i])));                      // (B, width) → (B, hidden[i])
            named.Add(($"act{i + 1}", LeakyReLU(0.2)));
            width = hidden[i];
        }
        named.Add(("logit", Linear(width, 1)));                                       // → (B, 1)
        layers = Sequential(named);
        RegisterComponents();
    }

    /// <summary>Size of one sample.</summary>
    public int InputDim { get; }

    /// <summary>The logit l of "real" for each sample; D(x) = σ(l).</summary>
    /// <param name="x">Samples (B, <see cref="InputDim"/>), or images (B, 1, H, W) with H·W = InputDim.</param>
    /// <returns>Logits (B, 1).</returns>
    /// <exception cref="ArgumentException">x does not hold InputDim numbers per sample.</exception>
    public override Tensor forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() < 2 || x.shape.Skip(1).Aggregate(1L, (a, b) => a * b) != InputDim)
            throw new ArgumentException($"MlpDiscriminator expects (B, {InputDim}) samples, got ({string.Join(", ", x.shape)}).", nameof(x));
        return layers.call(x.reshape(x.shape[0], InputDim));
    }
}
