using Course.Grading;

namespace Course.Notebooks.Grading;

/// <summary>One grade cell of the key, ready to grade submissions with.</summary>
/// <param name="Name">The test's name (<see cref="TestNames"/>).</param>
/// <param name="Points">Points of the grade cell.</param>
/// <param name="StudentCode">The grade cell as the student's process runs it (checks report actual values only).</param>
/// <param name="Expectations">What each check expects, computed by running the key (never sent to a student's process).</param>
/// <param name="KeyError">Why the key itself fails this test, or null.</param>
/// <param name="Forbid">Symbols the exercise forbids (<c>course.forbid</c>).</param>
public sealed record KeyTest(string Name, double Points, string StudentCode, IReadOnlyList<ProbeRecord> Expectations, string? KeyError, IReadOnlyList<string> Forbid);
