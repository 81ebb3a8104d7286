using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Recurrent;

/// <summary>How much of a change in h_0 still reaches h_t: the norms ‖∂h_t/∂h_0‖₂ for t = 1 … T.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "RNN": "computing the gradient wrt h_0 involves many factors of W_hh (and repeated f′!)";
/// largest singular value &gt; 1 → exploding, &lt; 1 → vanishing gradients; "LSTM – backpropagation": from c_t to c_{t−1}
/// only an elementwise multiplication. The norm is the spectral norm (largest singular value) of the H×H Jacobian:
/// the most any unit-length change of h_0 can move h_t. Notebook 05-rnn-lstm plots these norms on a log axis.
/// </remarks>
public static class GradientNorms
{
    /// <summary>‖∂h_t/∂h_0‖₂ for t = 1 … T of a tanh RNN fed <paramref name="xs"/>, by autograd.</summary>
    /// <param name="cell">The RNN cell.</param>
    /// <param name="xs">One input sequence, (T, I).</param>
    /// <param name="h0">Initial state, (H); null for zeros.</param>
    /// <returns>T norms; element t − 1 is ‖∂h_t/∂h_0‖₂.</returns>
    /// <exception cref="ArgumentException">xs is not (T, I) or h0 is not (H).</exception>
    public static double[] Rnn(RnnCell cell, Tensor xs, Tensor? h0 = null)
    {
        ArgumentNullException.ThrowIfNull(cell);
        RequireInputs(xs, h0, cell.InputSize, cell.HiddenSize);
        return Norms(h0 ?? torch.zeros(cell.HiddenSize, dtype: xs.dtype, device: xs.device), hs => RunRnn(cell, xs, hs));
    }

    /// <summary>‖∂h_t/∂h_0‖₂ (or ‖∂c_t/∂c_0‖₂) for t = 1 … T of an LSTM fed <paramref name="xs"/>, by autograd.</summary>
    /// <param name="cell">The LSTM cell.</param>
    /// <param name="xs">One input sequence, (T, I).</param>
    /// <param name="h0">Initial hidden state, (H); null for zeros.</param>
    /// <param name="c0">Initial cell state, (H); null for zeros.</param>
    /// <param name="throughCellState">False: ∂h_t/∂h_0 with c_0 fixed. True: ∂c_t/∂c_0 with h_0 fixed (the lecture's "uninterrupted gradient flow").</param>
    /// <returns>T norms; element t − 1 belongs to step t.</returns>
    /// <exception cref="ArgumentException">xs is not (T, I) or a state is not (H).</exception>
    public static double[] Lstm(LstmCell cell, Tensor xs, Tensor? h0 = null, Tensor? c0 = null, bool throughCellState = false)
    {
        ArgumentNullException.ThrowIfNull(cell);
        RequireInputs(xs, h0, cell.InputSize, cell.HiddenSize);
        RequireInputs(xs, c0, cell.InputSize, cell.HiddenSize);
        long H = cell.HiddenSize;
        var h = h0 ?? torch.zeros(H, dtype: xs.dtype, device: xs.device);
        var c = c0 ?? torch.zeros(H, dtype: xs.dtype, device: xs.device);
        return throughCellState
            ? Norms(c, cs => RunLstm(cell, xs, h.expand(H, H), cs).Select(s => s.C))
            : Norms(h, hs => RunLstm(cell, xs, hs, c.expand(H, H)).Select(s => s.H));
    }

