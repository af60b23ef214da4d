using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Microsoft.Playwright;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// axe-core (WCAG 2.1 A and AA rules) run inside a page, shared by every browser test that scans pages. The context must
/// bypass the pages' Content-Security-Policy, which rightly refuses the injected script.
/// </summary>
internal static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Web", "node_modules", "axe-core", "axe.min.js")));

    /// <summary>Opens <paramref name="url"/> and fails with axe's findings if it reports any violation, or if it checked almost no text.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await AssertNoViolationsHereAsync(page, url);
    }

    /// <summary>Scans the page as it is now (after a form error or a live update, say).</summary>
    public static async Task AssertNoViolationsHereAsync(IPage page, string label)
    {
        await page.AddScriptTagAsync(new() { Content = Source.Value });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return {
                violations: results.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' > ')).join(' | ')}`),
                contrasted: results.passes.filter(p => p.id === 'color-contrast').flatMap(p => p.nodes).length,
              };
            }
            """);
        Assert.True(result.GetProperty("violations").GetArrayLength() == 0, $"axe-core on {label}: {result.GetProperty("violations")}");
        Assert.True(result.GetProperty("contrasted").GetInt32() > 3, $"axe-core checked too little text on {label}.");
    }
}
