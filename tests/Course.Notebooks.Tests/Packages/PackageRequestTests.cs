using Course.Notebooks.Packages;

namespace Course.Notebooks.Tests.Packages;

public class PackageRequestTests
{
    [Theory]
    [InlineData("NodaTime", null)]
    [InlineData("MathNet.Numerics", "5.0.0")]
    [InlineData("Microsoft.Data.Analysis", "[0.21, 0.22)")]
    [InlineData("System.Reactive", "6.*")]
    [InlineData("Tiny", "*-*")]
    [InlineData("Tiny_Extra-2", "2.0.0-beta.1+build.7")]
    public void WhatNuGetAcceptsIsAccepted(string id, string? version) =>
        Assert.Null(new PackageRequest(id, version).Problem());

    [Theory]
    [InlineData("../../etc", "1.0", "is not a NuGet package id")]
    [InlineData("Tiny\" Version=\"1.0", null, "is not a NuGet package id")]
    [InlineData("Tiny", "$(HOME)", "is not a NuGet version or range")]
    [InlineData("Tiny", "1.0 or later", "is not a NuGet version or range")]
    [InlineData("Tiny", "[2.0, 1.0]", "is not a NuGet version or range")]
    public void WhatNuGetRefusesIsRefusedInOneLineNamingTheDirective(string id, string? version, string reason)
    {
        var problem = new PackageRequest(id, version).Problem()!;
        Assert.StartsWith(new PackageRequest(id, version).Directive + ": ", problem);
        Assert.Contains(reason, problem);
        Assert.DoesNotContain('\n', problem);
    }
}
