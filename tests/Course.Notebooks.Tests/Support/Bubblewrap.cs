namespace Course.Notebooks.Tests.Support;

/// <summary>Grading refuses to run students' code without Debian's bubblewrap; grading tests check for it first.</summary>
public static class Bubblewrap
{
    /// <summary>Return when <c>/usr/bin/bwrap</c> is there; otherwise fail on CI and skip elsewhere, naming the package (<see cref="DebianTool"/>).</summary>
    public static void Ensure() => DebianTool.Bubblewrap.Require();
}
