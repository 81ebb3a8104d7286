using System.Globalization;
using System.Net;
using System.Text;
using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Plots;

/// <summary>A grid of grayscale images from a tensor, with optional captions; notebooks display it as a PNG.</summary>
/// <remarks>
/// Seed 003, "實作 Decoder": reconstructed digits are shown next to the inputs.
/// Notebook 00-setup shows MNIST digits with their labels as captions; 07-autoencoder shows inputs above
/// reconstructions. Accepts (N, 1, H, W), (N, H, W) or (N, D) with D = H·H (e.g. 784); one image (H, W) as image.unsqueeze(0).
/// Values in [0, 1] map to black…white; other ranges are rescaled from their minimum to their maximum.
/// </remarks>
public sealed class ImageGrid
{
    /// <summary>Most images one grid draws; slice bigger tensors first, e.g. <c>X[..64]</c>.</summary>
    public const int MaxImages = 1024;

    private const int Gap = 2;          // pixels between images in the PNG
    private const byte GapGray = 128;   // their colour: mid gray, visible between black and white digits
    private readonly byte[][] images;   // Count × (ImageHeight·ImageWidth) gray values
    private byte[]? png;

    /// <summary>Read <paramref name="images"/> into a grid of <paramref name="columns"/> columns, each pixel drawn <paramref name="scale"/>× larger.</summary>
    /// <param name="images">(N, 1, H, W), (N, H, W) or (N, D) with D a square.</param>
    /// <param name="captions">One caption per image, shown under it (null: none).</param>
    /// <param name="columns">Images per row.</param>
    /// <param name="scale">Screen pixels per image pixel (nearest neighbour).</param>
    /// <param name="normalizeEach">Rescale each image from its own minimum to maximum (for feature maps).</param>
    /// <exception cref="ArgumentException">The shape is none of the above, or the captions do not match the images.</exception>
    public ImageGrid(Tensor images, IReadOnlyList<string>? captions = null, int columns = 8, int scale = 2, bool normalizeEach = false)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be at least 1.");
        if (scale < 1 || scale > 32) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be between 1 and 32.");
        var (count, height, width) = ImageShape(images);
        if (count > MaxImages)
            throw new ArgumentException($"ImageGrid got {count} images (shape {ShapeText.Of(images)}); draw at most {MaxImages}, e.g. images[..64].", nameof(images));
        if (captions is not null && captions.Count != count)
            throw new ArgumentException($"{captions.Count} captions for {count} images (shape {ShapeText.Of(images)}); give one caption per image.", nameof(captions));

