namespace Course.Generative;

/// <summary>The figures of one <see cref="GanTrainer.Step"/>: both losses and the mean discriminator outputs.</summary>
/// <param name="DiscriminatorLoss">−mean log D(x) − mean log(1 − D(G(z))).</param>
/// <param name="GeneratorLoss">The generator's loss on the same fakes.</param>
/// <param name="DReal">Mean D(x).</param>
/// <param name="DFake">Mean D(G(z)) before the generator's step.</param>
public readonly record struct GanStepStats(double DiscriminatorLoss, double GeneratorLoss, double DReal, double DFake);
