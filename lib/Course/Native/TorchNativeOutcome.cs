namespace Course.Native;

/// <summary>What <see cref="TorchNative.EnsureLoaded"/> found and did.</summary>
internal enum TorchNativeStatus
{
    /// <summary>Not Linux: TorchSharp's own loader is used unchanged.</summary>
    NotLinux,

    /// <summary><c>COURSE_NATIVE_PATCH=0</c>: the fix is switched off.</summary>
    Disabled,

    /// <summary>No <c>libLibTorchSharp.so</c> was found; TorchSharp will report what it misses.</summary>
    LibraryNotFound,

    /// <summary>The system libstdc++ defines every version the original asks for: nothing was loaded or patched.</summary>
    NotNeeded,

    /// <summary>Versions looked missing, yet the original loaded as it is (e.g. a newer libstdc++ preloaded): nothing was patched.</summary>
    LoadedAsIs,

    /// <summary>A patched copy is loaded and TorchSharp's P/Invokes resolve to it.</summary>
    Patched,

    /// <summary>A patch was needed but could not be applied (see <see cref="TorchNativeOutcome.Detail"/>).</summary>
    Failed,
}

/// <summary>The result of the one native-library check a process makes.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Original">The <c>libLibTorchSharp.so</c> TorchSharp would load, when found.</param>
/// <param name="Patched">The patched copy in the per-user cache, when one is loaded.</param>
/// <param name="Detail">For <see cref="TorchNativeStatus.Failed"/>, the one-line error.</param>
/// <param name="Elapsed">Time the check took.</param>
internal sealed record TorchNativeOutcome(TorchNativeStatus Status, string? Original, string? Patched, string? Detail, TimeSpan Elapsed);
