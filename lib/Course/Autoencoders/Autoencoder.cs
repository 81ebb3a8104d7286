using Course.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Autoencoders;

/// <summary>A fully connected autoencoder: an encoder p(x) down to a small code h, and a mirrored decoder g(h) back to x.</summary>
/// <remarks>
/// Seed 002, "Autoencoder: encoder + decoder" (<c>x → p(x) = h → g(h) = y</c>, trained so that y ≈ x) and seed 003,
/// "實作 Encoder" / "實作 Decoder": Linear 784→256→128→64→2 and back, the default <see cref="LectureSizes"/>.
/// ReLU follows every hidden layer; the code h is linear (any real numbers), or on a sphere when a code radius is given
/// (<see cref="SphereCode"/>, for deep clustering), and the output goes through a sigmoid, so reconstructed pixels lie in
/// [0, 1] like the inputs. Notebook 07-autoencoder trains it on digits; 09-autoencoder-applications
/// uses it for anomaly detection and deep clustering.
/// </remarks>
public sealed class Autoencoder : Module<Tensor, Tensor>
{
    private readonly Sequential encoder;
    private readonly Sequential decoder;

    /// <summary>The lecture's layer sizes, input to code: 784 → 256 → 128 → 64 → 2.</summary>
    public static IReadOnlyList<int> LectureSizes { get; } = [784, 256, 128, 64, 2];

    /// <summary>An autoencoder whose encoder has the layer sizes <paramref name="sizes"/> (input first, code last); the decoder mirrors them.</summary>
    /// <param name="sizes">At least two sizes, each ≥ 1, e.g. [784, 256, 128, 64, 2] (null: <see cref="LectureSizes"/>).</param>
    /// <param name="codeRadius">null: a linear code; r: every code scaled to length r (<see cref="SphereCode"/>).</param>
    /// <exception cref="ArgumentException">Fewer than two sizes, or a size below 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The code radius is not a positive number.</exception>
    public Autoencoder(IReadOnlyList<int>? sizes = null, double? codeRadius = null) : base(nameof(Autoencoder))
    {
        sizes ??= LectureSizes;
        if (sizes.Count < 2 || sizes.Any(s => s < 1))
            throw new ArgumentException($"Autoencoder needs at least two layer sizes, each at least 1 (input, …, code); got [{string.Join(", ", sizes)}].", nameof(sizes));
        Sizes = sizes.ToArray();
        var all = sizes.ToArray();
        CodeRadius = codeRadius;
        encoder = Stack(all, all.Length - 1, last: codeRadius is { } r ? ("sphere", new SphereCode(r)) : null); // (B, 784) → … → (B, 2)
        decoder = Stack(all.Reverse().ToArray(), all.Length - 1, last: ("sigmoid", Sigmoid())); // (B, 2) → … → (B, 784) in [0, 1]
        RegisterComponents();
    }

    /// <summary>The encoder's layer sizes, input first and code last; the decoder runs them backwards.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>The length of every code when they lie on a sphere (<see cref="SphereCode"/>); null for a linear code.</summary>
    public double? CodeRadius { get; }

    /// <summary>Number of inputs D (784 for a flat digit).</summary>
    public int InputSize => Sizes[0];

    /// <summary>Size of the code h (2 in the lecture: a point in the plane).</summary>
    public int LatentSize => Sizes[^1];

    /// <summary>The encoder p(x): input (B, D) → code (B, <see cref="LatentSize"/>).</summary>
    public Module<Tensor, Tensor> Encoder => encoder;

    /// <summary>The decoder g(h): code (B, <see cref="LatentSize"/>) → reconstruction (B, D) in [0, 1].</summary>
    public Module<Tensor, Tensor> Decoder => decoder;

    /// <summary>The code h = p(x) of a batch.</summary>
    /// <param name="x">Inputs (B, D), or any (B, …) holding D values per sample, e.g. digits (B, 1, 28, 28).</param>
    /// <returns>Codes (B, <see cref="LatentSize"/>).</returns>
    /// <exception cref="ArgumentException">A sample does not hold <see cref="InputSize"/> values.</exception>
    public Tensor Encode(Tensor x) => encoder.call(Flatten(x));

    /// <summary>The reconstruction y = g(h) of a batch of codes.</summary>
    /// <param name="h">Codes (B, <see cref="LatentSize"/>).</param>
    /// <returns>Reconstructions (B, D), values in [0, 1].</returns>
    /// <exception cref="ArgumentException">The codes are not (B, <see cref="LatentSize"/>).</exception>
    public Tensor Decode(Tensor h)
    {
        ArgumentNullException.ThrowIfNull(h);
        if (h.dim() != 2 || h.shape[1] != LatentSize)
            throw new ArgumentException($"Decode expects codes of shape (B, {LatentSize}), got {ShapeText.Of(h)}.", nameof(h));
        return decoder.call(h);
    }

    /// <summary>y = g(p(x)): the reconstruction of a batch, flat.</summary>
    /// <param name="x">Inputs (B, D) or (B, …) with D values per sample.</param>
    /// <returns>Reconstructions (B, D).</returns>
    public override Tensor forward(Tensor x) => decoder.call(Encode(x));             // (B, D) → (B, d) → (B, D)

    /// <summary>A one-line description such as <c>Autoencoder 784-256-128-64-2-64-128-256-784</c>.</summary>
    public override string ToString() =>
        $"Autoencoder {string.Join("-", Sizes.Concat(Sizes.Reverse().Skip(1)))}{(CodeRadius is { } r ? $", codes on a sphere of radius {r:G4}" : "")} ({parameters().Sum(p => p.numel()):N0} parameters)";

    private Tensor Flatten(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        long perSample = x.dim() == 0 ? 0 : x.numel() / Math.Max(1, x.shape[0]);
        if (x.dim() < 2 || perSample != InputSize)
            throw new ArgumentException($"The autoencoder expects (B, {InputSize}) inputs (or (B, …) with {InputSize} values each), got {ShapeText.Of(x)}.", nameof(x));
        return x.dim() == 2 ? x : x.reshape(x.shape[0], InputSize);                   // (B, D)
    }

    /// <summary>Linear layers through <paramref name="sizes"/>, ReLU between them, <paramref name="last"/> (or nothing) at the end.</summary>
    private static Sequential Stack(int[] sizes, int numLayers, (string Name, Module<Tensor, Tensor> Layer)? last)
    {
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        for (int i = 0; i < numLayers; i++)
        {
            layers.Add(($"linear{i + 1}", Linear(sizes[i], sizes[i + 1])));
            if (i < numLayers - 1) layers.Add(($"relu{i + 1}", ReLU()));
        }
        if (last is { } named) layers.Add(named);
        return Sequential(layers);
    }
}
