using System.Diagnostics;

namespace Course.Training;

/// <summary>Frees the native memory that TorchSharp leaves to the garbage collector, so training memory stays flat.</summary>
/// <remarks>
/// TorchSharp 0.107 never registers a <c>Scalar</c> in a dispose scope: every implicit double → Scalar
/// conversion (<c>x * 0.5</c>, and about six per parameter in every <c>optim.Adam.step()</c>: <c>mul_(beta1)</c>,
/// <c>add_(grad, alpha)</c>, <c>addcmul_(value)</c>, <c>/ Math.Sqrt(…)</c>, <c>add_(eps)</c>, <c>addcdiv_(value)</c>)
/// allocates a native <c>at::Scalar</c> that only a finalizer frees. The managed side is tiny, so collections are
/// rare; meanwhile the small native blocks split the holes that each batch's freed tensors leave in the C heap,
/// the next batch's tensors are placed fresh at the top, and RSS grew ~35–90 MB per epoch (lecture AE, notebook
/// 07-autoencoder; DESIGN.md "Memory"). <see cref="Trainer"/> therefore runs a gen-0 collection and the pending
/// finalizers every 0.1 s of training and after each epoch: under 1 ms each, so well under 1% of the time.
/// </remarks>
internal sealed class NativeGarbage
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(0.1);
    private readonly Stopwatch sinceCollect = Stopwatch.StartNew();

    /// <summary>Collect if at least 0.1 s passed since the last collection (call after each batch's scope ends).</summary>
    public void MaybeCollect()
    {
        if (sinceCollect.Elapsed >= Interval) Collect();
    }

    /// <summary>Collect generation 0 and run the finalizers it queued, freeing escaped Scalars' native memory now.</summary>
    public void Collect()
    {
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        sinceCollect.Restart();
    }
}
