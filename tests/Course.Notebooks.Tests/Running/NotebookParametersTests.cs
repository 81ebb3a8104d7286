using Course.Notebooks.Running;

namespace Course.Notebooks.Tests.Running;

/// <summary>The one <c>name=value</c> parser behind <c>-p</c>, <c>COURSE_PARAMETERS</c> and the kernel.</summary>
public class NotebookParametersTests
{
    [Fact]
    public void ANameGivenTwiceKeepsItsLastValueAsInPapermill() =>
        Assert.Equal(new Dictionary<string, string> { ["numEpochs"] = "2", ["lr"] = "0.1" },
                     NotebookParameters.Parse(["numEpochs=1", "lr=0.1", "numEpochs=2"]));

    [Fact]
    public void TheEnvironmentListFollowsTheSameRule() =>
        Assert.Equal(NotebookParameters.Parse(["numEpochs=1", "lr=0.1", "numEpochs=2"]), NotebookParameters.ParseList("numEpochs=1; lr=0.1,numEpochs=2;"));

    [Fact]
    public void AValueMayHoldAnEqualsSignAndSpacesAroundAreTrimmed() =>
        Assert.Equal(("name", "a=b"), NotebookParameters.ParseAssignment(" name = a=b "));

    [Theory]
    [InlineData("numEpochs")]
    [InlineData("=1")]
    public void AnItemWithoutANameOrEqualsSignIsAnErrorThatShowsTheForm(string item) =>
        Assert.Contains("is not of the form name=value", Assert.Throws<ArgumentException>(() => NotebookParameters.Parse([item])).Message);
}
