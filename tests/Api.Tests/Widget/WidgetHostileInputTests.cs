using System.Net;
using System.Text;
using Engagement.Api.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Engagement.Api.Tests.Widget;

/// <summary>
/// Hostile keys, headers, query strings and bodies at every widget endpoint: each gets an answer below 500 (issue 5:
/// "no 5xx"), and a refused rating stores nothing.
/// </summary>
public sealed class WidgetHostileInputTests(WidgetHost host) : IClassFixture<WidgetHost>
{
    private static readonly string[] HostileKeys =
    [
        "wk_AAAAAAAAAAAAAAAAAAAAAAA", "wk_", "%2e%2e", "wk_AAAAAAAAAAAAAAAAAAAAAA%F0%9F%98%80",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201%3D1%20--", "wk_AAAAAAAAAAAAAAAAAAAAAA%C3", new string('k', 5000), "%FF%FE",
    ];

    private static readonly string?[] HostileOrigins =
    [
        null, "", "null", "http://", "https://", "http://[::1]", "http://[::1]:8080", "http://a:99999", "http://www.example.ca:0",
        "https://ä.example", "javascript:alert(1)", "https://www.example.ca, https://evil.example", "https://*.example.ca",
        "https://www.example.ca:*", "HTTPS://WWW.EXAMPLE.CA", "https://www.example.ca/", "https://www.example.ca/path", new string('o', 10_000),
        "https://" + new string('a', 300) + ".ca", "https://www.example.ca:443", "https://www.example.ca.", "https://.example.ca", "file://",
    ];

    private static readonly string[] HostileReferers =
    [
        "http://[", "https://www.example.ca:99999/", "file:///etc/passwd", "//www.example.ca/", "https://www.example.ca/%ZZ",
        "https://[fe80::1%25eth0]/", "https://user:pass@www.example.ca/", "https://ä.example/",
    ];

    private static readonly string[] HostilePages =
    [
        "http://[::1]/", "http://[fe80::1%25eth0]/x", "https://www.example.ca:99999/", "http://a_b/", "https://" + new string('a', 3000) + ".ca/",
        "https://www.example.ca/%ZZ", "https://www.example.ca/%00", "https://user:pass@www.example.ca/", "https://ä.example/",
        "https://www.example.ca/<script>alert(1)</script>", "https://www.example.ca/" + new string('p', 2100), "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "https://www.example.ca/\"><script>alert(1)</script>", "https://xn--/", "https://xn--zz-zz.ca/",
        "https://www.example.ca" + string.Concat(Enumerable.Repeat("/..", 50)), "https://WWW.EXAMPLE.CA/EN", "\\\\server\\share", "https:www.example.ca",
        " https://www.example.ca/ ", "https://www.example.ca/\u202Eevil", "https://www.example.ca/?x=1", "https://www.example.ca/#frag",
    ];

    private static readonly string[] HostileLanguages = ["<script>", "fr-CA", "FR", "", "e\u0000n", new string('l', 5000), "fr&lang=en"];

    private static readonly string[] HostileAcceptLanguages = ["fr-CA;q=abc", "*", new string('f', 5000), ";;;,,,", "fr;q=0.5, en;q=1"];

