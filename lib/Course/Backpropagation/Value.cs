using System.Globalization;

namespace Course.Backpropagation;

/// <summary>A scalar that remembers how it was made: its inputs and the local derivative of itself with respect to each.</summary>
/// <remarks>
/// Seed 001 (Lecture 11), "Review: ANN": <c>∂J/∂w₁ = ∂J/∂ŷ · ∂ŷ/∂z₁ · ∂z₁/∂w₁</c>, "repeat this for every weight in the
/// network using gradients from later layers". Every operation stores the local derivatives ∂out/∂input of its own small
/// step; <see cref="Backward"/> then visits the graph from the output back to the inputs (reverse topological order) and
/// gives each input <c>local derivative × the output's gradient</c>, summed over every path: reverse-mode automatic
/// differentiation, the backpropagation of Rumelhart, Hinton and Williams (1986) on scalars.
/// Notebook 01b-backpropagation builds the same thing step by step and checks it against TorchSharp's autograd.
/// </remarks>
public sealed class Value
{
    private readonly Value[] inputs;
    private readonly double[] localDerivatives;

    /// <summary>A leaf: a number that was not computed from other values (an input x or a weight w).</summary>
    /// <param name="data">The number.</param>
    /// <param name="label">A name for printing, e.g. "w1".</param>
    public Value(double data, string label = "") : this(data, [], [], label) { }

