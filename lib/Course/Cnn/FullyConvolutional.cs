using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Cnn;

/// <summary>A small fully convolutional network for semantic segmentation: two conv–pool stages, a 1×1 per-pixel classifier, transposed convolutions back to the input size.</summary>
/// <remarks>
/// Seed 003, "More Concepts" → "Semantic Segmentation", "FCN (fully convolution network)" (J. Long, E. Shelhamer,
/// T. Darrell, Fully Convolutional Networks for Semantic Segmentation, CVPR 2015). As in the paper, no layer is fully
/// connected: the classifier is a 1×1 convolution that scores every class at every position of the coarse (stride 4)
/// feature map, and a transposed convolution ("deconvolution", initialised to bilinear interpolation as in the paper's
/// section 3.3) upsamples the scores to one per input pixel, so any frame whose sides are multiples of 4 gives a label map
/// of its own size. With <c>skip: true</c> the coarse scores are first upsampled ×2 and added to the scores of a 1×1
/// classifier on the stride-2 features, then upsampled ×2 again: the paper's FCN-16s skip (coarse "what" plus finer
/// "where", its Figure 3), one level down. Notebook 06-conv-lstm segments moving-digit frames into 10 digits + background.
/// </remarks>
public sealed class FullyConvolutional : Module<Tensor, Tensor>
{
    private readonly Sequential stage1;
    private readonly Sequential stage2;
    private readonly Conv2d score;
    private readonly Conv2d? skipScore;
    private readonly ConvTranspose2d? up2;
    private readonly ConvTranspose2d upsample;

    /// <summary>A freshly initialised FCN whose upsampling starts as bilinear interpolation.</summary>
    /// <param name="numClasses">Classes C of the label maps (11 for digits 0–9 and background).</param>
    /// <param name="inChannels">Channels of the input images (1 for grey frames).</param>
    /// <param name="width">Channels w of the first stage; the second has 2w and the stride-4 layer 4w.</param>
    /// <param name="skip">Add the FCN-16s-style skip from the stride-2 features (false: upsample the coarse scores ×4 at once, like FCN-32s).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive.</exception>
    public FullyConvolutional(int numClasses = 11, int inChannels = 1, int width = 12, bool skip = true) : base(nameof(FullyConvolutional))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numClasses);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        NumClasses = numClasses;
        InChannels = inChannels;
        HasSkip = skip;
        stage1 = Sequential(Conv2d(inChannels, width, 3, padding: 1), ReLU(), MaxPool2d(2, 2));            // (B, Cin, H, W) → (B, w, H/2, W/2)
        stage2 = Sequential(Conv2d(width, 2 * width, 3, padding: 1), ReLU(), MaxPool2d(2, 2),              // → (B, 2w, H/4, W/4)
                            Conv2d(2 * width, 4 * width, 3, padding: 1), ReLU());                         // → (B, 4w, H/4, W/4)
        score = Conv2d(4 * width, numClasses, 1);                                                         // → (B, C, H/4, W/4): a classifier per position
        if (skip)
        {
            skipScore = Conv2d(width, numClasses, 1);                                                     // (B, w, H/2, W/2) → (B, C, H/2, W/2)
            up2 = ConvTranspose2d(numClasses, numClasses, 4, stride: 2, padding: 1);                      // (B, C, H/4, W/4) → (B, C, H/2, W/2)
            upsample = ConvTranspose2d(numClasses, numClasses, 4, stride: 2, padding: 1);                 // (B, C, H/2, W/2) → (B, C, H, W)
        }
        else
            upsample = ConvTranspose2d(numClasses, numClasses, 8, stride: 4, padding: 2);                 // (B, C, H/4, W/4) → (B, C, H, W)
        using (no_grad())
        {
            foreach (var up in new[] { up2, upsample })
                if (up is not null) { up.weight!.copy_(Bilinear(numClasses, (int)up.weight!.shape[2])); up.bias!.zero_(); }
        }
        RegisterComponents();
    }

    /// <summary>Classes C of the label maps.</summary>
    public int NumClasses { get; }

    /// <summary>Channels the network expects as input.</summary>
    public int InChannels { get; }

    /// <summary>Whether the stride-2 skip is added (FCN-16s style) or the coarse scores are upsampled at once (FCN-32s style).</summary>
    public bool HasSkip { get; }

    /// <summary>Scores of every class at every pixel.</summary>
    /// <param name="x">Images (B, Cin, H, W) with H and W multiples of 4.</param>
    /// <returns>Logits (B, C, H, W); <c>argmax(1)</c> is the predicted label map.</returns>
    /// <exception cref="ArgumentException">The input is not (B, Cin, H, W) with sides that are multiples of 4 (the message names its shape).</exception>
    public override Tensor forward(Tensor x)
    {
        RequireInput(x);
        var features2 = stage1.call(x);                                                                   // (B, w, H/2, W/2)
        var coarse = score.call(stage2.call(features2));                                                  // (B, C, H/4, W/4)
        if (skipScore is null) return upsample.call(coarse);                                              // (B, C, H, W)
        return upsample.call(up2!.call(coarse) + skipScore.call(features2));                              // (B, C, H/2, W/2) → (B, C, H, W)
    }

    /// <summary>The predicted class of every pixel, (B, H, W) int64, computed without gradients.</summary>
    /// <param name="x">Images (B, Cin, H, W) with H and W multiples of 4.</param>
    public Tensor Predict(Tensor x)
    {
        using var noGrad = torch.no_grad();
        return forward(x).argmax(1);
    }

    /// <summary>Weights (C, C, k, k) of a transposed convolution that upsamples each channel by bilinear interpolation (and mixes none).</summary>
    /// <remarks>The paper's "bilinear interpolation" initialisation of its deconvolution layers; for k = 2f the upsampling factor is f.</remarks>
    private static Tensor Bilinear(int channels, int k)
    {
        double factor = (k + 1) / 2, centre = k % 2 == 1 ? factor - 1 : factor - 0.5;
        var line = torch.tensor(Enumerable.Range(0, k).Select(i => (float)(1 - Math.Abs(i - centre) / factor)).ToArray()); // (k)
        var kernel = line.outer(line);                                                                    // (k, k)
        var eye = torch.eye(channels).reshape(channels, channels, 1, 1);                                  // (C, C, 1, 1)
        return eye * kernel;                                                                              // (C, C, k, k)
    }

    private void RequireInput(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 4 || x.shape[1] != InChannels || x.shape[2] % 4 != 0 || x.shape[3] % 4 != 0 || x.shape[2] == 0 || x.shape[3] == 0)
            throw new ArgumentException($"FullyConvolutional expects images shaped (B, {InChannels}, H, W) with H and W multiples of 4, got ({string.Join(", ", x.shape)}).", nameof(x));
    }
}