    private static readonly (string ContentType, byte[] Body)[] HostileBodies =
    [
        (WidgetHttp.FormType, []),
        (WidgetHttp.FormType, "score"u8.ToArray()),
        (WidgetHttp.FormType, "="u8.ToArray()),
        (WidgetHttp.FormType, "&&&&"u8.ToArray()),
        (WidgetHttp.FormType, Encoding.UTF8.GetBytes(string.Join('&', Enumerable.Range(0, 10_000).Select(i => $"f{i}=x")))),
        (WidgetHttp.FormType, Encoding.UTF8.GetBytes($"score=5&{new string('k', 100)}=x")),
        (WidgetHttp.FormType, Encoding.UTF8.GetBytes("score=5&comment=" + new string('x', 1024 * 1024))),
        (WidgetHttp.FormType, [.. "score=5&comment="u8, 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80]),
        (WidgetHttp.FormType, "score=5&comment=%ED%A0%80"u8.ToArray()),
        (WidgetHttp.FormType, "score=5&comment=%00%01%1B%7F"u8.ToArray()),
        (WidgetHttp.FormType, "score=5&comment=%E2%80%AE%E2%80%8B%EF%BB%BF"u8.ToArray()),
        (WidgetHttp.FormType, Encoding.UTF8.GetBytes("score=5&comment=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("e\u0301", 1000))))),
        (WidgetHttp.FormType, Encoding.UTF8.GetBytes("score=5&comment=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 1001))))),
        (WidgetHttp.FormType, "score=5&lang=fr&lang=en"u8.ToArray()),
        (WidgetHttp.FormType, "score=5&page=a&page=b"u8.ToArray()),
        (WidgetHttp.FormType, "score=2147483648"u8.ToArray()),
        (WidgetHttp.FormType, "score=%00"u8.ToArray()),
        (WidgetHttp.FormType, "score=5%00"u8.ToArray()),
        (WidgetHttp.FormType + "; charset=utf-16", Encoding.Unicode.GetBytes("score=5")),
        (WidgetHttp.FormType + "; charset=nonsense", "score=5"u8.ToArray()),
        (WidgetHttp.FormType + "; charset=utf-7", "score=5"u8.ToArray()),
        (WidgetHttp.FormType + "; charset=\"", "score=5"u8.ToArray()),
        ("application/json", """{"score":5}"""u8.ToArray()),
        ("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"score\"\r\n\r\n5\r\n--x--\r\n"u8.ToArray()),
        ("multipart/form-data", "--x\r\n"u8.ToArray()),
        (";;;", "score=5"u8.ToArray()),
        ("text/plain", new byte[64 * 1024]),
    ];

    private readonly EngagementAppFactory _app = host.App;
    private readonly HttpClient _client = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task No_hostile_request_at_any_widget_endpoint_gets_a_5xx()
    {
        var widget = await host.CreateWidgetAsync(pagePattern: null, showAverage: true);
        var patterned = await host.CreateWidgetAsync(pagePattern: "https://www.example.ca/en/*", showAverage: true);
        var failures = new List<string>();

        foreach (var request in Requests(widget, patterned))
        {
            var description = $"{request.Method} {request.RequestUri} {string.Join(" ", request.Headers.Select(h => $"[{h.Key}: {Cut(string.Join(",", h.Value))}]"))} " +
                $"{request.Content?.Headers.ContentType}";
            try
            {
                using (request)
                using (var response = await _client.SendAsync(request))
                {
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{(int)response.StatusCode} ← {Cut(description)}: {FirstLine(await response.Content.ReadAsStringAsync())}");
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"threw {e.GetType().Name}: {Cut(e.Message)} ← {Cut(description)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} requests got a 5xx:\n{string.Join("\n", failures.Distinct().Take(40))}");
        await _app.AssertNothingStoredAsync(patterned.ServiceId);
    }

    private static IEnumerable<HttpRequestMessage> Requests(TestWidget widget, TestWidget patterned)
    {
        var key = widget.PublicKey;
        var form = WidgetHttp.Form(("score", "4"), ("comment", "ok"));

        yield return Get("/widget.js", r => r.Headers.TryAddWithoutValidation("If-None-Match", "\"\", *, W/\"x\", " + new string('"', 1000)));
        yield return Get("/widget.js", r => r.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip;q=abc, " + new string('g', 5000)));
        yield return new HttpRequestMessage(HttpMethod.Head, "/widget.js");
        yield return new HttpRequestMessage(HttpMethod.Post, "/widget.js");
        // Host values Kestrel lets through to the application.
        foreach (var hostName in new[] { "localhost", "127.0.0.1", "[::1]", "evil.example:1234", "localhost:0", "localhost:99999" })
        {
            foreach (var path in new[] { "/widget/demo?lang=fr&lang=<script>", $"/widget/{key}/config", $"/widget/{key}/rate", $"/widget/{key}/thanks" })
                yield return Get(path, r => r.Headers.TryAddWithoutValidation("Host", hostName));
            yield return WithHost(WidgetHttp.Post($"/widget/{key}/rate", form, origin: $"http://{hostName}"), hostName);
        }

        foreach (var k in HostileKeys.Append(key))
        {
            yield return Get($"/widget/{k}/config");
            yield return Get($"/widget/{k}/rate");
            yield return Get($"/widget/{k}/thanks");
            yield return WidgetHttp.Post($"/widget/{k}/ratings", form);
            yield return WidgetHttp.Post($"/widget/{k}/rate", form, origin: null);
            yield return new HttpRequestMessage(HttpMethod.Options, $"/widget/{k}/ratings");
            yield return new HttpRequestMessage(HttpMethod.Put, $"/widget/{k}/ratings");
        }

        foreach (var origin in HostileOrigins)
        {
            yield return Get($"/widget/{key}/config", r => AddOrigin(r, origin));
            yield return WidgetHttp.Post($"/widget/{key}/ratings", form, origin: origin);
            yield return WidgetHttp.Post($"/widget/{key}/rate", form, origin: origin);
            yield return WidgetHttp.Post($"/widget/{patterned.PublicKey}/ratings", form, origin: origin);
        }

        foreach (var referer in HostileReferers)
        {
            yield return WithReferer(WidgetHttp.Post($"/widget/{key}/ratings", form, origin: null), referer);
            yield return WithReferer(WidgetHttp.Post($"/widget/{key}/rate", form, origin: null), referer);
            yield return WithReferer(Get($"/widget/{key}/config"), referer);
        }

        foreach (var page in HostilePages)
        {
            var query = Uri.EscapeDataString(page);
            yield return Get($"/widget/{key}/rate?page={query}");
            yield return Get($"/widget/{key}/thanks?page={query}");
            yield return Get($"/widget/{key}/thanks?lang=fr&page={query}&page={query}");
            yield return WidgetHttp.Post($"/widget/{key}/ratings", WidgetHttp.Form(("score", "3"), ("page", page)));
            yield return WidgetHttp.Post($"/widget/{patterned.PublicKey}/ratings", WidgetHttp.Form(("score", "3"), ("page", page)));
            yield return WidgetHttp.Post($"/widget/{key}/rate?page={query}", WidgetHttp.Form(("score", "3"), ("page", page)), origin: null);
            yield return WidgetHttp.Post($"/widget/{key}/rate", WidgetHttp.Form(("page", page), ("comment", page)), origin: null);
            yield return Get($"/widget/{key}/rate?page={page}");
        }

        foreach (var language in HostileLanguages)
        {
            var query = Uri.EscapeDataString(language);
            yield return Get($"/widget/{key}/rate?lang={query}");
            yield return Get($"/widget/{key}/thanks?lang={query}");
            yield return Get($"/widget/demo?lang={query}");
            yield return WidgetHttp.Post($"/widget/{key}/ratings", WidgetHttp.Form(("score", "3"), ("lang", language)));
            yield return WidgetHttp.Post($"/widget/{key}/rate?lang={query}", WidgetHttp.Form(("score", "3"), ("lang", language)), origin: null);
        }

        foreach (var acceptLanguage in HostileAcceptLanguages)
        {
            yield return Get($"/widget/{key}/rate", r => r.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage));
            yield return Get($"/widget/{key}/thanks", r => r.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage));
        }

        foreach (var (contentType, body) in HostileBodies)
        {
            yield return WidgetHttp.Post($"/widget/{key}/ratings", body, contentType);
            yield return WidgetHttp.Post($"/widget/{patterned.PublicKey}/ratings", body, contentType);
            yield return WidgetHttp.Post($"/widget/{key}/rate", body, contentType, origin: null);
            yield return WidgetHttp.Post($"/widget/{key}/rate", body, contentType, origin: "http://localhost");
        }
    }

    private static HttpRequestMessage Get(string path, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(request);
        return request;
    }

    private static void AddOrigin(HttpRequestMessage request, string? origin)
    {
        if (origin is not null)
            request.Headers.TryAddWithoutValidation("Origin", origin);
    }

    private static HttpRequestMessage WithHost(HttpRequestMessage request, string hostName)
    {
        request.Headers.TryAddWithoutValidation("Host", hostName);
        return request;
    }

    private static HttpRequestMessage WithReferer(HttpRequestMessage request, string referer)
    {
        request.Headers.TryAddWithoutValidation("Referer", referer);
        return request;
    }

    private static string FirstLine(string text) => Cut(text.Split('\n')[0]);

    private static string Cut(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
