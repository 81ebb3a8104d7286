namespace Course.Cnn;

/// <summary>The shape of a <see cref="DeepCnn"/>: how many blocks, how wide, and whether the blocks have shortcuts.</summary>
/// <remarks>
/// Seed 001, "ResNet – 152 layers" and "Spectrum of Depth" (K. He et al., Deep Residual Learning for Image Recognition,
/// CVPR 2016, Section 4.2: plain and residual nets of 6n + 2 layers compared on CIFAR-10). Notebook 04b-modern-cnn trains
/// <c>new DeepCnnConfig(Shortcuts: false)</c> and <c>new DeepCnnConfig(Shortcuts: true)</c>: the same layers, with and
/// without the shortcuts.
/// </remarks>
/// <param name="Blocks">Blocks of two 3×3 convolutions between the stem and the classifier (9: 20 weight layers, like He et al.'s plain-20 and ResNet-20).</param>
/// <param name="Width">Channels of every block (He et al.'s first stage on CIFAR-10 has 16).</param>
/// <param name="Shortcuts">Identity shortcuts around every block (true: residual network; false: the plain network).</param>
public sealed record DeepCnnConfig(int Blocks = 9, int Width = 16, bool Shortcuts = true)
{
    /// <summary>Weight layers: the stem convolution, two per block, and the classifier, <c>2·Blocks + 2</c>.</summary>
    public int Depth => 2 * Blocks + 2;

    /// <summary>The same network with the other kind of block, e.g. <c>config.WithShortcuts(false)</c> for the plain twin.</summary>
    public DeepCnnConfig WithShortcuts(bool shortcuts) => this with { Shortcuts = shortcuts };

    /// <summary>A name such as <c>residual, 20 layers</c> or <c>plain, 20 layers</c>.</summary>
    public override string ToString() => $"{(Shortcuts ? "residual" : "plain")}, {Depth} layers";
}
