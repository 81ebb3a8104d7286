namespace Course.Data;

/// <summary>The data sets of Rifai et al.'s second table that can be made from the bundled digits.</summary>
/// <remarks>
/// Seed 004 (DL Seminar), the table "SVM_rbf, SAE-3, RBM-3, DAE-b-3, CAE-1, CAE-2": <i>basic</i>, <i>rot</i>,
/// <i>bg-rand</i>, <i>rect</i> (Larochelle et al. 2007 made them; <i>bg-img</i> and <i>rect-img</i> need natural images the
/// course does not ship). <see cref="DigitVariants.Make"/> builds each one; notebook 08b-pretraining trains on them.
/// </remarks>
public enum DigitVariant
{
    /// <summary><i>basic</i>: the digits as they are.</summary>
    Basic,

    /// <summary><i>rot</i>: each digit turned by an angle drawn uniformly from [0, 2π).</summary>
    Rotated,

    /// <summary><i>bg-rand</i>: each pixel of the background replaced by uniform noise in [0, 1].</summary>
    RandomBackground,

    /// <summary><i>rect</i>: white rectangle outlines on black, labelled tall (1) or wide (0); no digits at all.</summary>
    Rectangles,
}
