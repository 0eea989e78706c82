using Microsoft.Playwright;
using Xunit;

namespace Platform.BrowserSupport;

/// <summary>
/// Full-page screenshots of each step, kept as test artifacts in <c>bin/…/screenshots/&lt;test&gt;/NN-step.png</c>
/// and attached to the test result.
/// </summary>
public sealed class Screenshots(string test)
{
    private int _step;

    public string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots", test);

    public async Task TakeAsync(IPage page, string step)
    {
        // A run's screenshots only: an earlier run's steps would sit beside this run's under the same numbers.
        if (_step == 0 && Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        Directory.CreateDirectory(Folder);
        var name = $"{++_step:00}-{step}.png";
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name), FullPage = true });
        TestContext.Current.AddAttachment(name, bytes, "image/png");
    }
}
