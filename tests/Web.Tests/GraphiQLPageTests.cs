using System.Text.Json;
using System.Text.RegularExpressions;

namespace Engagement.Web.Tests;

/// <summary>
/// The GraphiQL page must work under <c>default-src 'self'</c>: same-origin URLs only, no inline script or style,
/// and a boot script that talks to /graphql on this origin.
/// </summary>
public sealed partial class GraphiQLPageTests
{
    private static string Page => WebAssets.GraphiQLPage;

    [Fact]
    public void The_page_references_only_same_origin_urls_and_each_is_an_embedded_asset()
    {
        var urls = UrlAttribute().Matches(Page).Select(m => m.Groups["url"].Value).ToList();

        Assert.NotEmpty(urls);
        Assert.All(urls, url =>
        {
            Assert.StartsWith("/", url, StringComparison.Ordinal);
            Assert.False(url.StartsWith("//", StringComparison.Ordinal), $"{url} is protocol-relative.");
            Assert.DoesNotContain("http://", url, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://", url, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith(WebAssets.RequestPath + "/", url, StringComparison.Ordinal);
            Assert.True(WebAssets.Files.GetFileInfo(url[WebAssets.RequestPath.Length..]).Exists, $"{url} is not an embedded asset.");
        });
    }

    [Fact]
    public void The_page_loads_React_then_ReactDOM_then_GraphiQL_then_the_boot_script()
    {
        var scripts = ScriptElement().Matches(Page).Select(m => UrlAttribute().Match(m.Groups["attributes"].Value).Groups["url"].Value).ToList();

        Assert.Equal(
            [
                "/assets/lib/react/react.production.min.js",
                "/assets/lib/react-dom/react-dom.production.min.js",
                "/assets/lib/graphiql/graphiql.min.js",
                "/assets/graphiql-boot.js",
            ],
            scripts);
    }

    [Fact]
    public void The_page_has_no_inline_script_style_or_event_handler()
    {
        var scripts = ScriptElement().Matches(Page).ToList();

        Assert.NotEmpty(scripts);
        Assert.All(scripts, script =>
        {
            Assert.Matches(@"\bsrc\s*=", script.Groups["attributes"].Value);
            Assert.True(string.IsNullOrWhiteSpace(script.Groups["body"].Value), $"Inline script: {script.Value}");
        });
        Assert.Equal(scripts.Count, Regex.Matches(Page, "<script", RegexOptions.IgnoreCase).Count);
        Assert.DoesNotMatch(new Regex(@"<style\b", RegexOptions.IgnoreCase), Page);
        Assert.DoesNotMatch(new Regex(@"\sstyle\s*=", RegexOptions.IgnoreCase), Page);
        Assert.DoesNotMatch(new Regex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase), Page);
        Assert.DoesNotContain("javascript:", Page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_recommended_policy_allows_no_inline_script_no_eval_and_nothing_cross_origin()
    {
        var directives = WebAssets.GraphiQLContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("default-src 'self'", directives);
        Assert.DoesNotContain("unsafe-", WebAssets.GraphiQLContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain(directives, d => d.StartsWith("script-src", StringComparison.Ordinal) || d.StartsWith("style-src", StringComparison.Ordinal) || d.StartsWith("connect-src", StringComparison.Ordinal));
        Assert.DoesNotContain("http", WebAssets.GraphiQLContentSecurityPolicy, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("*", WebAssets.GraphiQLContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_boot_script_posts_the_query_as_json_to_graphql_on_the_same_origin()
    {
        var run = RunBootScript(responseType: "application/graphql-response+json", responseBody: """{"data":{"ok":true}}""", status: 200);

        var call = Assert.Single(run.GetProperty("calls").EnumerateArray());
        Assert.Equal("/graphql", call.GetProperty("url").GetString());
        Assert.Equal("POST", call.GetProperty("method").GetString());
        Assert.Equal("same-origin", call.GetProperty("credentials").GetString());
        var headers = call.GetProperty("headers");
        // The harness types a Content-Type and an Authorization into GraphiQL's header editor: the token goes along,
        // the content type does not replace ours.
        Assert.Equal("application/json", headers.GetProperty("content-type").GetString());
        Assert.Equal("GraphiQL", headers.GetProperty("x-requested-with").GetString());
        Assert.Equal("Bearer token-from-header-editor", headers.GetProperty("authorization").GetString());
        using var body = JsonDocument.Parse(call.GetProperty("body").GetString()!);
        Assert.Equal("{ __typename }", body.RootElement.GetProperty("query").GetString());
        Assert.True(run.GetProperty("result").GetProperty("data").GetProperty("ok").GetBoolean());
    }

    [Fact]
    public void The_boot_script_shows_a_response_that_is_not_json_as_a_graphql_error()
    {
        var run = RunBootScript(responseType: "text/plain", responseBody: "Too many requests", status: 429);

        var error = Assert.Single(run.GetProperty("result").GetProperty("errors").EnumerateArray());
        Assert.Equal("HTTP 429: Too many requests", error.GetProperty("message").GetString());
    }

    // Runs graphiql-boot.js in Node with stand-ins for the browser globals, calls the fetcher it hands to GraphiQL once,
    // and returns what it sent and what it gave back.
    private static JsonElement RunBootScript(string responseType, string responseBody, int status)
    {
        const string harness = """
            const fs = require('fs');
            const vm = require('vm');
            const calls = [];
            let props;
            const context = {
              Headers,
              fetch: async (url, init) => {
                calls.push({ url, method: init.method, credentials: init.credentials, headers: Object.fromEntries(init.headers), body: init.body });
                return new Response(process.env.RESPONSE_BODY, { status: Number(process.env.RESPONSE_STATUS), headers: { 'content-type': process.env.RESPONSE_TYPE } });
              },
              document: { getElementById: () => ({}) },
              React: { createElement: (type, p) => { props = p; return {}; } },
              ReactDOM: { createRoot: () => ({ render: () => {} }) },
              GraphiQL: function GraphiQL() {},
            };
            vm.runInNewContext(fs.readFileSync(process.env.BOOT_SCRIPT, 'utf8'), context);
            props.fetcher({ query: '{ __typename }' }, { headers: { Authorization: 'Bearer token-from-header-editor', 'Content-Type': 'text/plain' } })
              .then(result => console.log(JSON.stringify({ calls, result })))
              .catch(error => { console.error(error); process.exit(1); });
            """;
        return NodeScript.Run(harness, new Dictionary<string, string>
        {
            ["BOOT_SCRIPT"] = Path.Combine(ListedAssets.WebProjectDirectory, "assets", "graphiql-boot.js"),
            ["RESPONSE_TYPE"] = responseType,
            ["RESPONSE_BODY"] = responseBody,
            ["RESPONSE_STATUS"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    [GeneratedRegex("""\b(?:src|href)\s*=\s*["'](?<url>[^"']*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();

    [GeneratedRegex("""<script\b(?<attributes>[^>]*)>(?<body>.*?)</script\s*>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptElement();
}
