using PuppeteerSharp;

namespace Course.Notebooks.Tests.Support;

/// <summary>What a browser page reported and requested, so a test can assert "no errors, nothing from the network".</summary>
/// <remarks>
/// Problems are uncaught exceptions, <c>console.error</c>/<c>console.assert</c> calls, error log entries and failed loads
/// (such as a missing script); requests are every URL the page asked for (the page itself, scripts, stylesheets, fonts,
/// images…). Puppeteer raises its events on its own threads, hence the lock.
/// </remarks>
public sealed class PageLog
{
    private readonly object gate = new();
    private readonly List<string> problems = [];
    private readonly List<string> requests = [];

    /// <summary>Start recording what <paramref name="page"/> reports.</summary>
    public PageLog(IPage page)
    {
        page.PageError += (_, e) => Add(problems, "uncaught: " + e.Message);
        page.Console += (_, e) =>
        {
            if (e.Message.Type is ConsoleType.Error or ConsoleType.Assert)
                Add(problems, $"console.error: {e.Message.Text} {e.Message.Location?.URL}".TrimEnd());
        };
        page.RequestFailed += (_, e) => Add(problems, $"failed to load {e.Request.Url}: {e.Request.FailureText}");
        page.Request += (_, e) => Add(requests, e.Request.Url);
    }

    /// <summary>Errors reported since the last <see cref="Clear"/>.</summary>
    public IReadOnlyList<string> Problems { get { lock (gate) return problems.ToList(); } }

    /// <summary>URLs requested since the last <see cref="Clear"/>.</summary>
    public IReadOnlyList<string> Requests { get { lock (gate) return requests.ToList(); } }

    /// <summary>Forget what was recorded (before opening the next page).</summary>
    public void Clear()
    {
        lock (gate)
        {
            problems.Clear();
            requests.Clear();
        }
    }

    private void Add(List<string> list, string entry)
    {
        lock (gate) list.Add(entry);
    }
}