        Count = (int)count;
        ImageHeight = (int)height;
        ImageWidth = (int)width;
        Columns = Math.Min(columns, Math.Max(Count, 1));
        Rows = (Count + Columns - 1) / Columns;
        Scale = scale;
        Captions = captions?.ToArray();
        this.images = ToGray(images, Count, ImageHeight * ImageWidth, normalizeEach);
    }

    /// <summary>Number of images.</summary>
    public int Count { get; }

    /// <summary>Height of one image in image pixels.</summary>
    public int ImageHeight { get; }

    /// <summary>Width of one image in image pixels.</summary>
    public int ImageWidth { get; }

    /// <summary>Images per row of the grid.</summary>
    public int Columns { get; }

    /// <summary>Rows of the grid.</summary>
    public int Rows { get; }

    /// <summary>Screen pixels per image pixel.</summary>
    public int Scale { get; }

    /// <summary>The captions, one per image, or null.</summary>
    public IReadOnlyList<string>? Captions { get; }

    /// <summary>Width of the whole grid's PNG in pixels.</summary>
    public int PixelWidth => Columns * ImageWidth * Scale + (Columns + 1) * Gap;

    /// <summary>Height of the whole grid's PNG in pixels.</summary>
    public int PixelHeight => Rows * ImageHeight * Scale + (Rows + 1) * Gap;

    /// <summary>Gray value (0–255) of pixel (<paramref name="row"/>, <paramref name="column"/>) of image <paramref name="index"/>.</summary>
    public byte Pixel(int index, int row, int column) => images[index][row * ImageWidth + column];

    /// <summary>The whole grid as a PNG file (8-bit grayscale).</summary>
    public byte[] ToPng() => png ??= RenderGrid();

    /// <summary>One image, scaled, as a PNG file.</summary>
    public byte[] ImagePng(int index)
    {
        int w = ImageWidth * Scale, h = ImageHeight * Scale;
        var pixels = new byte[w * h];
        Blit(images[index], pixels, w, 0, 0);
        return Png.EncodeGray(pixels, w, h);
    }

    /// <summary>HTML for the grid: captioned figures when there are captions, else one PNG image.</summary>
    public string ToHtml()
    {
        if (Captions is null)
            return $"<img src=\"data:image/png;base64,{Convert.ToBase64String(ToPng())}\" width=\"{PixelWidth}\" height=\"{PixelHeight}\" alt=\"{WebUtility.HtmlEncode(ToString())}\" style=\"image-rendering: pixelated\"/>";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture,
            $"<div style=\"display: grid; grid-template-columns: repeat({Columns}, max-content); gap: 4px 8px; font: 12px sans-serif\">");
        for (int i = 0; i < Count; i++)
            html.Append(CultureInfo.InvariantCulture,
                $"<figure style=\"margin: 0; text-align: center\"><img src=\"data:image/png;base64,{Convert.ToBase64String(ImagePng(i))}\" width=\"{ImageWidth * Scale}\" height=\"{ImageHeight * Scale}\" style=\"image-rendering: pixelated\"/><figcaption>{WebUtility.HtmlEncode(Captions[i])}</figcaption></figure>");
        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>Write the grid's PNG to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllBytes(path, ToPng());

    /// <summary>A one-line description, e.g. <c>ImageGrid: 16 images 28×28 in 2 rows × 8 columns</c>.</summary>
    public override string ToString()
    {
        var text = $"ImageGrid: {Count} image{(Count == 1 ? "" : "s")} {ImageHeight}×{ImageWidth} in {Rows} row{(Rows == 1 ? "" : "s")} × {Columns} column{(Columns == 1 ? "" : "s")}";
        return Captions is null ? text : text + ": " + string.Join(", ", Captions.Take(16)) + (Count > 16 ? ", …" : "");
    }


    private byte[] RenderGrid()
    {
        int w = PixelWidth, h = PixelHeight;
        var pixels = new byte[w * h];
        Array.Fill(pixels, GapGray);
        for (int i = 0; i < Count; i++)
        {
            int top = Gap + (i / Columns) * (ImageHeight * Scale + Gap);
            int left = Gap + (i % Columns) * (ImageWidth * Scale + Gap);
            Blit(images[i], pixels, w, top, left);
        }
        return Png.EncodeGray(pixels, w, h);
    }

    private void Blit(byte[] image, byte[] target, int targetWidth, int top, int left)
    {
        for (int r = 0; r < ImageHeight * Scale; r++)
        {
            int sourceRow = (r / Scale) * ImageWidth, targetRow = (top + r) * targetWidth + left;
            for (int c = 0; c < ImageWidth * Scale; c++)
                target[targetRow + c] = image[sourceRow + c / Scale];
        }
    }

    private static (long Count, long Height, long Width) ImageShape(Tensor t)
    {
        var s = t.shape;
        switch (s.Length)
        {
            case 4 when s[1] == 1: return (s[0], s[2], s[3]);
            case 3: return (s[0], s[1], s[2]);
            case 2:
                long side = (long)Math.Round(Math.Sqrt(s[1]));
                if (side * side == s[1] && s[1] > 0) return (s[0], side, side);
                break;
        }
        throw new ArgumentException(
            $"ImageGrid needs images shaped (N, 1, H, W), (N, H, W) or (N, D) with D a square such as 784; got {ShapeText.Of(t)}. For one (H, W) image pass image.unsqueeze(0).", nameof(t));
    }

    private static byte[][] ToGray(Tensor images, int count, int size, bool normalizeEach)
    {
        float[] values;
        using (var scope = torch.NewDisposeScope())
            values = images.detach().cpu().to_type(ScalarType.Float32).contiguous().reshape(count * (long)size).data<float>().ToArray();

        (float Min, float Max) Range(int start, int length)
        {
            float min = float.PositiveInfinity, max = float.NegativeInfinity;
            for (int i = start; i < start + length; i++)
                if (float.IsFinite(values[i])) { min = Math.Min(min, values[i]); max = Math.Max(max, values[i]); }
            return float.IsFinite(min) ? (min, max) : (0f, 1f);
        }

        var (allMin, allMax) = Range(0, values.Length);
        var global = allMin >= 0f && allMax <= 1f ? (0f, 1f) : (allMin, allMax);
        var result = new byte[count][];
        for (int n = 0; n < count; n++)
        {
            var (lo, hi) = normalizeEach ? Range(n * size, size) : global;
            float span = hi > lo ? hi - lo : 1f;
            var gray = result[n] = new byte[size];
            for (int i = 0; i < size; i++)
            {
                float v = values[n * size + i];
                gray[i] = float.IsFinite(v) ? (byte)Math.Round(Math.Clamp((v - lo) / span, 0f, 1f) * 255f) : (byte)0;
            }
        }
        return result;
    }
}
