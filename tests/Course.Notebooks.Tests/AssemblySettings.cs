// Test classes run in parallel: each notebook engine keeps its console, displays, metrics and working
// directory to itself (Running/ConcurrentRunsTests proves it). Tests that change or measure the process
// itself (environment variables, resident memory) join the ProcessWide collection, which runs alone.
namespace Course.Notebooks.Tests;

/// <summary>Tests that change or measure the whole process (environment variables, RSS): run after the parallel ones, one at a time.</summary>
[CollectionDefinition(nameof(ProcessWide), DisableParallelization = true)]
public sealed class ProcessWide;
