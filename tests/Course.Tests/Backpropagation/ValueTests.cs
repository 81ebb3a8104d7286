using Course.Backpropagation;
using Xunit;
using static TorchSharp.torch;

namespace Course.Tests.Backpropagation;

/// <summary>The scalar reverse-mode <see cref="Value"/> against TorchSharp's autograd (float64) and finite differences.</summary>
public sealed class ValueTests
{
    [Fact]
    public void PerceptronGradientsMatchAutograd()
    {
        // Seed 001, "Review: Perceptron": ŷ = σ(w0 + Σ x_i w_i), J = (ŷ − y)².
        double[] x = [0.5, -1.5, 2.0], w = [0.3, -0.8, 0.1];
        double w0 = 0.2, y = 1;
        var ws = w.Select((v, i) => new Value(v, $"w{i + 1}")).ToArray();
        var b = new Value(w0, "w0");
        Value sum = b;
        for (int i = 0; i < 3; i++) sum += x[i] * ws[i];
        var j = (sum.Sigmoid() - y).Pow(2);
        j.Backward();

        using var scope = NewDisposeScope();
        var tw = tensor(w, requires_grad: true);
        var tb = tensor(w0, requires_grad: true);
        var tj = ((tensor(x) * tw).sum() + tb).sigmoid().sub(y).pow(2);
        var g = autograd.grad([tj], [tw, tb]);
        Assert.Equal(tj.item<double>(), j.Data, 12);
        for (int i = 0; i < 3; i++) Assert.Equal(g[0][i].item<double>(), ws[i].Grad, 12);
        Assert.Equal(g[1].item<double>(), b.Grad, 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AnnWithSoftmaxCrossEntropyMatchesAutograd(int seed)
    {
        // Seed 001, "Review: ANN": z = W1ᵀx + b1, h = tanh z, s = W2ᵀh + b2, J = −log softmax(s)_y.
        const int m = 3, d1 = 4, numClasses = 3, label = 2;
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)seed);
        var tx = randn(m, dtype: ScalarType.Float64, generator: generator);
        var tW1 = randn(m, d1, dtype: ScalarType.Float64, generator: generator).requires_grad_(true);
        var tb1 = randn(d1, dtype: ScalarType.Float64, generator: generator).requires_grad_(true);
        var tW2 = randn(d1, numClasses, dtype: ScalarType.Float64, generator: generator).requires_grad_(true);
        var tb2 = randn(numClasses, dtype: ScalarType.Float64, generator: generator).requires_grad_(true);
        var ts = (tx.matmul(tW1) + tb1).tanh().matmul(tW2) + tb2;
        var tj = -ts.log_softmax(0)[label];
        var g = autograd.grad([tj], [tW1, tb1, tW2, tb2]);

        Value[] Leaves(Tensor t) => t.detach().contiguous().data<double>().ToArray().Select(v => new Value(v)).ToArray();
        var (x, W1, b1, W2, b2) = (tx.data<double>().ToArray(), Leaves(tW1), Leaves(tb1), Leaves(tW2), Leaves(tb2));
        var h = new Value[d1];
        for (int i = 0; i < d1; i++)
        {
            Value z = b1[i];
            for (int jj = 0; jj < m; jj++) z += x[jj] * W1[jj * d1 + i];
            h[i] = z.Tanh();
        }
        var s = new Value[numClasses];
        for (int c = 0; c < numClasses; c++)
        {
            Value sc = b2[c];
            for (int i = 0; i < d1; i++) sc += h[i] * W2[i * numClasses + c];
            s[c] = sc;
        }
        Value sumExp = 0.0;
        foreach (var sc in s) sumExp += sc.Exp();
        var j = sumExp.Log() - s[label];
        j.Backward();

        Assert.Equal(tj.item<double>(), j.Data, 10);
        foreach (var (leaves, grad) in new[] { (W1, g[0]), (b1, g[1]), (W2, g[2]), (b2, g[3]) })
        {
            var expected = grad.contiguous().data<double>().ToArray();
            Assert.True(GradientCheck.MaxAbsDifference(leaves.Select(v => v.Grad).ToArray(), expected) < 1e-12);
        }
    }

    public static TheoryData<string> Operations() => new() { "+", "−", "×", "÷", "pow", "exp", "log", "tanh", "sigmoid", "relu", "constants" };

    private static Value Apply(string op, Value a, Value b) => op switch
    {
        "+" => a + b,
        "−" => a - b,
        "×" => a * b,
        "÷" => a / b,
        "pow" => a.Pow(3) + b.Pow(-0.5),
        "exp" => a.Exp() * b,
        "log" => (a * a).Log() + b.Log(),
        "tanh" => (a * b).Tanh(),
        "sigmoid" => (a - b).Sigmoid(),
        "relu" => a.Relu() * b + (-a).Relu(),
        "constants" => (2 - a) / 3 + 4 / b - 1 + 5 * a + a * 0.5 + (1 + b),
        _ => throw new ArgumentException(op),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void EveryOperationMatchesFiniteDifferences(string op)
    {
        double[] point = [0.7, 1.3];
        var (a, b) = (new Value(point[0]), new Value(point[1]));
        var f = Apply(op, a, b);
        f.Backward();
        var numerical = GradientCheck.Numerical(p => Apply(op, new Value(p[0]), new Value(p[1])).Data, point);
        Assert.True(GradientCheck.MaxAbsDifference([a.Grad, b.Grad], numerical) < 1e-7, $"{op}: backprop ({a.Grad}, {b.Grad}) vs finite differences ({numerical[0]}, {numerical[1]})");
        Assert.True(a.Grad != 0 || b.Grad != 0, $"{op}: both gradients are 0, the check proves nothing");
    }

    [Fact]
    public void AValueUsedTwiceAddsUpItsGradients()
    {
        var x = new Value(3);
        var y = x * x + x;            // dy/dx = 2x + 1 = 7
        y.Backward();
        Assert.Equal(7, x.Grad, 12);
    }

    [Fact]
    public void BackwardTwiceGivesTheSameGradients()
    {
        var x = new Value(0.5);
        var y = (x * 2).Tanh() * x;
        y.Backward();
        double first = x.Grad;
        y.Backward();
        Assert.Equal(first, x.Grad, 15);
    }

    [Fact]
    public void TopologicalOrderListsEveryValueOnceAfterItsInputs()
    {
        var a = new Value(1, "a");
        var b = a * 2;
        var c = a + b;
        var d = c * b;
        var order = d.TopologicalOrder().ToList();
        Assert.Equal(order.Count, order.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Same(d, order[^1]);
        Assert.All(order, node => Assert.All(node.Inputs, input => Assert.True(order.IndexOf(input) < order.IndexOf(node))));
        Assert.Contains(a, order);
        Assert.Equal(4, order.Count);   // a, b, c, d, each once (a constant is stored as a local derivative, not a node)
    }

    [Fact]
    public void ALongChainDoesNotOverflowTheStack()
    {
        var x = new Value(1);
        var y = x;
        for (int i = 0; i < 200_000; i++) y = y + 1e-6;
        y.Backward();
        Assert.Equal(1, x.Grad, 12);
    }

    [Fact]
    public void InputsAndLocalDerivativesOfDifferentLengthAreAOneLineError()
    {
        var e = Assert.Throws<ArgumentException>(() => new Value(1, [new Value(2), new Value(3)], [1.0], "mystery"));
        Assert.Contains("2 inputs but 1 local derivatives", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void LogOfANonPositiveNumberIsAOneLineError()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Value(-0.5).Log());
        Assert.Contains("-0.5", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
