using System.Xml.Linq;
using Course.Notebooks.Packages;

namespace Course.Notebooks.Tests.Packages;

public class RestoreProjectTests
{
    [Fact]
    public void TheProjectTargetsTheEnginesFrameworkAndRuntimeWithOneReferencePerRequest()
    {
        var project = XElement.Parse(RestoreProject.Create([new("NodaTime", "3.2.0"), new("MathNet.Numerics", null)], ["/home/me/feed"]));
        Assert.Equal($"net{Environment.Version.Major}.{Environment.Version.Minor}", project.Descendants("TargetFramework").Single().Value);
        Assert.Equal(System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, project.Descendants("RuntimeIdentifier").Single().Value);
        Assert.Equal("false", project.Descendants("SelfContained").Single().Value);
        Assert.Equal(["NodaTime 3.2.0", "MathNet.Numerics *"],
            project.Descendants("PackageReference").Select(r => $"{r.Attribute("Include")!.Value} {r.Attribute("Version")!.Value}"));
        Assert.Equal("/home/me/feed", project.Descendants("RestoreAdditionalProjectSources").Single().Value);
    }

    [Theory]
    [InlineData("$([System.IO.File]::WriteAllText('/tmp/x', 'y'))", "%24([System.IO.File]::WriteAllText(%27/tmp/x%27, %27y%27))")]
    [InlineData("@(Compile)", "%40(Compile)")]
    [InlineData("https://feed.example/a;b?c=*&d=%41", "https://feed.example/a%3Bb%3Fc=%2A&d=%2541")]
    public void ASourceStaysLiteralTextForMSBuild(string source, string escaped)
    {
        var xml = RestoreProject.Create([new("Tiny", "1.0.0")], [source]);
        Assert.Equal(escaped, XElement.Parse(xml).Descendants("RestoreAdditionalProjectSources").Single().Value);
        Assert.DoesNotContain("$(", xml);
    }
}
