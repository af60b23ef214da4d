using System.IO.Compression;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Engagement.Web.Tests;

/// <summary>
/// widget.js, the script foreign sites embed: within its byte budget, free of what a strict Content-Security-Policy or a
/// privacy review would refuse, and valid JavaScript. Its behaviour in a browser is tested in Api.Tests (Widget/Browser).
/// </summary>
public sealed partial class WidgetScriptTests(ITestOutputHelper output)
{
    /// <summary>The goal of issue 5: small enough to put on any government page.</summary>
    private const int GzipBudgetBytes = 6 * 1024;

    private static readonly string WidgetScript = Path.Combine(ListedAssets.WebProjectDirectory, "assets", "widget.js");

    private static string Source => File.ReadAllText(WidgetScript);

    // Comments may name what the code must not do; only the code itself is checked.
    private static string Code => BlockComment().Replace(LineComment().Replace(Source, ""), "");

    [Fact]
    public void The_widget_is_embedded_and_served_as_widget_js()
    {
        var file = WebAssets.Files.GetFileInfo("widget.js");

        Assert.True(file.Exists, "widget.js is not embedded.");
        using var embedded = file.CreateReadStream();
        using var copy = new MemoryStream();
        embedded.CopyTo(copy);
        Assert.Equal(File.ReadAllBytes(WidgetScript), copy.ToArray());
    }

    [Fact]
    public void The_embedded_widget_gzipped_is_under_6_KB()
    {
        using var embedded = WebAssets.Files.GetFileInfo("widget.js").CreateReadStream();
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            embedded.CopyTo(gzip);

        output.WriteLine($"widget.js: {embedded.Length} bytes, {compressed.Length} bytes gzipped (budget {GzipBudgetBytes})");
        Assert.True(compressed.Length < GzipBudgetBytes, $"widget.js is {compressed.Length} bytes gzipped; the budget is {GzipBudgetBytes}.");
    }

    [Theory]
    [InlineData(@"\beval\s*\(", "eval")]
    [InlineData(@"\bnew\s+Function\b|\bFunction\s*\(", "new Function")]
    [InlineData(@"set(?:Timeout|Interval)\s*\(\s*['""`]", "a timer given a string of code")]
    [InlineData(@"innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser", "markup parsed from strings")]
    [InlineData(@"document\.cookie", "cookies")]
    [InlineData(@"localStorage|sessionStorage|indexedDB|caches\.", "storage")]
    [InlineData(@"\.style\b|setAttribute\(\s*['""]style|['""]style['""]\s*:", "inline style attributes")]
    [InlineData(@"createElement\(\s*['""](?:style|script|link)['""]", "injected style, script or link elements")]
    [InlineData(@"setAttribute\(\s*['""]on|['""]on[a-z]+['""]\s*:", "inline event-handler attributes")]
    [InlineData(@"credentials\s*:\s*['""](?:include|same-origin)", "requests with credentials")]
    public void The_code_has_none_of(string pattern, string what)
    {
        var match = new Regex(pattern).Match(Code);

        Assert.False(match.Success, $"widget.js uses {what}: '{match.Value}'.");
    }

    [Fact]
    public void Every_request_omits_credentials_and_styles_come_from_a_constructed_sheet()
    {
        var code = Code;

        Assert.Equal(Regex.Matches(code, @"\bfetch\(").Count, Regex.Matches(code, @"credentials:\s*'omit'").Count);
        Assert.Contains("new CSSStyleSheet()", code, StringComparison.Ordinal);
        Assert.Contains("adoptedStyleSheets", code, StringComparison.Ordinal);
        Assert.Contains("attachShadow", code, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_documents_the_embed_snippet_and_the_policy_the_host_needs()
    {
        var header = BlockComment().Match(Source).Value;

        Assert.StartsWith("/*", Source, StringComparison.Ordinal);
        Assert.Contains("""<script src="https://engagement.example/widget.js" data-key="wk_…" async></script>""", header, StringComparison.Ordinal);
        Assert.Contains("<noscript>", header, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' https://engagement.example", header, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' https://engagement.example wss://engagement.example", header, StringComparison.Ordinal);
        Assert.Contains("No style-src change", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_accepts_the_script_as_valid_javascript()
    {
        var result = NodeScript.Run("""
            const { execFileSync } = require('child_process');
            execFileSync(process.execPath, ['--check', process.env.WIDGET_SCRIPT], { stdio: 'pipe' });
            console.log(JSON.stringify({ checked: true }));
            """, new Dictionary<string, string> { ["WIDGET_SCRIPT"] = WidgetScript });

        Assert.True(result.GetProperty("checked").GetBoolean());
    }

    [Fact]
    public void On_a_page_without_its_script_tag_it_throws_nothing_renders_nothing_and_defines_no_global()
    {
        var result = NodeScript.Run("""
            const fs = require('fs');
            const vm = require('vm');
            const calls = [];
            const context = vm.createContext({
              document: {
                currentScript: null,
                documentElement: { lang: 'en' },
                querySelectorAll: selector => { calls.push(selector); return []; },
                createElement: tag => { calls.push('createElement ' + tag); return {}; },
              },
              location: { origin: 'https://host.example', pathname: '/' },
              fetch: () => { calls.push('fetch'); return Promise.reject(new Error('offline')); },
            });
            const before = Object.keys(context);
            vm.runInContext(fs.readFileSync(process.env.WIDGET_SCRIPT, 'utf8'), context);
            const added = Object.keys(context).filter(k => !before.includes(k));
            console.log(JSON.stringify({ calls, added }));
            """, new Dictionary<string, string> { ["WIDGET_SCRIPT"] = WidgetScript });

        Assert.Equal(["""script[src*="widget.js"][data-key]"""], result.GetProperty("calls").EnumerateArray().Select(c => c.GetString()));
        Assert.Empty(result.GetProperty("added").EnumerateArray());
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"^\s*//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();
}
