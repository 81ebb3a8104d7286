// Test classes run in parallel: each notebook engine keeps its console, displays, metrics and working
// directory to itself (Running/ConcurrentRunsTests proves it). What stays process-wide is the process
// itself: environment variables, resident memory, and torch's global random generator, which
// Seeding.Set seeds and every notebook draws from. Tests that change, measure or draw from those join
// the ProcessWide collection, which runs alone, so a notebook run elsewhere keeps its random stream.
namespace Course.Notebooks.Tests;

/// <summary>Tests that change or measure the whole process (environment variables, RSS, torch's global generator): run after the parallel ones, one at a time.</summary>
[CollectionDefinition(nameof(ProcessWide), DisableParallelization = true)]
public sealed class ProcessWide;
