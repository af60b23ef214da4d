using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Engagement.Api.Tests.Widget.Browser;

/// <summary>
/// A page with a probe installed before any of its scripts run: it records Content-Security-Policy violations and the
/// globals that appear on <c>window</c>, while the watch collects uncaught script errors and console errors.
/// </summary>
public sealed class PageWatch
{
    // An init script runs through the DevTools protocol, before the page's own scripts and outside its policy. The
    // probe is one non-enumerable property, taken out of the globals it reports.
    private const string Probe = """
        (() => {
          const before = new Set(Object.getOwnPropertyNames(window));
          const violations = [];
          addEventListener('securitypolicyviolation', e =>
            violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`), true);
          Object.defineProperty(window, '__testProbe', {
            value: Object.freeze({
              violations,
              globals: () => Object.getOwnPropertyNames(window).filter(name => !before.has(name) && name !== '__testProbe'),
            }),
          });
        })();
        """;

    private readonly ConcurrentQueue<string> _pageErrors = new();
    private readonly ConcurrentQueue<string> _consoleErrors = new();

    private PageWatch(IPage page)
    {
        Page = page;
        page.PageError += (_, error) => _pageErrors.Enqueue(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _consoleErrors.Enqueue($"{message.Text} ({message.Location})");
        };
    }

    public IPage Page { get; }

    /// <summary>Exceptions that escaped a script on the page.</summary>
    public IReadOnlyList<string> PageErrors => [.. _pageErrors];

    /// <summary>Console errors, including the ones Chromium itself logs (blocked resources, failed loads).</summary>
    public IReadOnlyList<string> ConsoleErrors => [.. _consoleErrors];

    public static async Task<PageWatch> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync(Probe);
        return new PageWatch(page);
    }

    /// <summary>The policy violations reported so far, each as "directive blocked what at where".</summary>
    public async Task<IReadOnlyList<string>> ViolationsAsync() =>
        await Page.EvaluateAsync<string[]>("() => [...window.__testProbe.violations]");

    /// <summary>Own properties of <c>window</c> that did not exist before the page's scripts ran.</summary>
    public async Task<IReadOnlyList<string>> NewGlobalsAsync() =>
        await Page.EvaluateAsync<string[]>("() => window.__testProbe.globals()");
}
