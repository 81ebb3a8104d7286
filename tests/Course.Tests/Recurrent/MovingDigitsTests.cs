using Course.Recurrent;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Recurrent;

/// <summary>Moving digits: bounces stay in the frame, frames show the digit where the trajectory says, seeds repeat.</summary>
public sealed class MovingDigitsTests
{
    private static readonly Tensor Digits = MakeDigits();

    /// <summary>Eight fake 28×28 "digits": random ink inside MNIST's central 20×20 box.</summary>
    private static Tensor MakeDigits()
    {
        var generator = new torch.Generator(7);
        var d = zeros(8, 1, 28, 28);
        d[.., .., 4..24, 4..24] = rand(8, 1, 20, 20, generator: generator);
        return d;
    }

    [Theory]
    [InlineData(3, 2, 6, 5, 2)]      // free move
    [InlineData(4, 2, 6, 6, 2)]      // lands on the edge: no reflection yet
    [InlineData(5, 2, 6, 5, -2)]     // 7 > 6: reflected to 2·6 − 7 = 5, velocity flips
    [InlineData(6, 1, 6, 5, -1)]
    [InlineData(1, -2, 6, 1, 2)]     // −1 < 0: reflected to 1
    [InlineData(0, -1, 6, 1, 1)]
    [InlineData(0, 2, 2, 2, 2)]
    public void BounceReflectsAtTheEdges(int p, int v, int max, int expectedP, int expectedV) =>
        Assert.Equal((expectedP, expectedV), MovingDigits.Bounce(p, v, max));

    [Theory]
    [InlineData(7, 1, 6)]
    [InlineData(-1, 1, 6)]
    [InlineData(3, 7, 6)]
    public void BounceRejectsPositionsOutsideTheFrameAndSpeedsBeyondTheRoom(int p, int v, int max)
    {
        var ex = Assert.Throws<ArgumentException>(() => MovingDigits.Bounce(p, v, max));
        Assert.Contains(max.ToString(), ex.Message);
    }

    [Fact]
    public void FramesHaveTheRequestedShapeAndLieInZeroToOne()
    {
        var set = MovingDigits.Generate(Digits, 5, new MovingDigitsOptions(FrameSize: 16, DigitSize: 10, NumFrames: 7));
        Assert.Equal(new long[] { 5, 7, 1, 16, 16 }, set.Frames.shape);
        Assert.True(set.Frames.min().item<float>() >= 0 && set.Frames.max().item<float>() <= 1);
        Assert.Equal(1f, set.Frames.max().item<float>(), 5);                            // digits are scaled to a peak of 1
    }

    [Theory]
    [InlineData(16, 10, 2)]
    [InlineData(32, 16, 3)]
    [InlineData(12, 10, 2)]
    public void EveryPositionStaysInTheFrameAndFollowsBounce(int frameSize, int digitSize, int maxSpeed)
    {
        var o = new MovingDigitsOptions(frameSize, digitSize, NumFrames: 30, MaxSpeed: maxSpeed, DigitsPerSequence: 2, Seed: 3);
        var set = MovingDigits.Generate(Digits, 20, o);
        int max = frameSize - digitSize;
        for (int n = 0; n < 20; n++)
            for (int j = 0; j < 2; j++)
                for (int f = 0; f < 30; f++)
                    for (int axis = 0; axis < 2; axis++)
                    {
                        int p = set.Positions[n, j, f, axis], v = set.Velocities[n, j, f, axis];
                        Assert.InRange(p, 0, max);
                        Assert.InRange(Math.Abs(v), 1, maxSpeed);
                        if (f + 1 < 30)
                            Assert.Equal(MovingDigits.Bounce(p, v, max), (set.Positions[n, j, f + 1, axis], set.Velocities[n, j, f + 1, axis]));
                    }
    }

    [Fact]
    public void DigitsDoBounceWithinALongSequence()
    {
        var set = MovingDigits.Generate(Digits, 10, new MovingDigitsOptions(NumFrames: 20));
        int flips = 0;
        for (int n = 0; n < 10; n++)
            for (int f = 1; f < 20; f++)
                if (set.Velocities[n, 0, f, 0] != set.Velocities[n, 0, f - 1, 0]) flips++;
        Assert.True(flips > 10, $"only {flips} bounces in 10 sequences of 20 frames");
    }

    [Fact]
    public void EachFrameIsTheShrunkDigitAtItsRecordedPosition()
    {
        var o = new MovingDigitsOptions(FrameSize: 16, DigitSize: 10, NumFrames: 6, Seed: 4);
        var set = MovingDigits.Generate(Digits, 4, o);
        var small = MovingDigits.Shrink(Digits, 10);                                    // (8, 1, 10, 10)
        for (int n = 0; n < 4; n++)
            for (int f = 0; f < 6; f++)
            {
                int row = set.Positions[n, 0, f, 0], col = set.Positions[n, 0, f, 1];
                var expected = zeros(1, 16, 16);
                expected[.., row..(row + 10), col..(col + 10)] = small[set.DigitIndices[n, 0]];
                Assert.True(expected.allclose(set.Frames[n, f], 1e-6, 1e-7), $"sequence {n}, frame {f}");
            }
    }

