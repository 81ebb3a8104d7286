using System.Net;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Kernel;

/// <summary>The connection file a Jupyter client writes for a kernel: address, five ports, signing key.</summary>
/// <remarks>Jupyter messaging protocol 5.3, "Kernel specs" and "Connection files".</remarks>
public sealed record ConnectionInfo(
    string Transport, string Ip, string Key, string SignatureScheme,
    int ShellPort, int ControlPort, int IopubPort, int StdinPort, int HeartbeatPort)
{
    /// <summary>The ZeroMQ endpoint of <paramref name="port"/> on the connection's address, e.g. <c>tcp://127.0.0.1:5555</c>.</summary>
    public string Endpoint(int port) => $"{Transport}://{Ip}:{port}";

    /// <summary>True when <see cref="Ip"/> is a loopback address (the default; other hosts cannot connect).</summary>
    public bool IsLoopback => Ip == "localhost" || (IPAddress.TryParse(Ip, out var address) && IPAddress.IsLoopback(address));

    /// <summary>Read and check a connection file.</summary>
    /// <exception cref="KernelException">The file is missing, not JSON, or asks for something this kernel refuses.</exception>
    public static ConnectionInfo Load(string path)
    {
        if (!File.Exists(path)) throw new KernelException($"connection file {path} does not exist; Jupyter passes it as -f {{connection_file}}.");
        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new KernelException($"connection file {path} is not a JSON object.");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new KernelException($"connection file {path} is not valid JSON: {e.Message}");
        }
        return Parse(json, path);
    }

    /// <summary>Check the fields of a connection file's JSON.</summary>
    /// <exception cref="KernelException">A field is missing or refused (no key, another signature scheme, ipc).</exception>
    public static ConnectionInfo Parse(JsonObject json, string source)
    {
        string Text(string name, string? fallback = null) =>
            json[name]?.GetValue<string>() ?? fallback ?? throw new KernelException($"connection file {source} has no \"{name}\".");
        int Port(string name) =>
            json[name] is JsonValue v && v.TryGetValue<int>(out var port) && port is > 0 and < 65536
                ? port : throw new KernelException($"connection file {source}: \"{name}\" must be a port number 1-65535.");

        var transport = Text("transport", "tcp");
        if (transport != "tcp") throw new KernelException($"connection file {source}: transport \"{transport}\" is not supported; use tcp.");
        var scheme = Text("signature_scheme", "hmac-sha256");
        if (scheme != "hmac-sha256") throw new KernelException($"connection file {source}: signature_scheme \"{scheme}\" is not supported; use hmac-sha256.");
        var key = Text("key", "");
        if (key.Length == 0) throw new KernelException($"connection file {source} has an empty \"key\"; the kernel refuses unsigned messages. Let Jupyter generate the key.");
        return new ConnectionInfo(transport, Text("ip", "127.0.0.1"), key, scheme,
            Port("shell_port"), Port("control_port"), Port("iopub_port"), Port("stdin_port"), Port("hb_port"));
    }
}
