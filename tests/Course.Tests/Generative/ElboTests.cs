using Course.Generative;
using Course.Losses;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Generative;

/// <summary>The VAE objective (seed 000, "VAE"): reconstruction term + regularization term, against BCE, the closed-form KL and a numerically integrated log p(x).</summary>
public sealed class ElboTests
{
    [Fact]
    public void ReconstructionTermIsBinaryCrossEntropySummedOverPixels()
    {
        using var scope = NewDisposeScope();
        manual_seed(41);
        var logits = randn(5, 784) * 3;
        var x = rand(5, 784);
        var expected = nn.functional.binary_cross_entropy(logits.sigmoid(), x, reduction: nn.Reduction.None).sum(1);
        Assert.True((Elbo.ReconstructionTerm(logits, x) - expected).abs().max().item<float>() < 1e-2);
        var viaCourse = BernoulliNll.PerSampleFromLogits(logits, x).sum(1);
        Assert.True((Elbo.ReconstructionTerm(logits, x) - viaCourse).abs().max().item<float>() < 1e-3);
    }

    [Fact]
    public void ImagesMayKeepTheirChannelAndPixelAxes()
    {
        using var scope = NewDisposeScope();
        manual_seed(42);
        var logits = randn(3, 784);
        var x = rand(3, 1, 28, 28);
        Assert.True(Elbo.ReconstructionTerm(logits, x).allclose(Elbo.ReconstructionTerm(logits, x.reshape(3, 784)), 0, 0));
    }

    [Fact]
    public void NegativeElboIsReconstructionPlusKlAndTheLossIsItsBatchMean()
    {
        using var scope = NewDisposeScope();
        manual_seed(43);
        var logits = randn(4, 16);
        var x = (rand(4, 16) > 0.5).to_type(ScalarType.Float32);
        var mu = randn(4, 3);
        var logVar = randn(4, 3);
        var terms = Elbo.Terms(logits, x, mu, logVar);
        Assert.True((terms.Regularization - KlDivergence.ToStandardNormal(mu, logVar)).abs().max().item<float>() < 1e-6);
        Assert.True((terms.NegativeElbo - terms.Reconstruction - terms.Regularization).abs().max().item<float>() < 1e-6);
        Assert.Equal(terms.NegativeElbo.mean().item<float>(), Elbo.Loss(logits, x, mu, logVar).item<float>(), 5);
    }

    [Fact]
    public void TheElboIsALowerBoundOnTheLogLikelihood()
    {
        // A 1-D latent, 4-pixel VAE: log p(x) = log ∫ p(x|z) p(z) dz by quadrature; the ELBO must lie below it.
        using var scope = NewDisposeScope();
        manual_seed(44);
        var vae = new Vae(new VaeConfig(InputDim: 4, HiddenDim: 8, LatentDim: 1));
        var x = tensor(new float[,] { { 1, 0, 1, 1 } });
        var z = linspace(-10, 10, 20_001).unsqueeze(1);                                          // (G, 1)
        double logPx;
        using (no_grad())
        {
            var logLikelihood = -Elbo.ReconstructionTerm(vae.Decode(z), x.expand(z.shape[0], 4)).to_type(ScalarType.Float64);   // log p(x|z) (G)
            var logPrior = DiagonalGaussian.StandardLogProb(z.to_type(ScalarType.Float64));
            logPx = ((logLikelihood + logPrior).logsumexp(dim: 0) + Math.Log(20.0 / 20_000)).item<double>();
        }
        var elbo = -Elbo.Evaluate(vae, x.expand(20_000, 4), batchSize: 20_000).NegativeElbo;      // 20,000 samples z of q(z|x)
        Assert.True(elbo < logPx, $"ELBO {elbo} should be below log p(x) = {logPx}");
        Assert.True(elbo > logPx - 5, $"ELBO {elbo} should be a bound within reach of log p(x) = {logPx}");
    }

    [Fact]
    public void EvaluateIsRepeatableAndItsKlIsTheClosedForm()
    {
        using var scope = NewDisposeScope();
        manual_seed(45);
        var vae = new Vae(new VaeConfig(InputDim: 16, HiddenDim: 8, LatentDim: 3));
        var X = rand(7, 16);
        var a = Elbo.Evaluate(vae, X, batchSize: 3, seed: 5);
        var b = Elbo.Evaluate(vae, X, batchSize: 3, seed: 5);
        Assert.Equal(a, b);
        using (no_grad())
        {
            var (mu, logVar) = vae.Encode(X);
            Assert.Equal(KlDivergence.ToStandardNormal(mu, logVar).mean().item<float>(), a.Regularization, 4);
            using var generator = new Generator(5);
            var zs = Reparameterization.Sample(mu, logVar, generator);
            var one = Elbo.Evaluate(vae, X, batchSize: 100, seed: 5);
            Assert.Equal(Elbo.ReconstructionTerm(vae.Decode(zs), X).mean().item<float>(), one.Reconstruction, 3);
        }
    }

    [Fact]
    public void PixelsOutsideZeroOneAreAnErrorNamingTheRange()
    {
        var e = Assert.Throws<ArgumentException>(() => Elbo.ReconstructionTerm(zeros(2, 4), full(2, 4, 255f)));
        Assert.Contains("255", e.Message);
    }

    [Fact]
    public void LogitsAndImagesOfDifferentSizesAreAnError() =>
        Assert.Contains("(2, 10)", Assert.Throws<ArgumentException>(() => Elbo.ReconstructionTerm(zeros(2, 10), zeros(2, 12))).Message);

    [Fact]
    public void LatentStatisticsForTheWrongBatchAreAnError() =>
        Assert.Throws<ArgumentException>(() => Elbo.Terms(zeros(2, 4), zeros(2, 4), zeros(3, 2), zeros(3, 2)));
}
