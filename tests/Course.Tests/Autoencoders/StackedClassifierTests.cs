using Course.Autoencoders;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Autoencoders;

/// <summary>The stacked sigmoid classifier: fine-tuning starts from the pretrained encoders, and the forward pass is the stack.</summary>
public sealed class StackedClassifierTests
{
    [Fact]
    public void FromPretrainedStartsFromCopiesOfTheEncodersWeights()
    {
        manual_seed(1);
        var layers = new[] { new SigmoidAutoencoder(12, 6), new SigmoidAutoencoder(6, 4) };
        var net = StackedClassifier.FromPretrained(layers, numClasses: 3);
        Assert.Equal(2, net.Depth);
        for (int k = 0; k < 2; k++)
        {
            Assert.True(net.HiddenWeight(k).allclose(layers[k].EncoderWeight, 0, 0));
            Assert.True(net.HiddenBias(k).allclose(layers[k].EncoderBias, 0, 0));
        }
        using (no_grad()) net.HiddenWeight(0).add_(1);                                             // fine-tuning changes the copy …
        Assert.False(net.HiddenWeight(0).allclose(layers[0].EncoderWeight, 0, 0));              // … not the pretrained layer
    }

    [Fact]
    public void ForwardIsTheSigmoidEncodersThenALinearSoftmaxLayer()
    {
        manual_seed(2);
        var layers = new[] { new SigmoidAutoencoder(10, 5), new SigmoidAutoencoder(5, 3) };
        var net = StackedClassifier.FromPretrained(layers, numClasses: 4);
        var x = rand(7, 10);
        using var noGrad = no_grad();
        var codes = layers[1].Encode(layers[0].Encode(x));                                         // (7, 3)
        var output = net.parameters().Where(p => p.dim() == 2).Last();                              // (4, 3)
        var bias = net.parameters().Where(p => p.dim() == 1).Last();                                // (4)
        Assert.True(net.forward(x).allclose(codes.matmul(output.t()) + bias, 1e-5, 1e-6));
    }

    [Fact]
    public void TheBaselineHasTheSameShapeAsThePretrainedNetwork()
    {
        var baseline = new StackedClassifier(784, [32, 32, 32], 10);
        var layers = new[] { new SigmoidAutoencoder(784, 32), new SigmoidAutoencoder(32, 32), new SigmoidAutoencoder(32, 32) };
        var pretrained = StackedClassifier.FromPretrained(layers, 10);
        Assert.Equal(baseline.parameters().Select(p => p.shape), pretrained.parameters().Select(p => p.shape));
    }

    [Fact]
    public void FromPretrainedRefusesLayersThatDoNotChain()
    {
        var error = Assert.Throws<ArgumentException>(() => StackedClassifier.FromPretrained([new SigmoidAutoencoder(10, 5), new SigmoidAutoencoder(6, 3)], 2));
        Assert.Contains("Layer 1 takes 6 inputs but layer 0 has 5 units", error.Message);
    }

    [Fact]
    public void ForwardRefusesImagesThatAreNotFlatNamingTheShape()
    {
        var net = new StackedClassifier(784, [8], 10);
        var error = Assert.Throws<ArgumentException>(() => net.forward(zeros(2, 1, 28, 28)));
        Assert.Contains("(2, 1, 28, 28)", error.Message);
    }
}
