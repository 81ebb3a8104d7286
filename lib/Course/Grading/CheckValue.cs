using System.Collections;
using System.Globalization;
using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace Course.Grading;

/// <summary>A value a check compares, in a form that can travel between processes: numbers, text, or shape + data.</summary>
/// <remarks>
/// The grader's contract (README, "Exercises and grading"): the student's process reports only the values its grade
/// cells' checks receive as <i>actual</i>, in this form; the expected values are computed the same way from the key in
/// another process, and <see cref="Comparison"/> decides in the grader. Tensors keep their shape and their elements
/// as float64; rectangular arrays (<c>float[,]</c>) and sequences of numbers count as arrays too.
/// </remarks>
public sealed record CheckValue
{
    /// <summary>Largest number of array elements a check may compare (a bigger value is an error naming its size).</summary>
    public const long MaxElements = 1_000_000;

    /// <summary>What kind of value this is.</summary>
    [JsonPropertyName("kind")]
    public CheckValueKind Kind { get; init; }

    /// <summary>The number of a <see cref="CheckValueKind.Real"/> value.</summary>
    [JsonPropertyName("real")]
    public double Real { get; init; }

    /// <summary>The number of an <see cref="CheckValueKind.Integer"/> or <see cref="CheckValueKind.Bool"/> value (1 = true).</summary>
    [JsonPropertyName("integer")]
    public long Integer { get; init; }

    /// <summary>The text of a <see cref="CheckValueKind.Text"/> value.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>The shape of an array (empty for a 0-d tensor).</summary>
    [JsonPropertyName("shape")]
    public long[]? Shape { get; init; }

    /// <summary>The elements of an array, row-major, as float64.</summary>
    [JsonPropertyName("data")]
    public double[]? Data { get; init; }

    /// <summary>The kind of an array's elements (<see cref="CheckValueKind.Bool"/>, <see cref="CheckValueKind.Integer"/> or <see cref="CheckValueKind.Real"/>).</summary>
    [JsonPropertyName("elements")]
    public CheckValueKind Elements { get; init; }

    /// <summary>True for a number of either kind or a truth value.</summary>
    [JsonIgnore]
    public bool IsScalarNumber => Kind is CheckValueKind.Integer or CheckValueKind.Real or CheckValueKind.Bool;

    /// <summary>The value as a double (scalars only).</summary>
    [JsonIgnore]
    public double AsDouble => Kind == CheckValueKind.Real ? Real : Integer;

    /// <summary>Convert what a check received into a <see cref="CheckValue"/>.</summary>
    /// <exception cref="ArgumentException">An array larger than <see cref="MaxElements"/> or not rectangular.</exception>
    public static CheckValue From(object? value) => value switch
    {
        null => new() { Kind = CheckValueKind.Null },
        bool b => new() { Kind = CheckValueKind.Bool, Integer = b ? 1 : 0 },
        sbyte or byte or short or ushort or int or uint or long => new() { Kind = CheckValueKind.Integer, Integer = Convert.ToInt64(value, CultureInfo.InvariantCulture) },
        ulong u when u <= long.MaxValue => new() { Kind = CheckValueKind.Integer, Integer = (long)u },
        ulong u => new() { Kind = CheckValueKind.Real, Real = u },
        float or double or decimal or Half => new() { Kind = CheckValueKind.Real, Real = Convert.ToDouble(value, CultureInfo.InvariantCulture) },
        string s => new() { Kind = CheckValueKind.Text, Text = s },
        char c => new() { Kind = CheckValueKind.Text, Text = c.ToString() },
        Tensor t => FromTensor(t),
        System.Array a when IsNumeric(a.GetType().GetElementType()!) => FromArray(a),
        IEnumerable e when value is not IDictionary && ElementType(value.GetType()) is { } element && IsNumeric(element) => FromSequence(e, element),
        _ => new() { Kind = CheckValueKind.Text, Text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" },
    };

    /// <summary>A shape as an array value (what <see cref="Check.Shape"/> compares).</summary>
    public static CheckValue OfShape(long[] shape) =>
        new() { Kind = CheckValueKind.Array, Elements = CheckValueKind.Integer, Shape = [shape.Length], Data = shape.Select(d => (double)d).ToArray() };

    private static CheckValue FromTensor(Tensor t)
    {
        if (t.numel() > MaxElements)
            throw new ArgumentException($"a tensor of shape ({string.Join(", ", t.shape)}) has {t.numel():N0} elements; checks compare at most {MaxElements:N0}");
        using var scope = NewDisposeScope();
        var elements = t.dtype == ScalarType.Bool ? CheckValueKind.Bool : t.is_floating_point() ? CheckValueKind.Real : CheckValueKind.Integer;
        var data = t.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        return new() { Kind = CheckValueKind.Array, Elements = elements, Shape = t.shape, Data = data };
    }

    private static CheckValue FromArray(System.Array a)
    {
        if (a.LongLength > MaxElements)
            throw new ArgumentException($"an array of {a.LongLength:N0} elements is too large; checks compare at most {MaxElements:N0}");
        var shape = Enumerable.Range(0, a.Rank).Select(d => (long)a.GetLength(d)).ToArray();
        var element = a.GetType().GetElementType()!;
        return new() { Kind = CheckValueKind.Array, Elements = KindOf(element), Shape = shape, Data = a.Cast<object>().Select(ToDouble).ToArray() };
    }

    private static CheckValue FromSequence(IEnumerable e, Type element)
    {
        var data = new List<double>();
        foreach (var item in e)
        {
            if (data.Count >= MaxElements) throw new ArgumentException($"a sequence of more than {MaxElements:N0} numbers is too large to check");
            data.Add(ToDouble(item));
        }
        return new() { Kind = CheckValueKind.Array, Elements = KindOf(element), Shape = [data.Count], Data = [.. data] };
    }

    private static double ToDouble(object? item) => item is bool b ? (b ? 1 : 0) : Convert.ToDouble(item, CultureInfo.InvariantCulture);

    private static bool IsNumeric(Type t) => t.IsPrimitive && t != typeof(char) && t != typeof(IntPtr) && t != typeof(UIntPtr) || t == typeof(decimal) || t == typeof(Half);

    private static CheckValueKind KindOf(Type t) =>
        t == typeof(bool) ? CheckValueKind.Bool : t == typeof(float) || t == typeof(double) || t == typeof(decimal) || t == typeof(Half) ? CheckValueKind.Real : CheckValueKind.Integer;

    private static Type? ElementType(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>The value as a student reads it in a message: <c>0.3133</c>, <c>"4×4"</c>, <c>true</c>, <c>[1, 2, 3]</c>.</summary>
    public override string ToString() => Kind switch
    {
        CheckValueKind.Null => "null",
        CheckValueKind.Bool => Integer != 0 ? "true" : "false",
        CheckValueKind.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        CheckValueKind.Real => Show(Real),
        CheckValueKind.Text => $"\"{Text}\"",
        _ => Data!.Length <= 8
            ? "[" + string.Join(", ", Data.Select(d => Elements == CheckValueKind.Bool ? (d != 0 ? "true" : "false") : Show(d))) + "]"
            : $"an array of shape ({string.Join(", ", Shape!)})",
    };

    /// <summary>A number as checks print it: four significant digits, invariant culture.</summary>
    public static string Show(double d) => d.ToString("G4", CultureInfo.InvariantCulture);
}
