using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Tests.Support;

/// <summary>Debian's Chromium, headless, driven over the Chrome DevTools protocol: open a page, read what it logged, evaluate, screenshot.</summary>
/// <remarks>
/// No browser download: the <c>chromium</c> package (installed by <c>.ci/run</c>, or by <see cref="Executable"/> when missing).
/// One tab; while a page loads it records uncaught exceptions, <c>console.error</c> calls, error log entries (such as a file that
/// failed to load) and every URL the page requested, so a test can assert "no errors, nothing from the network".
/// </remarks>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly ClientWebSocket socket;
    private readonly StringBuilder stderr;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> pending = new();
    private readonly ConcurrentDictionary<string, string> requestUrls = new();
    private readonly CancellationTokenSource stop = new();
    private readonly object gate = new();
    private readonly List<string> problems = [];
    private readonly List<string> requests = [];
    private Task? receiving;
    private TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? session;
    private int nextId;

    private HeadlessChromium(Process process, DirectoryInfo profile, ClientWebSocket socket, StringBuilder stderr)
    {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        this.stderr = stderr;
    }

    /// <summary>The browser's path, installing Debian's <c>chromium</c> first when it is missing.</summary>
    /// <exception cref="InvalidOperationException">No browser, and it could not be installed; the message says how to get one.</exception>
    public static string Executable
    {
        get
        {
            if (candidates.FirstOrDefault(File.Exists) is { } found) return found;
            var log = DebianPackages.TryInstall("chromium");
            return candidates.FirstOrDefault(File.Exists)
                   ?? throw new InvalidOperationException(
                       "The web-book browser test needs Chromium and could not install it. Install Debian's package as root " +
                       "(`apt-get install chromium`; `.ci/run` does) and run the test again." +
                       (log.Trim().Length > 0 ? " apt-get said: " + log.Trim() : ""));
        }
    }

    /// <summary>Errors the current page reported: uncaught exceptions, <c>console.error</c>, failed loads.</summary>
    public IReadOnlyList<string> Problems { get { lock (gate) return problems.ToList(); } }

    /// <summary>Every URL the current page requested (scripts, stylesheets, fonts, images…).</summary>
    public IReadOnlyList<string> Requests { get { lock (gate) return requests.ToList(); } }

    /// <summary>Start the browser with a fresh profile and one tab of <paramref name="width"/>×<paramref name="height"/> CSS pixels.</summary>
    public static async Task<HeadlessChromium> StartAsync(int width = 1280, int height = 2000)
    {
        var executable = Executable;
        var profile = Directory.CreateTempSubdirectory("course-chromium-");
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
                 {
                     "--headless=new", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--mute-audio", "--hide-scrollbars", $"--window-size={width},{height}",
                     $"--user-data-dir={profile.FullName}", "--remote-debugging-port=0", "about:blank",
                 })
            start.ArgumentList.Add(arg);
        var stderr = new StringBuilder();
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        // Chromium writes the port it chose and the browser's DevTools path into the profile.
        var portFile = Path.Combine(profile.FullName, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        string[]? lines = null;
        while (lines is not { Length: >= 2 })
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = stderr.ToString();
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{executable} did not open its DevTools port (exit: {(process.HasExited ? process.ExitCode : "none")}): {log[^Math.Min(log.Length, 2000)..]}");
            }
            await Task.Delay(100);
            try { lines = File.Exists(portFile) ? await File.ReadAllLinesAsync(portFile) : null; } catch (IOException) { }
        }

        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), CancellationToken.None);
        var browser = new HeadlessChromium(process, profile, socket, stderr);
        browser.receiving = Task.Run(browser.ReceiveLoop);

        var target = await browser.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, toBrowser: true);
        var attached = await browser.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, toBrowser: true);
        browser.session = attached["sessionId"]!.GetValue<string>();
        foreach (var domain in new[] { "Page.enable", "Runtime.enable", "Log.enable", "Network.enable" }) await browser.SendAsync(domain);
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        return browser;
    }

    /// <summary>Open <paramref name="file"/> (a path on disk) and wait for its load event; clears <see cref="Problems"/> and <see cref="Requests"/> first.</summary>
    public async Task OpenAsync(string file)
    {
        lock (gate)
        {
            problems.Clear();
            requests.Clear();
            loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        var result = await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(Path.GetFullPath(file)).AbsoluteUri });
        if (result["errorText"] is JsonValue error) throw new InvalidOperationException($"Chromium could not open {file}: {error}");
        await loaded.Task.WaitAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>Evaluate a JavaScript expression in the page and return its value (promises awaited), as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] is JsonObject details) throw new InvalidOperationException("the page threw: " + Describe(details));
        return result["result"]?["value"]?.DeepClone();
    }

    /// <summary>Evaluate <paramref name="condition"/> until it is true or <paramref name="timeout"/> passes; returns whether it became true.</summary>
    public async Task<bool> WaitForAsync(string condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if ((await EvaluateAsync($"!!({condition})"))?.GetValue<bool>() == true) return true;
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
    }

    /// <summary>A PNG of the viewport.</summary>
    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, bool toBrowser = false)
    {
        var id = Interlocked.Increment(ref nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (!toBrowser) message["sessionId"] = session;
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = reply;
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var answer = await reply.Task.WaitAsync(TimeSpan.FromSeconds(90));
        if (answer["error"] is JsonObject failure) throw new InvalidOperationException($"{method} failed: {failure.ToJsonString()}");
        return answer["result"] as JsonObject ?? [];
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var part = await socket.ReceiveAsync(buffer, stop.Token);
                if (part.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage) continue;
                var json = JsonNode.Parse(message.ToArray()) as JsonObject;
                message.SetLength(0);
                if (json is null) continue;
                if (json["id"] is JsonValue id && pending.TryRemove(id.GetValue<int>(), out var reply)) reply.TrySetResult(json);
                else if (json["method"] is JsonValue method) OnEvent(method.GetValue<string>(), json["params"] as JsonObject ?? []);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        foreach (var reply in pending.Values) reply.TrySetException(new InvalidOperationException("Chromium closed the DevTools connection"));
    }

    private void OnEvent(string method, JsonObject p)
    {
        lock (gate)
        {
            if (method == "Page.loadEventFired")
                loaded.TrySetResult();
            else if (method == "Runtime.exceptionThrown")
                problems.Add("uncaught: " + Describe(p["exceptionDetails"] as JsonObject ?? []));
            else if (method == "Runtime.consoleAPICalled" && Text(p["type"]) is "error" or "assert")
                problems.Add("console.error: " + string.Join(' ', (p["args"] as JsonArray ?? []).Select(a => Text(a?["value"]) ?? Text(a?["description"]))));
            else if (method == "Log.entryAdded" && p["entry"] is JsonObject entry && Text(entry["level"]) == "error")
                problems.Add(("log: " + Text(entry["text"]) + " " + Text(entry["url"])).TrimEnd());
            else if (method == "Network.requestWillBeSent")
            {
                var url = Text(p["request"]?["url"]) ?? "";
                requests.Add(url);
                requestUrls[Text(p["requestId"]) ?? ""] = url;
            }
            else if (method == "Network.loadingFailed")
                problems.Add("failed to load " + requestUrls.GetValueOrDefault(Text(p["requestId"]) ?? "", "?") + ": " + Text(p["errorText"]));
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value ? value.ToString() : node?.ToJsonString();

    private static string Describe(JsonObject details) =>
        details["exception"]?["description"]?.GetValue<string>() ?? details["text"]?.GetValue<string>() ?? details.ToJsonString();

    /// <summary>Close the browser and delete its profile.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.SendAsync(Encoding.UTF8.GetBytes(new JsonObject { ["id"] = Interlocked.Increment(ref nextId), ["method"] = "Browser.close" }.ToJsonString()),
                    WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (WebSocketException) { }
        if (!process.WaitForExit(TimeSpan.FromSeconds(15))) process.Kill(entireProcessTree: true);
        stop.Cancel();
        if (receiving is not null) await receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        socket.Dispose();
        process.Dispose();
        try { profile.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
