using Course.Notebooks.Packages;

namespace Course.Notebooks.Tests.Packages;

public class RestoreMessageTests
{
    private static readonly PackageRequest[] requests = [new("NodaTime", "9.9.9"), new("MathNet.Numerics", null)];

    [Fact]
    public void AnErrorAboutARequestNamesItsDirectiveNuGetsReasonAndTheSourcesTried()
    {
        var error = new RestoreMessage("NU1102",
            "Unable to find package NodaTime with version (>= 9.9.9)\n  - Found 12 version(s) in nuget.org [ Nearest version: 3.2.0 ]", "NodaTime");
        Assert.Equal(
            "#r \"nuget: NodaTime, 9.9.9\": NU1102: Unable to find package NodaTime with version (>= 9.9.9) - Found 12 version(s) in nuget.org [ Nearest version: 3.2.0 ]; sources tried: /home/me/feed, https://api.nuget.org/v3/index.json",
            RestoreMessage.Describe([error], requests, ["/home/me/feed", "https://api.nuget.org/v3/index.json"]));
    }

    [Fact]
    public void AnErrorAboutADependencyNamesEveryRequestAndCountsTheOthers()
    {
        RestoreMessage[] errors = [new("NU1101", "Unable to find package Gone. No packages exist with this id in source(s): nuget.org", "Gone"), new("NU1101", "again", "Gone2")];
        Assert.Equal(
            "#r \"nuget: NodaTime, 9.9.9\", #r \"nuget: MathNet.Numerics\": NU1101: Unable to find package Gone. No packages exist with this id in source(s): nuget.org (and 1 more); sources tried: https://api.nuget.org/v3/index.json",
            RestoreMessage.Describe(errors, requests, ["https://api.nuget.org/v3/index.json"]));
    }

    [Fact]
    public void NoSourcesAtAllSaysHowToAddOne() =>
        Assert.EndsWith("no sources configured: add one with #i \"nuget: https://api.nuget.org/v3/index.json\" or in ~/.nuget/NuGet/NuGet.Config",
            RestoreMessage.Describe([new("NU1100", "Unable to resolve 'NodaTime (>= 9.9.9)' for 'net10.0'.", "NodaTime")], requests, []));
}
