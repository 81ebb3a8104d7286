using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Kernel;

/// <summary>Installs, lists and removes the kernelspec (<c>kernel.json</c> + logo) that Jupyter uses to start this kernel.</summary>
/// <remarks>
/// Jupyter looks for <c>kernels/NAME/kernel.json</c> under its data directories: the user's
/// (<c>$JUPYTER_DATA_DIR</c>, else <c>$XDG_DATA_HOME/jupyter</c>, else <c>~/.local/share/jupyter</c>),
/// each entry of <c>$JUPYTER_PATH</c>, and <c>PREFIX/share/jupyter</c> for a prefix.
/// The default name <c>.net-csharp</c> is the one notebooks written for .NET Interactive name.
/// </remarks>
public static class KernelSpec
{
    /// <summary>The default kernelspec name.</summary>
    public const string DefaultName = ".net-csharp";

    /// <summary>The display name front ends show.</summary>
    public const string DisplayName = ".NET (C#)";

    /// <summary>The user's Jupyter data directory.</summary>
    public static string UserDataDirectory =>
        Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data ? data
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "jupyter");

    /// <summary>The kernels folder for a prefix (<c>PREFIX/share/jupyter/kernels</c>) or, when null, the user's.</summary>
    public static string KernelsDirectory(string? prefix) =>
        prefix is null ? Path.Combine(UserDataDirectory, "kernels") : Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");

    /// <summary>The <c>kernel.json</c> that starts <paramref name="argvPrefix"/> <c>kernel run -f {connection_file}</c>.</summary>
    public static JsonObject KernelJson(IReadOnlyList<string> argvPrefix) => new()
    {
        ["argv"] = new JsonArray([.. argvPrefix.Select(a => (JsonNode)a), "kernel", "run", "-f", "{connection_file}"]),
        ["display_name"] = DisplayName,
        ["language"] = "C#",
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>Write the kernelspec folder; returns its path.</summary>
    public static string Install(string name, string? prefix, IReadOnlyList<string> argvPrefix)
    {
        CheckName(name);
        var folder = Path.Combine(KernelsDirectory(prefix), name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kernel.json"), KernelJson(argvPrefix).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllBytes(Path.Combine(folder, "logo-64x64.png"), Logo(64));
        File.WriteAllBytes(Path.Combine(folder, "logo-32x32.png"), Logo(32));
        return folder;
    }

    /// <summary>Remove the kernelspec folder; returns its path, or null when it was not installed there.</summary>
    public static string? Uninstall(string name, string? prefix)
    {
        CheckName(name);
        var folder = Path.Combine(KernelsDirectory(prefix), name);
        if (!File.Exists(Path.Combine(folder, "kernel.json"))) return null;
        Directory.Delete(folder, recursive: true);
        return folder;
    }

    /// <summary>Every kernelspec Jupyter would find (name → folder), first match wins as in jupyter_client.</summary>
    public static IReadOnlyList<(string Name, string Folder, string DisplayName)> List()
    {
        var roots = new List<string> { UserDataDirectory };
        roots.AddRange((Environment.GetEnvironmentVariable("JUPYTER_PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        roots.AddRange(["/usr/local/share/jupyter", "/usr/share/jupyter"]);
        var found = new List<(string, string, string)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var kernels in roots.Select(r => Path.Combine(r, "kernels")).Where(Directory.Exists))
        foreach (var folder in Directory.GetDirectories(kernels).Order(StringComparer.Ordinal))
        {
            var json = Path.Combine(folder, "kernel.json");
            if (!File.Exists(json) || !names.Add(Path.GetFileName(folder))) continue;
            string display;
            try { display = JsonNode.Parse(File.ReadAllText(json))?["display_name"]?.GetValue<string>() ?? ""; }
            catch (Exception e) when (e is JsonException or InvalidOperationException) { display = "(unreadable kernel.json)"; }
            found.Add((Path.GetFileName(folder), folder, display));
        }
        return found;
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['/', '\\', ' ']) >= 0 || name is "." or "..")
            throw new KernelException($"kernel name '{name}' must be one word without slashes or spaces (default {DefaultName}).");
    }

    /// <summary>A square PNG logo: "C#" in white on the .NET purple, drawn from a 5×7 pixel font.</summary>
    public static byte[] Logo(int size)
    {
        string[] c = ["01111", "10000", "10000", "10000", "10000", "10000", "01111"];
        string[] sharp = ["01010", "01010", "11111", "01010", "11111", "01010", "01010"];
        var glyphs = c.Zip(sharp, (a, b) => a + "0" + b).ToArray(); // 11 × 7
        var scale = size / 14;
        int left = (size - 11 * scale) / 2, top = (size - 7 * scale) / 2;
        var raw = new byte[size * (1 + size * 3)];
        for (int y = 0, i = 0; y < size; y++)
        {
            raw[i++] = 0; // filter: none
            for (var x = 0; x < size; x++)
            {
                int gx = (x - left) / scale, gy = (y - top) / scale;
                var on = x >= left && y >= top && gx < 11 && gy < 7 && glyphs[gy][gx] == '1';
                (raw[i++], raw[i++], raw[i++]) = on ? ((byte)255, (byte)255, (byte)255) : ((byte)81, (byte)43, (byte)212);
            }
        }
        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, size);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
