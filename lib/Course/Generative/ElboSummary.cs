using System.Globalization;

namespace Course.Generative;

/// <summary>Mean reconstruction and regularization terms over a data set, in nats per image.</summary>
/// <param name="Reconstruction">Mean −log p(x|z).</param>
/// <param name="Regularization">Mean KL(q(z|x) ‖ p(z)).</param>
public sealed record ElboSummary(double Reconstruction, double Regularization)
{
    /// <summary>Mean −ELBO = Reconstruction + Regularization, in nats per image.</summary>
    public double NegativeElbo => Reconstruction + Regularization;

    /// <summary>E.g. <c>−ELBO 111.20 = reconstruction 86.50 + KL 24.70 nats</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"−ELBO {NegativeElbo:F2} = reconstruction {Reconstruction:F2} + KL {Regularization:F2} nats");
}
