namespace Course.Convolution;

/// <summary>The lecture's two ImageNet networks as layer tables: AlexNet (227×227×3) and VGG16 (224×224×3).</summary>
/// <remarks>
/// Seed 001 (Lecture 11): "Full (simplified) AlexNet architecture" (Krizhevsky et al., NIPS 2012, as one stream, without the
/// two-GPU split) and "VGG16" (configuration D of Simonyan &amp; Zisserman, ICLR 2015). Notebook 02-convolution-arithmetic.
/// </remarks>
public static class Architectures
{
    /// <summary>AlexNet as the lecture lists it: CONV1 … FC8, NORM layers included; 62,378,344 parameters.</summary>
    public static LayerTable AlexNet() => LayerTable.Build("AlexNet", new Volume(227, 227, 3),
        new ConvLayer("CONV1", 3, 96, 11, Stride: 4, Padding: 0),
        new PoolLayer("POOL1", 3, 2),
        new NormLayer("NORM1"),
        new ConvLayer("CONV2", 96, 256, 5, Stride: 1, Padding: 2),
        new PoolLayer("POOL2", 3, 2),
        new NormLayer("NORM2"),
        new ConvLayer("CONV3", 256, 384, 3, Stride: 1, Padding: 1),
        new ConvLayer("CONV4", 384, 384, 3, Stride: 1, Padding: 1),
        new ConvLayer("CONV5", 384, 256, 3, Stride: 1, Padding: 1),
        new PoolLayer("POOL3", 3, 2),
        new FullyConnectedLayer("FC6", 6 * 6 * 256, 4096),
        new FullyConnectedLayer("FC7", 4096, 4096),
        new FullyConnectedLayer("FC8", 4096, 1000));

    /// <summary>VGG16: thirteen 3×3 convolutions (stride 1, pad 1) in five blocks, 2×2 pooling, three FC layers; 138,357,544 parameters.</summary>
    public static LayerTable Vgg16()
    {
        var layers = new List<Layer>();
        int depth = 3;
        (int Convs, int Filters)[] blocks = [(2, 64), (2, 128), (3, 256), (3, 512), (3, 512)];
        for (int b = 0; b < blocks.Length; b++)
        {
            for (int i = 0; i < blocks[b].Convs; i++)
            {
                layers.Add(new ConvLayer($"conv{b + 1}_{i + 1}", depth, blocks[b].Filters, 3, Stride: 1, Padding: 1));
                depth = blocks[b].Filters;
            }
            layers.Add(new PoolLayer($"pool{b + 1}", 2, 2));
        }
        layers.Add(new FullyConnectedLayer("fc6", 7 * 7 * 512, 4096));
        layers.Add(new FullyConnectedLayer("fc7", 4096, 4096));
        layers.Add(new FullyConnectedLayer("fc8", 4096, 1000));
        return LayerTable.Build("VGG16", new Volume(224, 224, 3), [.. layers]);
    }
}
