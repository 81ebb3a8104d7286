namespace Course.Native;

/// <summary>The result of the one native-library check a process makes.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Original">The <c>libLibTorchSharp.so</c> TorchSharp would load, when found.</param>
/// <param name="Patched">The patched copy in the per-user cache, when one is loaded.</param>
/// <param name="Detail">For <see cref="TorchNativeStatus.Failed"/>, the one-line error.</param>
/// <param name="Elapsed">Time the check took.</param>
internal sealed record TorchNativeOutcome(TorchNativeStatus Status, string? Original, string? Patched, string? Detail, TimeSpan Elapsed);
