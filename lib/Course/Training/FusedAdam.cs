using System.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Course.Training;

/// <summary>Adam that updates every weight of a model at once, over one flat buffer, instead of tensor by tensor.</summary>
/// <remarks>
/// <para>
/// Kingma &amp; Ba (2015), "Adam: A Method for Stochastic Optimization", Algorithm 1, with the same defaults and
/// meaning as <c>torch.optim.Adam</c>: <c>lr</c> 1e-3, betas (0.9, 0.999), <c>eps</c> 1e-8, <c>weight_decay</c> as an L2
/// term added to the gradient, bias-corrected moments. Swap <c>optim.Adam(net.parameters(), lr)</c> for
/// <c>new FusedAdam(net.parameters(), lr)</c>; <c>course bench</c> trains notebook 07-autoencoder's network with it.
/// </para>
/// <para>
/// Why fused: <c>optim.Adam</c> runs about eight small operations (and allocates their Scalars) for every parameter
/// tensor, so a 12-tensor network pays ~100 native calls per step whatever the tensors' sizes. Here the constructor
/// copies every parameter into one contiguous buffer and makes each parameter, and its <c>.grad</c>, a view into one
/// flat weight and one flat gradient buffer; backward accumulates into the flat gradient in place, and
/// <see cref="step"/> updates all weights with one set of operations: a single pass over memory for a float32 CPU
/// model (<see cref="StepInOnePass"/>), eight tensor operations on the flat buffers otherwise.
/// </para>
/// <para>
/// Differences from <c>optim.Adam</c>: one parameter group and one step count for all parameters; a parameter that got
/// no gradient in a step is updated as if its gradient were 0 (as <c>optim.Adam</c> does after its own
/// <c>zero_grad</c>, which zeroes rather than clears); float32 CPU weights differ from <c>optim.Adam</c>'s by rounding
/// only (≈1e-7 relative per step, see <see cref="StepInOnePass"/>). Create it after moving the model to its device.
/// </para>
/// </remarks>
public sealed class FusedAdam : optim.Optimizer
{
    private readonly Parameter[] trainable;      // the parameters with requires_grad, in the order given
    private readonly long[] offsets;              // where each parameter starts in the flat buffers
    private readonly Tensor weights;             // (P) every parameter's values; each parameter is a view into it
    private readonly Tensor gradBuffer;          // (1 + P) element 0 unused, so no gradient view starts at offset 0
    private readonly Tensor grads;               // (P) gradBuffer[1..]; each parameter's .grad is a view into it
    private readonly Tensor expAvg;              // (P) m: running mean of the gradient
    private readonly Tensor expAvgSq;            // (P) v: running mean of the squared gradient
    private readonly double beta1, beta2, eps, weightDecay;
    private readonly bool onePass;               // float32 on the CPU: StepInOnePass on the addresses below
    private readonly IntPtr weightsAt, gradsAt, expAvgAt, expAvgSqAt;
    private long t;                              // steps taken
    private bool disposed;

