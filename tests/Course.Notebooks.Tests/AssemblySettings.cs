// The engine captures the process's console and sets the current directory while a notebook
// runs, so engine and runner tests must not overlap.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
