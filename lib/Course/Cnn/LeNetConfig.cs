namespace Course.Cnn;

/// <summary>Which of the lecture's AlexNet-era tricks a <see cref="LeNet5"/> uses inside; the defaults are LeNet-5 as published.</summary>
/// <remarks>
/// Seed 001, "LeNet-5" (LeCun et al. 1998: tanh-like squashing, average-pooling subsampling) and "AlexNet"
/// (Details/Retrospectives: ReLU, max pooling, dropout 0.5). The optimiser tricks (momentum, weight decay, learning-rate
/// drop) and augmentation are training options, not architecture. Notebook 04-cnn-mnist turns them on one at a time.
/// </remarks>
/// <param name="Relu">ReLU after each conv and hidden layer (false: tanh, as published).</param>
/// <param name="MaxPool">2×2 max pooling (false: 2×2 average pooling, LeCun's subsampling).</param>
/// <param name="Dropout">Probability of zeroing a unit of the two hidden fully connected layers while training (0: no dropout).</param>
public sealed record LeNetConfig(bool Relu = false, bool MaxPool = false, double Dropout = 0.0)
{
    /// <summary>LeNet-5 as published: tanh, average pooling, no dropout.</summary>
    public static LeNetConfig Classic => new();

    /// <summary>With the lecture's AlexNet layer tricks: ReLU, max pooling and dropout.</summary>
    public static LeNetConfig Modern => new(Relu: true, MaxPool: true, Dropout: 0.25);

    /// <summary>A short description such as <c>ReLU · max pool · dropout 0.25</c>.</summary>
    public override string ToString() =>
        $"{(Relu ? "ReLU" : "tanh")} · {(MaxPool ? "max pool" : "avg pool")}{(Dropout > 0 ? $" · dropout {Dropout.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "")}";
}
