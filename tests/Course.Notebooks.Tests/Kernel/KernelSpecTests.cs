using System.Text.Json.Nodes;
using Course.Notebooks.Kernel;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Kernel;

public class KernelSpecTests
{
    [Fact]
    public void InstallWritesKernelJsonThatStartsKernelRunWithTheConnectionFile()
    {
        using var folder = new TempFolder();
        var spec = KernelSpec.Install(".net-csharp", folder.Path, ["/usr/bin/dotnet", "/opt/course/Course.Cli.dll"]);
        Assert.Equal(Path.Combine(folder.Path, "share", "jupyter", "kernels", ".net-csharp"), spec);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(spec, "kernel.json")))!;
        Assert.Equal(["/usr/bin/dotnet", "/opt/course/Course.Cli.dll", "kernel", "run", "-f", "{connection_file}"],
            json["argv"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(".NET (C#)", json["display_name"]!.GetValue<string>());
        Assert.Equal("C#", json["language"]!.GetValue<string>());
        Assert.Equal("message", json["interrupt_mode"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(spec, "logo-64x64.png")));
    }

    [Fact]
    public void UninstallRemovesWhatInstallWrote()
    {
        using var folder = new TempFolder();
        var spec = KernelSpec.Install("course-test", folder.Path, ["dotnet", "x.dll"]);
        Assert.Equal(spec, KernelSpec.Uninstall("course-test", folder.Path));
        Assert.False(Directory.Exists(spec));
        Assert.Null(KernelSpec.Uninstall("course-test", folder.Path));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("two words")]
    [InlineData("")]
    public void InstallRefusesNamesThatAreNotOneFolder(string name) =>
        Assert.Throws<KernelException>(() => KernelSpec.Install(name, "/tmp/never", ["dotnet"]));

    [Theory]
    [InlineData(64)]
    [InlineData(32)]
    public void LogoIsAPngOfTheRequestedSize(int size)
    {
        var png = KernelSpec.Logo(size);
        Assert.Equal([137, 80, 78, 71, 13, 10, 26, 10], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
