using Xunit;
using Course.Native;

namespace Course.Tests.Native;

public class ThreadCountTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData(" 4 ", 4)]
    [InlineData("0", null)]
    [InlineData("-2", null)]
    [InlineData("two", null)]
    [InlineData("1.5", null)]
    public void OnlyAPositiveWholeNumberIsAThreadCount(string value, int? threads) => Assert.Equal(threads, ThreadCount.Parse(value));
}
