using TorchSharp;
using static TorchSharp.torch;

namespace Course.Tests.Training;

/// <summary>A separable synthetic problem: four Gaussian blobs at (±3, ±3), one class each.</summary>
internal static class Blobs
{
    /// <summary>n points (n, 2) float32 and their classes (n) int64, drawn from a private generator.</summary>
    public static (Tensor X, Tensor y) Make(int n, ulong seed)
    {
        using var generator = new torch.Generator(seed);
        var y = torch.randint(0, 4, [n], generator: generator);                                  // (n)
        var centers = torch.tensor(new float[] { -3, -3, -3, 3, 3, -3, 3, 3 }).reshape(4, 2);   // (4, 2)
        var X = centers.index_select(0, y) + 0.5f * torch.randn([n, 2], generator: generator);   // (n, 2)
        return (X, y);
    }

    /// <summary>A small MLP 2 → 16 → 4.</summary>
    public static nn.Module<Tensor, Tensor> Net() => nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 4));

    /// <summary>Cross-entropy of logits against class labels.</summary>
    public static Tensor CrossEntropy(Tensor yHat, Tensor y) => nn.functional.cross_entropy(yHat, y);
}
