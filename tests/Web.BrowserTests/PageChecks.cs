using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.Web.BrowserTests;

/// <summary>
/// What every page a test looks at must also be: free of WCAG 2.1 A/AA violations that axe-core finds, and usable on a
/// phone (390 CSS pixels wide) without scrolling sideways. Failures name the rule, the elements and the page.
/// </summary>
public static class PageChecks
{
    public const int PhoneWidth = 390;

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Axe", "axe.min.js")));

    /// <summary>axe-core over the whole document (run through the DevTools protocol, so the page's CSP does not apply).</summary>
    public static async Task AssertAccessibleAsync(IPage page, string step)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                .violations.map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} × ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
            """);
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(list.Count == 0, $"Accessibility (axe-core, WCAG 2.1 AA) at step '{step}', {page.Url}:\n  " + string.Join("\n  ", list));
    }

    /// <summary>The page at a phone's width: nothing makes it wider than the screen.</summary>
    public static async Task AssertFitsPhoneAsync(IPage page, string step)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var culprits = width <= PhoneWidth ? "" : await page.EvaluateAsync<string>($$"""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > {{PhoneWidth}} + 1
                    && (!e.closest('.table-wrap') || ['absolute', 'fixed'].includes(getComputedStyle(e).position)))
                .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' → ' + Math.round(e.getBoundingClientRect().right)).join(', ')
            """);
        Assert.True(width <= PhoneWidth, $"At {PhoneWidth} px wide, step '{step}' ({page.Url}) is {width} px wide: {culprits}");
    }
}
