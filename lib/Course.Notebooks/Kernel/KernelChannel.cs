namespace Course.Notebooks.Kernel;

/// <summary>The kernel's sockets that carry messages (the heartbeat only echoes bytes).</summary>
/// <remarks>Messaging protocol 5.3, "Introduction": shell and control for requests, stdin for input, iopub for broadcasts.</remarks>
internal enum KernelChannel { Shell, Control, Stdin, Iopub }
