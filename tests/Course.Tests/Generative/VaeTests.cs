using Course.Generative;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Generative;

/// <summary>The VAE's shapes, parameter count, sampling and a short training run.</summary>
public sealed class VaeTests
{
    [Fact]
    public void DefaultIs784To400To20WithTheHandCountedParameters()
    {
        var vae = new Vae();
        long expected = (784 * 400 + 400) + 2 * (400 * 20 + 20) + (20 * 400 + 400) + (400 * 784 + 784);
        Assert.Equal(652_824, expected);
        Assert.Equal(expected, vae.parameters().Sum(p => p.numel()));
        Assert.Equal("784-400-20", vae.Config.ToString());
    }

    [Fact]
    public void ForwardGivesLogitsMeansLogVariancesAndASample()
    {
        using var scope = NewDisposeScope();
        var output = new Vae().call(rand(3, 1, 28, 28));
        Assert.Equal(new long[] { 3, 784 }, output.Logits.shape);
        Assert.Equal(new long[] { 3, 20 }, output.Mu.shape);
        Assert.Equal(new long[] { 3, 20 }, output.LogVar.shape);
        Assert.Equal(new long[] { 3, 20 }, output.Z.shape);
    }

    [Fact]
    public void ForwardSamplesButReconstructUsesTheMean()
    {
        using var scope = NewDisposeScope();
        var vae = new Vae(new VaeConfig(LatentDim: 2));
        var x = rand(2, 784);
        Assert.False(vae.call(x).Z.allclose(vae.call(x).Z, 0, 0));
        Assert.True(vae.Reconstruct(x).allclose(vae.Reconstruct(x), 0, 0));
        Assert.Equal(new long[] { 2, 1, 28, 28 }, vae.Reconstruct(x).shape);
    }

    [Fact]
    public void SamplesFromThePriorAreImagesOfProbabilities()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(51);
        var images = new Vae().Sample(5, generator);
        Assert.Equal(new long[] { 5, 1, 28, 28 }, images.shape);
        Assert.True(images.min().item<float>() >= 0 && images.max().item<float>() <= 1);
        Assert.False(images.requires_grad);
    }

    [Fact]
    public void AFewAdamStepsLowerTheNegativeElbo()
    {
        using var scope = NewDisposeScope();
        manual_seed(52);
        var vae = new Vae(new VaeConfig(InputDim: 16, HiddenDim: 32, LatentDim: 2));
        var X = (rand(64, 16) > 0.7).to_type(ScalarType.Float32);
        var optimizer = optim.Adam(vae.parameters(), 1e-2);
        var before = Elbo.Evaluate(vae, X, seed: 1, numSamples: 20).NegativeElbo;
        for (int step = 0; step < 200; step++)
        {
            using var inner = NewDisposeScope();
            optimizer.zero_grad();
            Elbo.Loss(vae.call(X), X).backward();
            optimizer.step();
        }
        var after = Elbo.Evaluate(vae, X, seed: 1, numSamples: 20).NegativeElbo;
        Assert.True(after < before - 1, $"−ELBO went from {before} to {after}");
    }

    [Fact]
    public void ImagesOfTheWrongSizeAreAnErrorNamingTheShape() =>
        Assert.Contains("(2, 1, 14, 14)", Assert.Throws<ArgumentException>(() => new Vae().call(zeros(2, 1, 14, 14))).Message);

    [Fact]
    public void CodesOfTheWrongSizeAreAnError() =>
        Assert.Contains("(4, 2)", Assert.Throws<ArgumentException>(() => new Vae().Decode(zeros(4, 2))).Message);

    [Fact]
    public void ZeroSizesAreAnError() =>
        Assert.Throws<ArgumentException>(() => new Vae(new VaeConfig(LatentDim: 0)));
}
