using PuppeteerSharp;

namespace Course.Notebooks.Tests.Support;

/// <summary>Debian's Chromium, headless, driven by PuppeteerSharp.</summary>
/// <remarks>
/// The browser is the <c>chromium</c> package's (<see cref="DebianTool.Chromium"/>, installed by <c>.ci/run</c>), passed as
/// <c>ExecutablePath</c>: nothing is downloaded. Puppeteer adds its own flags (fresh profile, no first-run, no background
/// networking or component updates, no extensions, hidden scrollbars, muted audio).
/// </remarks>
public static class Chromium
{
    /// <summary>Start the browser with pages of <paramref name="width"/>×<paramref name="height"/> CSS pixels.</summary>
    public static Task<IBrowser> LaunchAsync(int width, int height) => Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = DebianTool.Chromium.Path,
        Browser = SupportedBrowser.Chromium,
        Headless = true,
        // The tests run as root, where Chromium's own sandbox refuses to start; there is no GPU.
        Args = ["--no-sandbox", "--disable-gpu"],
        DefaultViewport = new ViewPortOptions { Width = width, Height = height, DeviceScaleFactor = 1 },
        Timeout = 90_000,   // a busy 2-core machine
    });
}