    /// <summary>Collect the trainable <paramref name="parameters"/> into flat buffers and prepare Adam's moments.</summary>
    /// <param name="parameters">The model's parameters, e.g. <c>net.parameters()</c>; those without <c>requires_grad</c> are skipped.</param>
    /// <param name="lr">Step size α.</param>
    /// <param name="beta1">Decay β₁ of the gradient's running mean m.</param>
    /// <param name="beta2">Decay β₂ of the squared gradient's running mean v.</param>
    /// <param name="eps">ε added to √v̂ in the denominator.</param>
    /// <param name="weight_decay">L2 penalty λ: λθ is added to the gradient (as <c>optim.Adam</c>, not AdamW).</param>
    /// <exception cref="ArgumentException">No trainable parameters; parameters of mixed dtype or device; a parameter given twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public FusedAdam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
                     double eps = 1e-8, double weight_decay = 0) : base(IntPtr.Zero)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(lr >= 0)) throw new ArgumentOutOfRangeException(nameof(lr), lr, "lr must be 0 or more.");
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "beta1 must be in [0, 1).");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "beta2 must be in [0, 1).");
        if (!(eps >= 0)) throw new ArgumentOutOfRangeException(nameof(eps), eps, "eps must be 0 or more.");
        if (!(weight_decay >= 0)) throw new ArgumentOutOfRangeException(nameof(weight_decay), weight_decay, "weight_decay must be 0 or more.");
        (this.beta1, this.beta2, this.eps, weightDecay) = (beta1, beta2, eps, weight_decay);

        trainable = parameters.Where(p => p.requires_grad).ToArray();
        Validate(trainable);
        var first = trainable[0];
        offsets = new long[trainable.Length];
        long total = 0;
        for (int i = 0; i < offsets.Length; i++) { offsets[i] = total; total += trainable[i].numel(); }

        using (torch.no_grad())
        {
            weights = torch.empty(total, dtype: first.dtype, device: first.device);                 // (P)
            gradBuffer = torch.zeros(1 + total, dtype: first.dtype, device: first.device);          // (1 + P)
            grads = gradBuffer.narrow(0, 1, total);                                                 // (P)
            for (int i = 0; i < trainable.Length; i++)
            {
                var p = trainable[i];
                using var slot = Slot(weights, i);
                slot.copy_(p);
                p.set_(slot);                                      // p now lives in weights; modules see the same tensor
                using var gradSlot = Slot(grads, i);
                using (var old = p.grad) if (old is not null) gradSlot.copy_(old);
                p.grad = gradSlot;                                 // backward adds into gradSlot in place
            }
            expAvg = torch.zeros_like(weights);                                                     // (P)
            expAvgSq = torch.zeros_like(weights);                                                   // (P)
        }

        onePass = first.device.type == DeviceType.CPU && first.dtype == ScalarType.Float32;
        if (onePass) (weightsAt, gradsAt, expAvgAt, expAvgSqAt) = (AddressOf(weights), AddressOf(grads), AddressOf(expAvg), AddressOf(expAvgSq));
        _parameter_groups = [new ParamGroup { Parameters = trainable, Options = new OptimizerOptions { LearningRate = lr, InitialLearningRate = lr } }];
    }

    /// <summary>The learning rate α of the next step (learning-rate schedulers change it through <c>ParamGroups</c>).</summary>
    public double LearningRate => _parameter_groups[0].LearningRate;

    /// <summary>Steps taken so far (t in Algorithm 1).</summary>
    public long StepCount => t;

    /// <summary>Whether <see cref="step"/> runs <see cref="StepInOnePass"/> (float32 on the CPU) rather than tensor operations.</summary>
    internal bool InOnePass => onePass;

    /// <summary>The trainable parameters, in the order given to the constructor.</summary>
    public override IEnumerable<Parameter> parameters() => trainable;

    /// <summary>Zero every gradient in place (one operation on the flat gradient); the gradients stay views into it.</summary>
    public override void zero_grad()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        grads.zero_();
    }

    /// <summary>One Adam step for every parameter at once.</summary>
    /// <param name="closure">Re-evaluates the model and returns the loss (optional), evaluated with gradients before the step.</param>
    /// <returns>The closure's loss, or null.</returns>
    public override Tensor step(Func<Tensor>? closure = null)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Tensor? loss = null;
        if (closure is not null)
            using (torch.enable_grad()) loss = closure();

        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        ReattachGradients();
        t++;
        double bias1 = 1 - Math.Pow(beta1, t), bias2 = 1 - Math.Pow(beta2, t);               // bias corrections 1 − βᵗ
        if (onePass) StepInOnePass((float)(-LearningRate / bias1), (float)Math.Sqrt(bias2));
        else StepWithTensorOps(-LearningRate / bias1, Math.Sqrt(bias2));
        return loss!;
    }

    /// <summary>Algorithm 1's update as tensor operations on the flat buffers (any device and dtype).</summary>
    /// <param name="stepSize">−α/(1−β₁ᵗ).</param>
    /// <param name="sqrtBias2">√(1−β₂ᵗ).</param>
    private void StepWithTensorOps(double stepSize, double sqrtBias2)
    {
        using Scalar b1 = beta1.ToScalar(), c1 = (1 - beta1).ToScalar(), b2 = beta2.ToScalar(), c2 = (1 - beta2).ToScalar(),
                     λ = weightDecay.ToScalar(), ε = eps.ToScalar(), step = stepSize.ToScalar(), bias2 = sqrtBias2.ToScalar();
        var g = weightDecay != 0 ? grads.add(weights, alpha: λ) : grads;    // (P) ∇ + λθ
        expAvg.mul_(b1).add_(g, alpha: c1);                                  // m ← β₁m + (1−β₁)g
        expAvgSq.mul_(b2).addcmul_(g, g, value: c2);                         // v ← β₂v + (1−β₂)g²
        var denom = expAvgSq.sqrt().div_(bias2).add_(ε);                     // (P) √v̂ + ε, v̂ = v/(1−β₂ᵗ)
        weights.addcdiv_(expAvg, denom, value: step);                        // θ ← θ − α m̂ / (√v̂ + ε), m̂ = m/(1−β₁ᵗ)
    }

    /// <summary>
    /// The same update for a float32 CPU model in one pass over memory: each weight's θ, g, m and v are read once and
    /// written once, <see cref="Vector{T}"/>-wide, instead of eight passes that each start a parallel kernel.
    /// </summary>
    /// <remarks>
    /// The arithmetic is <see cref="StepWithTensorOps"/>'s, element by element, with libtorch's fused multiply-adds, so
    /// m and v equal <c>optim.Adam</c>'s bit for bit. The one difference is the square root: exact here, within an ulp in
    /// libtorch (and slow there on zeros, which v holds for every weight that has had no gradient yet, e.g. those fed by
    /// MNIST's mostly blank border pixels). With weight decay, weights that get no gradient from the data oscillate
    /// around 0 in steps of about α, and such one-ulp differences can grow over epochs, as any change of rounding would.
    /// </remarks>
    private unsafe void StepInOnePass(float stepSize, float sqrtBias2)
    {
        float* θ = (float*)weightsAt, g = (float*)gradsAt, m = (float*)expAvgAt, v = (float*)expAvgSqAt;
        float b1 = (float)beta1, c1 = (float)(1 - beta1), b2 = (float)beta2, c2 = (float)(1 - beta2), λ = (float)weightDecay, ε = (float)eps;
        bool decay = weightDecay != 0;
        long n = weights.numel(), i = 0;
        for (int width = Vector<float>.Count; i <= n - width; i += width)
        {
            var θi = Vector.Load(θ + i);
            var gi = Vector.Load(g + i);
            if (decay) gi = Vector.FusedMultiplyAdd(θi, new Vector<float>(λ), gi);                  // ∇ + λθ
            var mi = Vector.FusedMultiplyAdd(gi, new Vector<float>(c1), Vector.Load(m + i) * b1);   // β₁m + (1−β₁)g
            var vi = Vector.FusedMultiplyAdd(gi * c2, gi, Vector.Load(v + i) * b2);                 // β₂v + (1−β₂)g²
            var denom = Vector.SquareRoot(vi) / sqrtBias2 + new Vector<float>(ε);                    // √v̂ + ε
            (θi + stepSize * mi / denom).Store(θ + i);                                               // θ − α m̂ / (√v̂ + ε)
            mi.Store(m + i);
            vi.Store(v + i);
        }
        for (; i < n; i++)                                                                            // the last few weights
        {
            float gi = decay ? MathF.FusedMultiplyAdd(θ[i], λ, g[i]) : g[i];
            float mi = m[i] = MathF.FusedMultiplyAdd(gi, c1, m[i] * b1);
            float vi = v[i] = MathF.FusedMultiplyAdd(gi * c2, gi, v[i] * b2);
            θ[i] += stepSize * mi / (MathF.Sqrt(vi) / sqrtBias2 + ε);
        }
    }

    /// <summary>Free the flat buffers' handles (the parameters and their gradients keep their storage alive).</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            foreach (var tensor in new[] { weights, grads, gradBuffer, expAvg, expAvgSq }) tensor.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>The address of a float32 CPU tensor's first element (valid while the tensor lives).</summary>
    private static unsafe IntPtr AddressOf(Tensor tensor)
    {
        using var scope = torch.NewDisposeScope();                  // storage<float>() makes an alias of the tensor
        var storage = tensor.storage<float>();
        return (IntPtr)((float*)storage.data_ptr() + tensor.storage_offset());
    }

    /// <summary>Parameter <paramref name="i"/>'s slice of a flat buffer, shaped like the parameter.</summary>
    private Tensor Slot(Tensor flat, int i)
    {
        var p = trainable[i];
        using var part = flat.narrow(0, offsets[i], p.numel());
        return part.view(p.shape);
    }

    /// <summary>
    /// Make every <c>.grad</c> a view into the flat gradient again if something replaced it, e.g. <c>net.zero_grad()</c>,
    /// which sets gradients to null so that the next backward allocates fresh ones: copy those in (null counts as 0).
    /// A fresh gradient starts at storage offset 0 and the views start at 1 or later, so the offset tells them apart.
    /// </summary>
    private void ReattachGradients()
    {
        for (int i = 0; i < trainable.Length; i++)
        {
            var p = trainable[i];
            using var grad = p.grad;
            if (grad is not null && grad.storage_offset() == 1 + offsets[i]) continue;
            using var gradSlot = Slot(grads, i);
            if (grad is null) gradSlot.zero_();
            else gradSlot.copy_(grad);
            p.grad = gradSlot;
        }
    }

    private static void Validate(Parameter[] parameters)
    {
        if (parameters.Length == 0)
            throw new ArgumentException("FusedAdam got no parameters that require gradients; pass net.parameters() of a model with trainable weights (or unfreeze some).", nameof(parameters));
        var first = parameters[0];
        for (int i = 1; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (p.dtype != first.dtype || p.device.type != first.device.type || p.device.index != first.device.index)
                throw new ArgumentException(
                    $"FusedAdam keeps all parameters in one buffer, so they must share one dtype and device, but parameter 0 is {first.dtype} on {first.device} " +
                    $"and parameter {i} is {p.dtype} on {p.device}. Move the whole model first (net.to(device, dtype)), or use optim.Adam.", nameof(parameters));
        }
        var seen = new HashSet<Parameter>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < parameters.Length; i++)
            if (!seen.Add(parameters[i]))
                throw new ArgumentException($"Parameter {i} was given twice; pass each parameter once (net.parameters() does).", nameof(parameters));
    }
}
