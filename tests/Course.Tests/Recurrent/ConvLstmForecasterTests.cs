using Course.Recurrent;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Recurrent;

/// <summary>The encoder–predictor's shapes, feedback and loss; the copy-last-frame baseline by hand.</summary>
public sealed class ConvLstmForecasterTests
{
    [Fact]
    public void ForwardGivesOneFrameInZeroToOne()
    {
        var net = new ConvLstmForecaster(new ForecasterConfig(FrameSize: 12, HiddenChannels: 3, KernelSize: 3));
        var yHat = net.call(rand(new long[] { 2, 4, 1, 12, 12 }));
        Assert.Equal(new long[] { 2, 1, 12, 12 }, yHat.shape);
        Assert.True(yHat.min().item<float>() > 0 && yHat.max().item<float>() < 1);
    }

    [Fact]
    public void ForecastStartsWithTheForwardFrameAndKeepsGoing()
    {
        manual_seed(8);
        var net = new ConvLstmForecaster(new ForecasterConfig(FrameSize: 8, HiddenChannels: 3, KernelSize: 3));
        var frames = rand(new long[] { 2, 3, 1, 8, 8 });
        var forecast = net.Forecast(frames, 3);
        Assert.Equal(new long[] { 2, 3, 1, 8, 8 }, forecast.shape);
        Assert.True(forecast[.., 0].allclose(net.call(frames), 1e-6, 1e-7));
        Assert.False(forecast[.., 1].allclose(forecast[.., 0], 1e-4, 1e-5));            // the predictor moves on
    }

    [Fact]
    public void LossIsTheBinaryCrossEntropyOfTheForecast()
    {
        manual_seed(9);
        var net = new ConvLstmForecaster(new ForecasterConfig(FrameSize: 8, HiddenChannels: 2, KernelSize: 3));
        var (frames, next) = (rand(new long[] { 3, 3, 1, 8, 8 }), rand(3, 1, 8, 8));
        var p = net.call(frames).to_type(ScalarType.Float64);
        var t = next.to_type(ScalarType.Float64);
        var byHand = -(t * p.log() + (1 - t) * (1 - p).log()).mean().item<double>();
        Assert.Equal(byHand, net.Loss(frames, next).item<float>(), 4);
    }

    [Fact]
    public void FramesOfTheWrongShapeAreRejectedNamingTheirShape()
    {
        var net = new ConvLstmForecaster();
        var ex = Assert.Throws<ArgumentException>(() => net.call(zeros(2, 5, 16, 16)));
        Assert.Contains("(2, 5, 16, 16)", ex.Message);
        Assert.Throws<ArgumentException>(() => net.call(zeros(new long[] { 2, 1, 1, 16, 16 })));     // one frame: nothing to encode
    }

    [Fact]
    public void CopyLastFrameMseIsTheMeanSquaredChangeOfTheLastFrame()
    {
        var frames = zeros(new long[] { 2, 3, 1, 2, 2 });
        frames[0, 2, 0, 0, 0] = tensor(1f);                                             // last frame of sequence 0: one lit pixel
        var next = zeros(2, 1, 2, 2);
        next[0, 0, 0, 1] = tensor(1f);                                                  // it moved one pixel right
        next[1, 0, 1, 1] = tensor(0.5f);
        // squared errors: 1 + 1 (sequence 0) + 0.25 (sequence 1), over 8 pixels
        Assert.Equal(2.25 / 8, CopyLastFrame.Mse(frames, next), 6);
        Assert.True(CopyLastFrame.Predict(frames).eq(frames[.., 2]).all().item<bool>());
    }

    [Fact]
    public void CopyLastFrameRejectsNextFramesOfAnotherShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => CopyLastFrame.Mse(zeros(new long[] { 2, 3, 1, 4, 4 }), zeros(2, 4, 4)));
        Assert.Contains("(2, 4, 4)", ex.Message);
        Assert.Contains("(2, 1, 4, 4)", ex.Message);
    }
}
