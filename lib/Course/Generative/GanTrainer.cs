using System.Diagnostics;
using Course.Interactive;
using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Generative;

/// <summary>The GAN training loop: for each batch, one discriminator step, then one generator step.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "GAN Training": "train GAN jointly via minimax game". Goodfellow et al. (2014), Algorithm 1 with
/// k = 1: the discriminator ascends V on a batch of real samples and a batch of fakes G(z); the generator then descends its
/// loss on the same fakes (non-saturating by default). Each batch runs in its own dispose scope and escaped native scalars
/// are collected as in <see cref="Trainer"/>, so memory stays flat. Notebook 11-gan (ring of Gaussians, digits).
/// </remarks>
public static class GanTrainer
{
    /// <summary>One alternating step on real samples <paramref name="x"/> and noise <paramref name="z"/>.</summary>
    /// <param name="generator">G: noise (B, latent) → samples shaped like x.</param>
    /// <param name="discriminator">D: samples → logits (B, 1).</param>
    /// <param name="x">Real samples (B, …).</param>
    /// <param name="z">Noise (B, latent).</param>
    /// <param name="optimizerG">Updates G's weights only.</param>
    /// <param name="optimizerD">Updates D's weights only.</param>
    /// <param name="loss">The generator's loss.</param>
    public static GanStepStats Step(nn.Module<Tensor, Tensor> generator, nn.Module<Tensor, Tensor> discriminator, Tensor x, Tensor z,
                                 optim.Optimizer optimizerG, optim.Optimizer optimizerD, GeneratorLoss loss = GeneratorLoss.NonSaturating)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(optimizerG);
        ArgumentNullException.ThrowIfNull(optimizerD);
        if (x.shape[0] != z.shape[0])
            throw new ArgumentException($"GanTrainer.Step: {x.shape[0]} real samples but {z.shape[0]} noise vectors; use one z per real sample.", nameof(z));
        using var scope = NewDisposeScope();
        var fake = generator.call(z);                                                  // (B, …)

        // Discriminator: maximise log D(x) + log(1 − D(G(z))); fakes are detached so G is not updated.
        optimizerD.zero_grad();
        var realLogits = discriminator.call(x);                                         // (B, 1)
        var fakeLogits = discriminator.call(fake.detach());                              // (B, 1)
        var lossD = GanLosses.DiscriminatorFromLogits(realLogits, fakeLogits);
        lossD.backward();
        optimizerD.step();

        // Generator: fool the updated discriminator, D(G(z)) → 1.
        optimizerG.zero_grad();
        var lossG = GanLosses.GeneratorFromLogits(loss, discriminator.call(fake));
        lossG.backward();                                                               // also fills D's grads; zeroed before D's next step
        optimizerG.step();

        return new GanStepStats(lossD.item<float>(), lossG.item<float>(),
                             realLogits.detach().sigmoid().mean().item<float>(), fakeLogits.detach().sigmoid().mean().item<float>());
    }

    /// <summary>Train <paramref name="generator"/> and <paramref name="discriminator"/> against each other on the real samples <paramref name="X"/>.</summary>
    /// <param name="generator">G; its <c>LatentDim</c> sets the size of z.</param>
    /// <param name="discriminator">D, returning logits (B, 1).</param>
    /// <param name="X">Real samples (N, …), already scaled as G's output is (e.g. [−1, 1] for a tanh generator).</param>
    /// <param name="optimizerG">Updates G, e.g. <c>optim.Adam(G.parameters(), 2e-4, beta1: 0.5)</c>.</param>
    /// <param name="optimizerD">Updates D.</param>
    /// <param name="options">Epochs, batch size, seed, generator loss, progress (defaults: <see cref="GanOptions"/>).</param>
    /// <returns>Per-epoch figures; a zero-epoch fit gives one epoch-0 row of NaNs (training switched off).</returns>
    /// <exception cref="ArgumentException">X has fewer rows than one batch, or the options are out of range.</exception>
    /// <exception cref="TrainingInterruptedException">The notebook was interrupted; both networks keep their weights.</exception>
    public static GanHistory Fit(MlpGenerator generator, nn.Module<Tensor, Tensor> discriminator, Tensor X,
                                 optim.Optimizer optimizerG, optim.Optimizer optimizerD, GanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(X);
        var o = options ?? new GanOptions();
        if (o.NumEpochs < 0) throw new ArgumentException($"GanOptions.NumEpochs must be 0 or more, got {o.NumEpochs}.", nameof(options));
        if (o.BatchSize < 1) throw new ArgumentException($"GanOptions.BatchSize must be at least 1, got {o.BatchSize}.", nameof(options));
        long n = X.shape[0];
        if (n < o.BatchSize)
            throw new ArgumentException($"X has {n} samples (shape ({string.Join(", ", X.shape)})), fewer than one batch of {o.BatchSize}.", nameof(X));

        int numBatches = (int)(n / o.BatchSize);
        var history = new GanHistory();
        var token = Notebook.Cancellation;
        var garbage = new NativeGarbage();
        using var random = new torch.Generator((ulong)o.Seed);                          // batch order and z
        DisplayHandle? line = null;
        void Show(string text)
        {
            if (!o.ShowProgress) return;
            if (!Notebook.IsInteractive) { Console.WriteLine(text); return; }
            if (line is null) line = Notebook.Display(text);
            else line.Update(text);
        }

        generator.train();
        discriminator.train();
        for (int epoch = 1; epoch <= o.NumEpochs; epoch++)
        {
            if (o.LrDropEpoch == epoch)
                foreach (var optimizer in new[] { optimizerG, optimizerD })
                    foreach (var group in optimizer.ParamGroups) group.LearningRate /= 10;
            var clock = Stopwatch.StartNew();
            double sumD = 0, sumG = 0, sumReal = 0, sumFake = 0;
            using (var epochScope = NewDisposeScope())
            {
                var perm = randperm(n, generator: random).to(X.device);                   // (N)
                for (int b = 0; b < numBatches; b++)
                {
                    if (token.IsCancellationRequested)
                        throw new TrainingInterruptedException(new History("D(x)"), epoch, o.NumEpochs, b, numBatches, token);
                    garbage.MaybeCollect();
                    using var scope = NewDisposeScope();
                    var x = X.index_select(0, perm.narrow(0, (long)b * o.BatchSize, o.BatchSize));   // (B, …)
                    var z = randn([o.BatchSize, generator.LatentDim], generator: random).to(X.device);  // (B, latent)
                    var s = Step(generator, discriminator, x, z, optimizerG, optimizerD, o.GeneratorLoss);
                    sumD += s.DiscriminatorLoss; sumG += s.GeneratorLoss; sumReal += s.DReal; sumFake += s.DFake;
                }
            }
            garbage.Collect();
            double seconds = clock.Elapsed.TotalSeconds;
            var stats = new GanEpoch(epoch, sumD / numBatches, sumG / numBatches, sumReal / numBatches, sumFake / numBatches,
                                     seconds, numBatches * (double)o.BatchSize / seconds);
            history.Add(stats);
            Show(stats.ToString(o.NumEpochs));
            o.OnEpoch?.Invoke(stats);
        }
        if (o.NumEpochs == 0)
        {
            var untrained = new GanEpoch(0, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0);   // epoch 0: nothing trained (issue 15)
            history.Add(untrained);
            o.OnEpoch?.Invoke(untrained);
        }
        return history;
    }
}