    /// <summary>The result of an operation: <paramref name="data"/>, computed from <paramref name="inputs"/>, with ∂data/∂inputs[i] = <paramref name="localDerivatives"/>[i].</summary>
    /// <remarks>This is how a new operation joins the graph: compute its value and its local derivatives, nothing else.</remarks>
    /// <param name="data">The operation's result.</param>
    /// <param name="inputs">The values it was computed from (the same value may appear twice, as in x · x).</param>
    /// <param name="localDerivatives">∂result/∂input for each input, evaluated at the inputs' current data.</param>
    /// <param name="label">The operation's name for printing, e.g. "tanh".</param>
    /// <exception cref="ArgumentException">The two lists differ in length.</exception>
    public Value(double data, IReadOnlyList<Value> inputs, IReadOnlyList<double> localDerivatives, string label)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(localDerivatives);
        if (inputs.Count != localDerivatives.Count)
            throw new ArgumentException(
                $"Value \"{label}\": {inputs.Count} inputs but {localDerivatives.Count} local derivatives; give one ∂out/∂input per input.",
                nameof(localDerivatives));
        Data = data;
        Label = label;
        this.inputs = [.. inputs];
        this.localDerivatives = [.. localDerivatives];
    }

    /// <summary>The number this value holds (the forward pass).</summary>
    public double Data { get; }

    /// <summary>∂output/∂this after the last <see cref="Backward"/> called on an output that depends on this value (0 before).</summary>
    public double Grad { get; private set; }

    /// <summary>A leaf's name or an operation's ("+", "×", "tanh", …).</summary>
    public string Label { get; }

    /// <summary>The values this one was computed from (empty for a leaf).</summary>
    public IReadOnlyList<Value> Inputs => inputs;

    /// <summary>∂this/∂Inputs[i], stored when the value was computed.</summary>
    public IReadOnlyList<double> LocalDerivatives => localDerivatives;

    /// <summary>a + b; both local derivatives are 1.</summary>
    public static Value operator +(Value a, Value b) => new(a.Data + b.Data, [a, b], [1, 1], "+");

    /// <summary>a + c for a constant c.</summary>
    public static Value operator +(Value a, double c) => new(a.Data + c, [a], [1], "+");

    /// <summary>c + a for a constant c.</summary>
    public static Value operator +(double c, Value a) => a + c;

    /// <summary>a · b; ∂/∂a = b and ∂/∂b = a.</summary>
    public static Value operator *(Value a, Value b) => new(a.Data * b.Data, [a, b], [b.Data, a.Data], "×");

    /// <summary>a · c for a constant c.</summary>
    public static Value operator *(Value a, double c) => new(a.Data * c, [a], [c], "×");

    /// <summary>c · a for a constant c.</summary>
    public static Value operator *(double c, Value a) => a * c;

    /// <summary>−a; the local derivative is −1.</summary>
    public static Value operator -(Value a) => a * -1;

    /// <summary>a − b; ∂/∂a = 1 and ∂/∂b = −1.</summary>
    public static Value operator -(Value a, Value b) => new(a.Data - b.Data, [a, b], [1, -1], "−");

    /// <summary>a − c for a constant c.</summary>
    public static Value operator -(Value a, double c) => a + -c;

    /// <summary>c − a for a constant c.</summary>
    public static Value operator -(double c, Value a) => -a + c;

    /// <summary>a / b; ∂/∂a = 1/b and ∂/∂b = −a/b².</summary>
    public static Value operator /(Value a, Value b) => new(a.Data / b.Data, [a, b], [1 / b.Data, -a.Data / (b.Data * b.Data)], "÷");

    /// <summary>a / c for a constant c.</summary>
    public static Value operator /(Value a, double c) => a * (1 / c);

    /// <summary>c / a for a constant c.</summary>
    public static Value operator /(double c, Value a) => c * a.Pow(-1);

    /// <summary>A leaf holding <paramref name="data"/>, so that 2.0 can stand where a value is expected.</summary>
    public static implicit operator Value(double data) => new(data);

    /// <summary>xᵏ for a constant k; the local derivative is k·xᵏ⁻¹.</summary>
    public Value Pow(double k) => new(Math.Pow(Data, k), [this], [k * Math.Pow(Data, k - 1)], $"^{k.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>eˣ; the local derivative is eˣ itself.</summary>
    public Value Exp()
    {
        double e = Math.Exp(Data);
        return new(e, [this], [e], "exp");
    }

    /// <summary>ln x; the local derivative is 1/x.</summary>
    /// <exception cref="ArgumentOutOfRangeException">x ≤ 0, where ln is undefined.</exception>
    public Value Log()
    {
        if (!(Data > 0))
            throw new ArgumentOutOfRangeException(nameof(Data), $"Log of {Data.ToString(CultureInfo.InvariantCulture)}: ln x needs x > 0 (clamp a probability away from 0 first).");
        return new(Math.Log(Data), [this], [1 / Data], "log");
    }

    /// <summary>tanh x; the local derivative is 1 − tanh² x.</summary>
    public Value Tanh()
    {
        double t = Math.Tanh(Data);
        return new(t, [this], [1 - t * t], "tanh");
    }

    /// <summary>The perceptron slide's g: σ(x) = 1 / (1 + e⁻ˣ); the local derivative is σ(x)(1 − σ(x)) ≤ ¼.</summary>
    public Value Sigmoid()
    {
        double s = 1 / (1 + Math.Exp(-Data));
        return new(s, [this], [s * (1 - s)], "σ");
    }

    /// <summary>max(0, x); the local derivative is 1 for x &gt; 0 and 0 otherwise.</summary>
    public Value Relu() => new(Math.Max(0, Data), [this], [Data > 0 ? 1 : 0], "relu");

    /// <summary>Every value this one depends on, each once, inputs before the values computed from them; this value last.</summary>
    /// <remarks>A depth-first search that emits a value after all its inputs (iterative, so a chain of a million steps is fine).</remarks>
    public IReadOnlyList<Value> TopologicalOrder()
    {
        var order = new List<Value>();
        var visited = new HashSet<Value>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Value Node, bool InputsDone)>();
        stack.Push((this, false));
        while (stack.Count > 0)
        {
            var (node, inputsDone) = stack.Pop();
            if (inputsDone)
            {
                order.Add(node);
                continue;
            }
            if (!visited.Add(node)) continue;
            stack.Push((node, true));
            for (int i = node.inputs.Length - 1; i >= 0; i--)
                if (!visited.Contains(node.inputs[i])) stack.Push((node.inputs[i], false));
        }
        return order;
    }

    /// <summary>Fill <see cref="Grad"/> of every value in the graph with ∂this/∂value: the chain rule, from this value back to the leaves.</summary>
    /// <remarks>
    /// Grads are set to 0, this value's to 1 (∂out/∂out); then, in reverse topological order, each value passes
    /// <c>LocalDerivatives[i] × Grad</c> to <c>Inputs[i].Grad</c>. When a value feeds several others, the contributions add up
    /// (the multivariable chain rule). Reverse topological order guarantees a value's Grad is complete before it is passed on.
    /// </remarks>
    public void Backward()
    {
        var order = TopologicalOrder();
        foreach (var node in order) node.Grad = 0;
        Grad = 1;
        for (int n = order.Count - 1; n >= 0; n--)
        {
            var node = order[n];
            for (int i = 0; i < node.inputs.Length; i++)
                node.inputs[i].Grad += node.localDerivatives[i] * node.Grad;
        }
    }

    /// <summary>"w1 = 0.5 (grad 0.25)".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Label.Length > 0 ? Label + " = " : "")}{Data:G6} (grad {Grad:G6})");
}
