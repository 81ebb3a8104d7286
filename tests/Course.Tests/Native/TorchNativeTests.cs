using Course.Native;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Native;

public class TorchNativeTests
{
    /// <summary>Where the build puts TorchSharp's native wrapper for this test assembly.</summary>
    private static readonly string TestOutputLibrary =
        Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [Fact]
    public void TensorOpRunsAfterEnsureLoaded()
    {
        TorchNative.EnsureLoaded();
        torch.manual_seed(7);
        using var X = torch.randn(5, 4);                                  // (B, in)
        using var net = nn.Linear(4, 3);
        using var yHat = net.forward(X);                                  // (B, out)

        var x = X.data<float>().ToArray();
        var w = net.weight!.data<float>().ToArray();                      // (out, in)
        var b = net.bias!.data<float>().ToArray();
        var expected = new float[5 * 3];
        for (var i = 0; i < 5; i++)
            for (var o = 0; o < 3; o++)
            {
                var sum = b[o];
                for (var k = 0; k < 4; k++) sum += x[i * 4 + k] * w[o * 4 + k];
                expected[i * 3 + o] = sum;
            }

        Assert.Equal(new long[] { 5, 3 }, yHat.shape);
        Assert.Equal(expected, yHat.data<float>().ToArray(), (a, e) => Math.Abs(a - e) < 1e-5f);
        using var product = torch.tensor(new float[] { 1, 2, 3, 4 }, 2, 2).matmul(torch.tensor(new float[] { 5, 6, 7, 8 }, 2, 2));
        Assert.Equal(new float[] { 19, 22, 43, 50 }, product.data<float>().ToArray());
    }

    [Fact]
    public void EnsureLoadedIsSafeToCallTwice()
    {
        var first = TorchNative.Outcome;
        Parallel.For(0, 16, _ => TorchNative.EnsureLoaded());
        TorchNative.EnsureLoaded();

        Assert.Same(first, TorchNative.Outcome);
        Assert.True(first.Status is TorchNativeStatus.Patched or TorchNativeStatus.NotNeeded or TorchNativeStatus.LoadedAsIs, $"{first.Status}: {first.Detail}");
    }

    [Fact]
    public void PatchIsAppliedExactlyWhenTheSystemLibStdCxxLacksAVersion()
    {
        var outcome = TorchNative.Outcome;
        var stdCxx = File.ReadAllText(LibStdCxxPath(), System.Text.Encoding.Latin1);
        var original = ElfImage.Load(TestOutputLibrary);
        var lacking = original.VersionNeeds.Where(n => n.File == "libstdc++.so.6")
            .Any(n => !stdCxx.Contains(n.Version + "\0", StringComparison.Ordinal));

        Assert.Equal(lacking ? TorchNativeStatus.Patched : TorchNativeStatus.NotNeeded, outcome.Status);
        if (lacking)
        {
            Assert.True(File.Exists(outcome.Patched), outcome.Patched);
            Assert.NotEqual(Path.GetDirectoryName(outcome.Original), Path.GetDirectoryName(outcome.Patched));
        }
    }

    [Fact]
    public void LocatorFindsTheLibraryTorchSharpLoadsFromTheTestOutput()
    {
        Assert.Equal(Path.GetFullPath(TestOutputLibrary), Path.GetFullPath(NativeLocator.FindTorchSharpLibrary(typeof(torch).Assembly)!));
        Assert.True(File.Exists(Path.Combine(NativeLocator.FindLibTorchFolder(typeof(torch).Assembly, TestOutputLibrary)!, "libtorch_cpu.so")));
    }

    /// <summary>The libstdc++ this process mapped, read from /proc/self/maps (independent of the code under test).</summary>
    private static string LibStdCxxPath() =>
        File.ReadLines("/proc/self/maps").Select(l => l[(l.IndexOf('/') is var i and >= 0 ? i : l.Length)..])
            .First(p => Path.GetFileName(p).StartsWith("libstdc++.so", StringComparison.Ordinal));
}
