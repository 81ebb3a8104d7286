using Course.Recurrent;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Recurrent;

/// <summary>The many-to-one network (seed 001, "Sequence modeling – Many to One").</summary>
public sealed class ManyToOneTests
{
    [Theory]
    [InlineData(RecurrentKind.Rnn)]
    [InlineData(RecurrentKind.Lstm)]
    public void PredictsOneNumberPerSequence(RecurrentKind kind) =>
        Assert.Equal(new long[] { 4 }, new ManyToOne(kind, 2, 8).call(randn(4, 10, 2)).shape);

    [Fact]
    public void LstmStatesEqualTheLecturesCellUnrolled()
    {
        manual_seed(8);
        var net = new ManyToOne(RecurrentKind.Lstm, 2, 5);
        var cell = new LstmCell(2, 5).LoadFrom((LSTM)net.Recurrence);
        var X = randn(3, 6, 2);
        Assert.True(net.States(X).allclose(cell.Unroll(X).Hidden, 1e-5, 1e-6));
    }

    [Fact]
    public void RnnStatesEqualTheLecturesCellUnrolled()
    {
        manual_seed(9);
        var net = new ManyToOne(RecurrentKind.Rnn, 2, 5);
        var cell = new RnnCell(2, 5).LoadFrom((RNN)net.Recurrence);
        var X = randn(3, 6, 2);
        Assert.True(net.States(X).allclose(cell.Unroll(X), 1e-5, 1e-6));
    }

    [Fact]
    public void TheOutputReadsOnlyTheLastState()
    {
        manual_seed(10);
        var net = new ManyToOne(RecurrentKind.Lstm, 1, 4);
        var X = randn(2, 5, 1);
        var Y = X.clone();
        Y[TensorIndex.Colon, TensorIndex.Slice(0, 4)] = randn(2, 4, 1);                  // different earlier steps …
        Assert.False(net.call(X).allclose(net.call(Y)));                                   // … reach the output through h_T
        Assert.Equal(new long[] { 2, 3 }, new ManyToOne(RecurrentKind.Lstm, 1, 4, outputSize: 3).call(X).shape);
    }

    [Fact]
    public void ASequenceOfTheWrongWidthIsRejectedNamingItsShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ManyToOne(RecurrentKind.Rnn, 2, 3).call(zeros(4, 10, 3)));
        Assert.Contains("(4, 10, 3)", ex.Message);
    }
}