    [Fact]
    public void LabelMapsGiveEachInkedPixelItsDigitsClassAndTheRestBackground()
    {
        var labels = tensor(new long[] { 3, 1, 4, 1, 5, 9, 2, 6 });
        var o = new MovingDigitsOptions(FrameSize: 16, DigitSize: 10, NumFrames: 3, Seed: 5);
        var set = MovingDigits.Generate(Digits, 4, o, labels);
        var small = MovingDigits.Shrink(Digits, 10);                                    // (8, 1, 10, 10)
        Assert.Equal(new long[] { 4, 3, 16, 16 }, set.LabelMaps!.shape);
        for (int n = 0; n < 4; n++)
            for (int f = 0; f < 3; f++)
            {
                int row = set.Positions[n, 0, f, 0], col = set.Positions[n, 0, f, 1], digit = set.DigitIndices[n, 0];
                var expected = full(16, 16, MovingDigits.Background, dtype: ScalarType.Int64);
                var inked = small[digit, 0].ge(MovingDigits.InkThreshold);              // (10, 10) bool
                expected[row..(row + 10), col..(col + 10)] = torch.where(inked, labels[digit], torch.tensor((long)MovingDigits.Background));
                Assert.True(expected.eq(set.LabelMaps[n, f]).all().item<bool>(), $"sequence {n}, frame {f}");
            }
    }

    [Fact]
    public void WhereDigitsOverlapWithEqualInkTheFirstKeepsThePixel()
    {
        // Two hand-made square digits (classes 7 and 2), both scaled to a peak of 1, overlapping in a 4×4 frame.
        var digits = zeros(2, 1, 28, 28);
        digits[0, 0, 4..24, 4..24] = tensor(0.5f);                                     // shrinks to 2×2 of 0.5, scaled to a peak of 1
        digits[1, 0, 4..24, 4..24] = tensor(1f);
        var set = MovingDigits.Generate(digits, 30, new MovingDigitsOptions(FrameSize: 4, DigitSize: 2, NumFrames: 1, MaxSpeed: 1, DigitsPerSequence: 2, Seed: 1),
                                        tensor(new long[] { 7, 2 }));
        for (int n = 0; n < 30; n++)
        {
            var map = set.LabelMaps![n, 0];                                            // (4, 4)
            int ink = (int)map.ne(MovingDigits.Background).sum().item<long>();
            Assert.InRange(ink, 4, 8);                                                  // both squares are inked (peak 1 each)
            int first = set.DigitIndices[n, 0];
            int r = set.Positions[n, 0, 0, 0], c = set.Positions[n, 0, 0, 1];
            // Equal brightness after scaling: the first digit keeps its pixels, the second only adds where the first is absent.
            Assert.Equal(first == 0 ? 7L : 2L, map[r, c].item<long>());
        }
    }

    [Fact]
    public void LabelsThatAreNotOneDigitClassPerImageAreRejected()
    {
        Assert.Contains("(8)", Assert.Throws<ArgumentException>(() => MovingDigits.Generate(Digits, 2, labels: zeros(7, dtype: ScalarType.Int64))).Message);
        Assert.Contains("12", Assert.Throws<ArgumentException>(() => MovingDigits.Generate(Digits, 2, labels: full(8, 12, dtype: ScalarType.Int64))).Message);
        Assert.Null(MovingDigits.Generate(Digits, 2).LabelMaps);
    }

    [Fact]
    public void TheSameSeedGivesTheSameSequencesAndAnotherSeedOthers()
    {
        var a = MovingDigits.Generate(Digits, 6, new MovingDigitsOptions(Seed: 11));
        var b = MovingDigits.Generate(Digits, 6, new MovingDigitsOptions(Seed: 11));
        var c = MovingDigits.Generate(Digits, 6, new MovingDigitsOptions(Seed: 12));
        Assert.True(a.Frames.eq(b.Frames).all().item<bool>());
        Assert.Equal(a.Positions, b.Positions);
        Assert.False(a.Frames.eq(c.Frames).all().item<bool>());
    }

    [Fact]
    public void ContextAndNextSplitTheSequence()
    {
        var set = MovingDigits.Generate(Digits, 3, new MovingDigitsOptions(NumFrames: 5));
        Assert.Equal(new long[] { 3, 4, 1, 16, 16 }, set.Context(4).shape);
        Assert.True(set.Next(4).eq(set.Frames[.., 4]).all().item<bool>());
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Context(5));
    }

    [Fact]
    public void ShrinkScalesEachDigitToAPeakOfOne()
    {
        var small = MovingDigits.Shrink(Digits * 0.5, 10);
        Assert.Equal(new long[] { 8, 1, 10, 10 }, small.shape);
        Assert.True(small.amax([1, 2, 3]).allclose(ones(8)));
    }

    [Fact]
    public void DigitsOfTheWrongShapeAreRejectedNamingTheirShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => MovingDigits.Generate(zeros(4, 784), 2));
        Assert.Contains("(4, 784)", ex.Message);
    }

    [Theory]
    [InlineData(10, 10, 2, "FrameSize 10")]
    [InlineData(16, 10, 7, "MaxSpeed")]
    [InlineData(16, 0, 1, "DigitSize")]
    public void OptionsThatDoNotFitAreRejectedNamingTheValues(int frameSize, int digitSize, int maxSpeed, string named)
    {
        var ex = Assert.Throws<ArgumentException>(() => MovingDigits.Generate(Digits, 2, new MovingDigitsOptions(frameSize, digitSize, MaxSpeed: maxSpeed)));
        Assert.Contains(named, ex.Message);
    }
}
