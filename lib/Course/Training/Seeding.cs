using TorchSharp;

namespace Course.Training;

/// <summary>Makes a notebook's random numbers repeatable: same seed, same weights, same batches.</summary>
/// <remarks>
/// Called in the <c>parameters</c> cell of every notebook (first in 00-setup) before a model is created,
/// so weight initialisation, dropout masks and <see cref="Random"/> draw the same numbers on every run.
/// </remarks>
public static class Seeding
{
    /// <summary>The seed given to the last <see cref="Set"/> call (0 before any call).</summary>
    public static int Seed { get; private set; }

    /// <summary>A managed random generator, reseeded by <see cref="Set"/>, for C#-side sampling.</summary>
    public static Random Random { get; private set; } = new(0);

    /// <summary>Seed torch's CPU (and CUDA, if present) generators and <see cref="Random"/> with <paramref name="seed"/>.</summary>
    public static void Set(int seed)
    {
        Seed = seed;
        torch.manual_seed(seed);            // the default CPU generator: init, rand, dropout, randperm
        if (torch.cuda.is_available())
            torch.cuda.manual_seed_all(seed);
        Random = new Random(seed);
    }
}
