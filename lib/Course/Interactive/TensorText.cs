using System.Globalization;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Interactive;

/// <summary>Writes a tensor as PyTorch prints it, plus its shape and dtype; small 1-D/2-D tensors also as an HTML table.</summary>
/// <remarks>
/// The display of every tensor in every notebook (first in 00-setup). Follows PyTorch's <c>_tensor_str.py</c>:
/// precision 4, summarised with "..." above 1000 elements (3 edge items), 80-column lines, scientific
/// notation when magnitudes differ by more than 1000×.
/// </remarks>
internal static class TensorText
{
    private const int Precision = 4, Threshold = 1000, EdgeItems = 3, LineWidth = 80;
    private const int HtmlMaxElements = 400, HtmlMaxSide = 50;

    /// <summary>E.g. <c>tensor([[1., 2.], [3., 4.]], shape=(2, 2), dtype=torch.float32)</c>, laid out on lines like PyTorch.</summary>
    public static string Plain(Tensor t)
    {
        if (t.IsInvalid) return "tensor(<disposed>)";
        var suffix = Suffix(t);
        if (t.is_complex()) return t.ToString() + suffix;
        using var scope = torch.NewDisposeScope();
        if (t.numel() == 0) return $"tensor([]{suffix})";
        var data = Values.Of(t, summarize: t.numel() > Threshold);
        var body = Format(data, 0, 0, 7);
        return $"tensor({body}{suffix})";
    }

