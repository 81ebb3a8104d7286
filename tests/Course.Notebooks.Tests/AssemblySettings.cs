// Test classes run in parallel: each notebook engine keeps its console, displays, metrics and working
// directory to itself (Running/ConcurrentRunsTests proves it). Tests that change the process itself
// (environment variables) join the ProcessEnvironment collection, which runs alone.
namespace Course.Notebooks.Tests;

/// <summary>Tests that change process-wide settings (environment variables): run after the parallel ones, one at a time.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;
