namespace Course.Grading;

/// <summary>What a value is, for a check: nothing, a truth value, a whole number, a real number, text or an array.</summary>
public enum CheckValueKind
{
    /// <summary><c>null</c>.</summary>
    Null,

    /// <summary>A <c>bool</c>.</summary>
    Bool,

    /// <summary>A whole number (any integer type).</summary>
    Integer,

    /// <summary>A real number (<c>float</c>, <c>double</c>, <c>decimal</c>).</summary>
    Real,

    /// <summary>Text (<c>string</c>, <c>char</c>, or any other object by its invariant text).</summary>
    Text,

    /// <summary>A tensor, a rectangular array or a sequence of numbers: a shape and its elements in row-major order.</summary>
    Array,
}
