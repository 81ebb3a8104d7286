using System.Diagnostics;
using System.Security.Cryptography;
using Course.Native;
using Xunit;

namespace Course.Tests.Native;

public sealed class ElfPatcherTests : IDisposable
{
    private const string StdCxx = "libstdc++.so.6";
    private const string Needed = "GLIBCXX_3.4.32";
    private const string Symbol = "_ZSt21ios_base_library_initv";

    private static readonly string Original =
        Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    private readonly string cacheRoot = Path.Combine(Path.GetTempPath(), "course-native-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(cacheRoot)) Directory.Delete(cacheRoot, recursive: true);
    }

    private static byte[] Patch(byte[] bytes) => ElfPatcher.WeakenVersionNeeds(bytes, StdCxx, [Needed]).Bytes;

    [Fact]
    public void PatchedCopyHasWeakVersionNeed()
    {
        var original = File.ReadAllBytes(Original);
        var patch = ElfPatcher.WeakenVersionNeeds(original, StdCxx, [Needed]);
        var elf = ElfImage.Parse(patch.Bytes);
        var symbol = elf.Symbols.Single(s => s.Name == Symbol);

        Assert.Equal([Symbol], patch.WeakenedSymbols);
        Assert.Equal(ElfImage.VerFlagWeak, elf.VersionNeeds.Single(n => n.Version == Needed).Flags);
        Assert.All(elf.VersionNeeds.Where(n => n.Version != Needed), n => Assert.Equal(0, n.Flags));
        Assert.Equal((2, ElfImage.VersionGlobal, true), (symbol.Binding, symbol.VersionIndex, symbol.IsUndefined));
        Assert.Equal(3, original.Zip(patch.Bytes).Count(p => p.First != p.Second));   // vna_flags, st_info, versym
    }

    [Fact]
    public void ReadelfSeesTheWeakNeedAndTheUnversionedWeakSymbol()
    {
        var readelf = new[] { "/usr/bin/readelf", "/bin/readelf" }.FirstOrDefault(File.Exists);
        if (readelf is null) return;   // binutils absent: PatchedCopyHasWeakVersionNeed still checks the bytes
        var path = PatchCache.GetOrCreate(Original, Patch, [cacheRoot]);

        var versions = Run(readelf, "-VW", path);
        var symbols = Run(readelf, "-W", "--dyn-syms", path);

        Assert.Matches($@"Name: {Needed.Replace(".", @"\.")}\s+Flags: WEAK", versions);
        Assert.Matches($@"FUNC\s+WEAK\s+DEFAULT\s+UND {Symbol}\s*$", symbols.Split('\n').First(l => l.Contains(Symbol)));
        Assert.DoesNotContain($"{Symbol}@{Needed}", symbols.Split('\n').First(l => l.Contains(Symbol)));
    }

    [Fact]
    public void PatchIsIdempotent()
    {
        var once = Patch(File.ReadAllBytes(Original));
        Assert.Equal(once, Patch(once));

        var first = PatchCache.GetOrCreate(Original, Patch, [cacheRoot]);
        var written = File.GetLastWriteTimeUtc(first);
        var second = PatchCache.GetOrCreate(Original, Patch, [cacheRoot]);

        Assert.Equal(first, second);
        Assert.Equal(written, File.GetLastWriteTimeUtc(second));
        Assert.Equal(once, File.ReadAllBytes(second));
    }

    [Fact]
    public void OriginalLibraryIsNeverModified()
    {
        var before = (Hash(Original), File.GetLastWriteTimeUtc(Original), new FileInfo(Original).Length);

        var path = PatchCache.GetOrCreate(Original, Patch, [cacheRoot]);
        File.WriteAllBytes(path, [1, 2, 3]);                                   // a damaged cache entry is rewritten…
        path = PatchCache.GetOrCreate(Original, Patch, [cacheRoot]);

        Assert.Equal(before, (Hash(Original), File.GetLastWriteTimeUtc(Original), new FileInfo(Original).Length));
        Assert.NotEqual(Hash(Original), Hash(path));                           // …and never onto the original
        Assert.StartsWith(cacheRoot, path);
    }

    [Fact]
    public void ConcurrentWritersAllGetTheSameCompleteCopy()
    {
        var paths = new string[8];
        Parallel.For(0, paths.Length, i => paths[i] = PatchCache.GetOrCreate(Original, Patch, [cacheRoot]));

        Assert.Single(paths.Distinct());
        Assert.Equal(Patch(File.ReadAllBytes(Original)), File.ReadAllBytes(paths[0]));
        Assert.Equal([Path.GetFileName(paths[0])], Directory.GetFiles(Path.GetDirectoryName(paths[0])!).Select(Path.GetFileName));
    }

    [Fact]
    public void PatchRefusesASymbolTheLibraryReallyCalls()
    {
        // GLIBCXX_3.4.30's std::condition_variable::wait has a PLT relocation: leaving it unresolved would crash.
        var e = Assert.Throws<InvalidOperationException>(
            () => ElfPatcher.WeakenVersionNeeds(File.ReadAllBytes(Original), StdCxx, ["GLIBCXX_3.4.30"]));

        Assert.Contains("_ZNSt18condition_variable4waitERSt11unique_lockISt5mutexE", e.Message);
    }

    [Fact]
    public void PatchRefusesAVersionTheLibraryDoesNotNeed()
    {
        var e = Assert.Throws<InvalidOperationException>(
            () => ElfPatcher.WeakenVersionNeeds(File.ReadAllBytes(Original), StdCxx, ["GLIBCXX_9.9"]));

        Assert.Contains("GLIBCXX_9.9", e.Message);
    }

    [Theory]
    [InlineData(0)]        // empty
    [InlineData(100)]      // header only
    [InlineData(300_000)]  // section headers beyond the end
    public void ParseRejectsATruncatedFile(int length) =>
        Assert.Throws<InvalidDataException>(() => ElfImage.Parse(File.ReadAllBytes(Original)[..length]));

    [Fact]
    public void ParseRejectsAFileThatIsNotElf() =>
        Assert.Throws<InvalidDataException>(() => ElfImage.Parse("#!/bin/sh\necho not a library\n"u8.ToArray()));

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static string Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
