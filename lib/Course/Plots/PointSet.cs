using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Plots;

/// <summary>One named set of 2-D points for <see cref="Points"/>.</summary>
/// <remarks>Read from an (N, 2) tensor with <see cref="Of"/>; notebook 11-gan draws real and generated samples.</remarks>
/// <param name="Name">Legend entry.</param>
/// <param name="X">x coordinates.</param>
/// <param name="Y">y coordinates (same length as <paramref name="X"/>).</param>
/// <param name="Size">Marker size in pixels.</param>
public sealed record PointSet(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, int Size = 4)
{
    /// <summary>The rows of <paramref name="points"/> (N, 2) as a point set.</summary>
    /// <exception cref="ArgumentException">The tensor is not (N, 2).</exception>
    public static PointSet Of(string name, Tensor points, int size = 4)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.dim() != 2 || points.shape[1] != 2)
            throw new ArgumentException($"A point set needs a tensor shaped (N, 2); \"{name}\" has shape {ShapeText.Of(points)}.", nameof(points));
        using var scope = torch.NewDisposeScope();
        var values = points.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        return new PointSet(name, values.Where((_, i) => i % 2 == 0).ToArray(), values.Where((_, i) => i % 2 == 1).ToArray(), size);
    }
}
