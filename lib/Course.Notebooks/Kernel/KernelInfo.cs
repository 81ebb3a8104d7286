using System.Reflection;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Kernel;

/// <summary>The content of <c>kernel_info_reply</c>: protocol, implementation and language.</summary>
internal static class KernelInfo
{
    /// <summary>A fresh copy of the reply content.</summary>
    public static JsonObject Content() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "course",
        ["implementation_version"] = typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = "Deep Learning in C#: the course kernel (Roslyn scripting, TorchSharp).",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };
}