    /// <summary>The Jacobians ∂h_t/∂h_0 of a tanh RNN by the lecture's product: ∂h_t/∂h_{t−1} = diag(1 − h_t²) W_hh, multiplied t times.</summary>
    /// <param name="cell">The RNN cell.</param>
    /// <param name="xs">One input sequence, (T, I).</param>
    /// <param name="h0">Initial state, (H); null for zeros.</param>
    /// <returns>(T, H, H): slice t − 1 is ∂h_t/∂h_0 (row k: how h_t[k] moves with each unit of h_0).</returns>
    /// <exception cref="ArgumentException">xs is not (T, I) or h0 is not (H).</exception>
    public static Tensor RnnJacobians(RnnCell cell, Tensor xs, Tensor? h0 = null)
    {
        ArgumentNullException.ThrowIfNull(cell);
        RequireInputs(xs, h0, cell.InputSize, cell.HiddenSize);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        long H = cell.HiddenSize;
        var h = (h0 ?? torch.zeros(H, dtype: xs.dtype, device: xs.device)).unsqueeze(0);  // (1, H)
        var J = torch.eye(H, dtype: xs.dtype, device: xs.device);                           // ∂h_0/∂h_0 = I
        var jacobians = new List<Tensor>();
        for (long t = 0; t < xs.shape[0]; t++)
        {
            h = cell.call(xs[t].unsqueeze(0), h);                                            // (1, H)
            var fPrime = 1 - h[0].square();                                                  // tanh′ = 1 − tanh², (H)
            J = (fPrime.unsqueeze(1) * cell.W_hh).matmul(J);                                 // diag(f′) W_hh · J_{t−1}
            jacobians.Add(J);
        }
        return torch.stack(jacobians).MoveToOuterDisposeScope();                            // (T, H, H)
    }

    /// <summary>A square matrix whose singular values all equal <paramref name="largestSingularValue"/>: a random orthogonal matrix times that value.</summary>
    /// <remarks>Put into <see cref="RnnCell.W_hh"/> to make the lecture's "largest singular value &lt; 1" (or &gt; 1) exact.</remarks>
    /// <param name="n">Rows and columns.</param>
    /// <param name="largestSingularValue">The singular value, e.g. 0.9 or 1.1.</param>
    /// <param name="seed">Seed of the random rotation.</param>
    /// <exception cref="ArgumentOutOfRangeException">n is below 1 or the value is not positive.</exception>
    public static Tensor ScaledOrthogonal(long n, double largestSingularValue, long seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(largestSingularValue);
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator((ulong)seed);
        var (q, _) = torch.linalg.qr(torch.randn(n, n, generator: generator, dtype: ScalarType.Float64));
        return (q * largestSingularValue).to(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    private static IEnumerable<Tensor> RunRnn(RnnCell cell, Tensor xs, Tensor h)
    {
        for (long t = 0; t < xs.shape[0]; t++)
        {
            h = cell.call(xs[t].expand(h.shape[0], -1), h);                                 // (H copies, H)
            yield return h;
        }
    }

    private static IEnumerable<(Tensor H, Tensor C)> RunLstm(LstmCell cell, Tensor xs, Tensor h, Tensor c)
    {
        for (long t = 0; t < xs.shape[0]; t++)
        {
            (h, c) = cell.call(xs[t].expand(h.shape[0], -1), (h, c));
            yield return (h, c);
        }
    }

    /// <summary>Run the recurrence on H identical copies of the initial state; one backward pass per step gives a whole Jacobian.</summary>
    private static double[] Norms(Tensor state0, Func<Tensor, IEnumerable<Tensor>> run)
    {
        using var scope = torch.NewDisposeScope();
        using var grad = torch.enable_grad();
        long H = state0.shape[0];
        var copies = state0.detach().expand(H, H).clone().requires_grad_(true);              // (H, H): copy k is for output unit k
        var eye = torch.eye(H, dtype: state0.dtype, device: state0.device);
        var norms = new List<double>();
        foreach (var s in run(copies))
        {
            var J = torch.autograd.grad([(s * eye).sum()], [copies], retain_graph: true)[0];  // (H, H): row k = ∂s_t[k]/∂s_0
            norms.Add(torch.linalg.svdvals(J.to(ScalarType.Float64)).max().item<double>());
        }
        return norms.ToArray();
    }

    private static void RequireInputs(Tensor xs, Tensor? state0, long inputSize, long hiddenSize)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.dim() != 2 || xs.shape[1] != inputSize || xs.shape[0] < 1)
            throw new ArgumentException($"Expected one input sequence of shape (T, {inputSize}) with T ≥ 1, but got {ShapeText.Of(xs)}.", nameof(xs));
        if (state0 is not null && (state0.dim() != 1 || state0.shape[0] != hiddenSize))
            throw new ArgumentException($"Expected an initial state of shape ({hiddenSize}), but got {ShapeText.Of(state0)}.", nameof(state0));
    }
}
