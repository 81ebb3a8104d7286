using System.Collections;
using System.Globalization;
using System.Text;
using static TorchSharp.torch;

namespace Course.Convolution;

/// <summary>A network written as the lecture writes it, one layer per row, with every output shape and parameter count computed.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), slides "AlexNet" ("Full (simplified) AlexNet architecture") and "VGG16". <see cref="Architectures"/> holds
/// both; <see cref="ToModule"/> builds the same network in TorchSharp so that <see cref="CountParameters"/> can cross-check the table.
/// Notebook 02-convolution-arithmetic.
/// </remarks>
public sealed class LayerTable : IReadOnlyList<LayerRow>
{
    private readonly LayerRow[] rows;

    private LayerTable(string name, Volume input, LayerRow[] rows) => (Name, Input, this.rows) = (name, input, rows);

    /// <summary>Chain <paramref name="layers"/> from <paramref name="input"/>, computing each output volume.</summary>
    /// <exception cref="ArgumentException">A layer does not fit its input (channels, features, sizes); the message names the layer and values.</exception>
    public static LayerTable Build(string name, Volume input, params Layer[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (input.Width <= 0 || input.Height <= 0 || input.Depth <= 0)
            throw new ArgumentException($"{name}: the input volume {input.Width}×{input.Height}×{input.Depth} must have positive sizes.", nameof(input));
        var built = new LayerRow[layers.Length];
        var volume = input;
        for (int i = 0; i < layers.Length; i++)
        {
            var next = layers[i].Output(volume);
            built[i] = new LayerRow(layers[i], volume, next);
            volume = next;
        }
        return new LayerTable(name, input, built);
    }

    /// <summary>The network's name.</summary>
    public string Name { get; }

    /// <summary>The input volume.</summary>
    public Volume Input { get; }

    /// <summary>The last layer's output.</summary>
    public Volume Output => rows.Length == 0 ? Input : rows[^1].Output;

    /// <summary>Parameters of all layers (weights + biases).</summary>
    public long TotalParameters => rows.Sum(r => r.Parameters);

    /// <summary>Weights of all layers (without biases), what the lecture's VGG16 slide adds up.</summary>
    public long TotalWeights => rows.Sum(r => r.Weights);

    /// <summary>Activations of one forward pass, the input included (the lecture's "TOTAL memory").</summary>
    public long TotalActivations => Input.Count + rows.Sum(r => r.Activations);

    /// <inheritdoc/>
    public LayerRow this[int index] => rows[index];

    /// <inheritdoc/>
    public int Count => rows.Length;

    /// <inheritdoc/>
    public IEnumerator<LayerRow> GetEnumerator() => ((IEnumerable<LayerRow>)rows).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The network as TorchSharp modules, a ReLU after every convolution and hidden fully connected layer.</summary>
    /// <param name="device">Where to create the weights; <c>torch.META</c> creates shapes only (no memory), enough to count.</param>
    public nn.Module<Tensor, Tensor> ToModule(Device? device = null)
    {
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int i = 0; i < rows.Length; i++)
        {
            var layer = rows[i].Layer;
            modules.Add((layer.Name, layer.ToModule(device)));
            bool isLast = i == rows.Length - 1;
            if (layer is ConvLayer || (layer is FullyConnectedLayer && !isLast))
                modules.Add(($"{layer.Name}_relu", nn.ReLU()));
        }
        return nn.Sequential(modules);
    }

    /// <summary>The number of parameter values of <paramref name="module"/> (the sum of <c>numel</c> over its parameters).</summary>
    public static long CountParameters(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        long total = 0;
        foreach (var parameter in module.parameters()) total += parameter.numel();
        return total;
    }

    /// <summary>A fixed-width text table: layer, description, output, activations, weights, parameters, and totals.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"{Name}: input {Input}");
        sb.AppendLine(c, $"{"layer",-8}{"output",-12}{"activations",12}{"weights",13}{"parameters",13}  description");
        foreach (var r in rows)
            sb.AppendLine(c, $"{r.Layer.Name,-8}{r.Output,-12}{r.Activations,12:N0}{r.Weights,13:N0}{r.Parameters,13:N0}  {r.Layer.Description}");
        sb.Append(c, $"{"total",-8}{"",-12}{TotalActivations,12:N0}{TotalWeights,13:N0}{TotalParameters,13:N0}  (activations: input included)");
        return sb.ToString();
    }
}