    /// <summary>An HTML table of a small 1-D or 2-D tensor, or null for other tensors.</summary>
    public static string? Html(Tensor t)
    {
        if (t.IsInvalid || t.is_complex() || t.dim() is < 1 or > 2 || t.numel() == 0 || t.numel() > HtmlMaxElements || t.shape.Any(s => s > HtmlMaxSide))
            return null;
        using var scope = torch.NewDisposeScope();
        var data = Values.Of(t, summarize: false);
        long rows = t.dim() == 1 ? 1 : t.shape[0], cols = t.shape[^1];
        var html = new StringBuilder("<table class=\"course-tensor\" style=\"font-family: monospace; text-align: right\">");
        html.Append(CultureInfo.InvariantCulture, $"<caption style=\"caption-side: bottom; text-align: left\">{Describe(t)}</caption><tbody>");
        for (long r = 0; r < rows; r++)
        {
            html.Append("<tr>");
            for (long c = 0; c < cols; c++)
                html.Append("<td>").Append(data.Text(r * cols + c).Trim()).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>E.g. <c>shape (2, 3) · torch.float32</c>.</summary>
    public static string Describe(Tensor t) =>
        $"shape {Course.Training.ShapeText.Of(t)} · {DtypeName(t.dtype)}" + (t.requires_grad ? " · requires_grad" : "");

    private static string Suffix(Tensor t)
    {
        var text = $", shape={Course.Training.ShapeText.Of(t)}, dtype={DtypeName(t.dtype)}";
        if (t.device_type != DeviceType.CPU) text += $", device='{t.device}'";
        if (t.requires_grad) text += ", requires_grad=True";
        return text;
    }

    private static string DtypeName(ScalarType dtype) => "torch." + dtype switch
    {
        ScalarType.Byte => "uint8", ScalarType.Int8 => "int8", ScalarType.Int16 => "int16", ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64", ScalarType.Float16 => "float16", ScalarType.BFloat16 => "bfloat16",
        ScalarType.Float32 => "float32", ScalarType.Float64 => "float64", ScalarType.Bool => "bool",
        ScalarType.ComplexFloat32 => "complex64", ScalarType.ComplexFloat64 => "complex128",
        _ => dtype.ToString().ToLowerInvariant(),
    };

    // Recursive layout, as _tensor_str_with_formatter: `dim` is the dimension being written, `offset` the flat index.
    private static string Format(Values data, int dim, long offset, int indent)
    {
        if (data.Shape.Length == 0) return data.Text(0);
        long size = data.Shape[dim];
        bool cut = data.Cut[dim];
        if (dim == data.Shape.Length - 1)
        {
            var items = new List<string>();
            for (long i = 0; i < size; i++)
            {
                if (cut && i == EdgeItems) items.Add(" ...");
                items.Add(data.Text(offset + i));
            }
            int perLine = Math.Max(1, (LineWidth - indent) / (data.Width + 2));
            var lines = items.Chunk(perLine).Select(line => string.Join(", ", line));
            return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
        }
        var slices = new List<string>();
        for (long i = 0; i < size; i++)
        {
            if (cut && i == EdgeItems) slices.Add("...");
            slices.Add(Format(data, dim + 1, offset + i * data.Strides[dim], indent + 1));
        }
        int remaining = data.Shape.Length - dim;
        return "[" + string.Join("," + new string('\n', remaining - 1) + new string(' ', indent + 1), slices) + "]";
    }

    /// <summary>The (possibly summarised) values of a tensor with PyTorch's number formatting decided once for all of them.</summary>
    private sealed class Values
    {
        public required long[] Shape;     // shape of the kept values (edges only where Cut)
        public required bool[] Cut;       // dimension summarised: "..." goes after the first EdgeItems
        public required long[] Strides;   // row-major strides of the kept values
        public required string[] Texts;   // each value formatted and right-aligned to Width
        public int Width;

        public string Text(long index) => Texts[index];

        public static Values Of(Tensor t, bool summarize)
        {
            var kept = t.detach().cpu();
            var cut = new bool[t.dim()];
            for (int d = 0; d < t.dim(); d++)
            {
                long size = kept.shape[d];
                if (!summarize || size <= 2 * EdgeItems) continue;
                kept = torch.cat([kept.narrow(d, 0, EdgeItems), kept.narrow(d, size - EdgeItems, EdgeItems)], d);
                cut[d] = true;
            }
            kept = kept.contiguous();
            var shape = kept.shape;
            var strides = new long[shape.Length];
            long stride = 1;
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                strides[d] = stride;
                stride *= shape[d];
            }
            var (texts, width) = FormatAll(kept);
            return new Values { Shape = shape, Cut = cut, Strides = strides, Texts = texts, Width = width };
        }

        private static (string[] Texts, int Width) FormatAll(Tensor kept)
        {
            var flat = kept.reshape(-1);
            string[] texts;
            int width;
            if (kept.is_floating_point())
                (texts, width) = FormatFloats(flat.to_type(ScalarType.Float64).data<double>().ToArray());
            else
            {
                texts = kept.dtype == ScalarType.Bool
                    ? flat.data<bool>().ToArray().Select(b => b ? "True" : "False").ToArray()
                    : flat.to_type(ScalarType.Int64).data<long>().ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
                width = texts.Length == 0 ? 1 : texts.Max(s => s.Length);
            }
            return (texts.Select(s => s.PadLeft(width)).ToArray(), width);
        }

        // PyTorch's _Formatter: integer mode when every finite value is whole; scientific when magnitudes span > 1000×;
        // the column width comes from the non-zero finite values only (zeros, nan and inf are padded to it).
        private static (string[] Texts, int Width) FormatFloats(double[] values)
        {
            var finite = values.Where(v => double.IsFinite(v) && v != 0).ToArray();
            bool intMode = finite.All(v => v == Math.Ceiling(v));
            bool sciMode = false;
            if (finite.Length > 0)
            {
                double min = finite.Min(Math.Abs), max = finite.Max(Math.Abs);
                sciMode = max / min > 1000.0 || max > 1.0e8 || (!intMode && min < 1.0e-4);
            }
            string Format(double v)
            {
                if (double.IsNaN(v)) return "nan";
                if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
                if (sciMode) return v.ToString("0.0000e+00", CultureInfo.InvariantCulture);
                if (intMode) return v.ToString("F0", CultureInfo.InvariantCulture) + ".";
                return v.ToString("F" + Precision, CultureInfo.InvariantCulture);
            }
            int width = finite.Length == 0 ? 1 : finite.Max(v => Format(v).Length);
            return (values.Select(Format).ToArray(), width);
        }
    }
}
