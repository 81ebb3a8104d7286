using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Course.Notebooks.Grading;

/// <summary>The grade worker's private line to the grader: the real standard output, moved out of the student's way.</summary>
/// <remarks>
/// Before any student code runs, the worker duplicates file descriptor 1 (the pipe the grader reads) to a new
/// descriptor kept for replies, and points descriptor 1 at standard error. Whatever the student's code writes to
/// standard output — <c>Console.Out</c>, <c>Console.OpenStandardOutput()</c>, a child process — then lands in the
/// stream the grader drains and throws away, never among the replies. Each reply also carries its request's nonce.
/// </remarks>
internal static partial class ReplyChannel
{
    /// <summary>Take over standard output for replies; returns the stream replies are written to.</summary>
    public static Stream Open()
    {
        if (!OperatingSystem.IsLinux()) return Console.OpenStandardOutput();
        var replies = Dup(1);
        if (replies < 0 || Dup2(2, 1) < 0) throw new IOException($"the grade worker could not set up its reply channel (errno {Marshal.GetLastPInvokeError()})");
        return new FileStream(new SafeFileHandle(replies, ownsHandle: true), FileAccess.Write, bufferSize: 0);
    }

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int fd, int target);
}
