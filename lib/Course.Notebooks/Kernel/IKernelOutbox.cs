namespace Course.Notebooks.Kernel;

/// <summary>Where the kernel's messages go: the sockets in a running kernel, a list in tests.</summary>
internal interface IKernelOutbox
{
    /// <summary>Send <paramref name="message"/> on <paramref name="channel"/> (from any thread, in order).</summary>
    void Send(KernelChannel channel, JupyterMessage message);

    /// <summary>Stop the kernel once everything sent before this call has gone out.</summary>
    void StopAfterSent();
}
