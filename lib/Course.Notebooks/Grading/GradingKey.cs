namespace Course.Notebooks.Grading;

/// <summary>A key prepared once for a whole batch: its notebook (parameters applied) and every test's expectations.</summary>
/// <param name="Path">The key's file.</param>
/// <param name="Notebook">The key with the grading parameters applied.</param>
/// <param name="Tests">One entry per grade cell, in order.</param>
/// <param name="Files">Files the key declares (<c>course.files</c>) that a submission's folder may supply.</param>
/// <param name="Elapsed">Time it took to run the key.</param>
/// <param name="SelfCheck">
/// True when the "key" is a released notebook (no solution regions): a student checking their own work. Its visible
/// checks then run as written in the student's process — nothing to protect, and nothing for credit.
/// </param>
/// <param name="Usage">Peak memory and CPU time of the worker that ran the key.</param>
public sealed record GradingKey(string Path, Document.NotebookDocument Notebook, IReadOnlyList<KeyTest> Tests, IReadOnlyList<string> Files, TimeSpan Elapsed,
                                bool SelfCheck = false, ResourceUsage? Usage = null);
