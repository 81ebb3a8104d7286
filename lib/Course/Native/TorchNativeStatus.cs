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
