namespace Course.Notebooks.Tests.Support;

/// <summary>Grading refuses to run students' code without Debian's bubblewrap; grading tests make sure it is there.</summary>
public static class Bubblewrap
{
    /// <summary>Install bubblewrap when it is missing (as root; `.ci/run` normally has done it), else fail naming the package.</summary>
    public static void Ensure()
    {
        if (!File.Exists("/usr/bin/bwrap")) DebianPackages.TryInstall("bubblewrap");
        Assert.True(File.Exists("/usr/bin/bwrap"), "grading tests need Debian's bubblewrap: apt-get install bubblewrap");
    }
}
