using Course.Autoencoders;
using Course.Data;
using Course.Tests.Data;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>Greedy layer-wise pretraining: each objective lowers the reconstruction error, layers chain, CAE-1 is CAE-2's first layer.</summary>
public sealed class LayerwisePretrainingTests
{
    private static readonly Lazy<Tensor> digits = new(() => Mnist.Load(MnistBytesTests.BundledFolder).Flat.narrow(0, 0, 512));

    [Theory]
    [InlineData(LayerObjective.Autoencoder)]
    [InlineData(LayerObjective.Denoising)]
    [InlineData(LayerObjective.Contractive)]
    public void PretrainingLowersTheReconstructionError(LayerObjective objective)
    {
        var X = digits.Value;
        var untrained = LayerwisePretraining.Pretrain(X, [32], new PretrainOptions(objective, NumEpochs: 0, Seed: 1))[0];
        var trained = LayerwisePretraining.Pretrain(X, [32], new PretrainOptions(objective, NumEpochs: 3, Seed: 1))[0];
        double before = ReconstructionError.Mean(untrained, X), after = ReconstructionError.Mean(trained, X);
        Assert.True(after < 0.8 * before, $"{objective}: reconstruction MSE {after:F4} after 3 epochs vs {before:F4} untrained");
    }

    [Fact]
    public void PretrainReturnsOneLayerPerSizeEachReadingTheCodesBelow()
    {
        var layers = LayerwisePretraining.Pretrain(digits.Value.narrow(0, 0, 64), [20, 10, 5], new PretrainOptions(LayerObjective.Autoencoder, NumEpochs: 1));
        Assert.Equal([784, 20, 10], layers.Select(l => l.InputSize));
        Assert.Equal([20, 10, 5], layers.Select(l => l.HiddenSize));
        Assert.All(layers, l => Assert.True(l.TiedWeights));
    }

    [Fact]
    public void TheFirstLayerOfATwoLayerStackIsTheOneLayerStack()
    {
        var options = new PretrainOptions(LayerObjective.Contractive, NumEpochs: 2, Seed: 3);
        var cae1 = LayerwisePretraining.Pretrain(digits.Value, [16], options);
        var cae2 = LayerwisePretraining.Pretrain(digits.Value, [16, 8], options);
        Assert.True(cae1[0].EncoderWeight.allclose(cae2[0].EncoderWeight, 0, 0));
    }

    [Fact]
    public void ContractiveLossIsTheReconstructionLossPlusLambdaTimesTheMeanPenalty()
    {
        manual_seed(4);
        var net = new SigmoidAutoencoder(784, 16);
        var x = digits.Value.narrow(0, 0, 8);
        using var noGrad = no_grad();
        var plain = LayerwisePretraining.Loss(net, x, x, new PretrainOptions(LayerObjective.Autoencoder));
        var contractive = LayerwisePretraining.Loss(net, x, x, new PretrainOptions(LayerObjective.Contractive, ContractiveWeight: 2.0));
        var jacobianSquared = Jacobian.Of(net.Encode, x).square().sum([1, 2]).mean();               // autograd, not the closed form
        Assert.Equal(plain.item<float>() + 2 * jacobianSquared.item<float>(), contractive.item<float>(), 2e-3);
    }

    [Fact]
    public void PretrainRefusesAnEmptyStackNamingTheSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => LayerwisePretraining.Pretrain(digits.Value, [], new PretrainOptions(LayerObjective.Autoencoder)));
        Assert.Contains("[]", error.Message);
    }
}
