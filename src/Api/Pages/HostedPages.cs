using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Engagement.Api.Pages;

/// <summary>
/// What every server-rendered page the platform hosts shares: its security headers, and reading its form within limits.
/// The one way endpoints render a page from <c>src/Web</c> and read what it posts.
/// </summary>
internal static class HostedPages
{
    // The hosted pages run no script and load only the platform's own stylesheet.
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The page component with its model, uncached, unframeable and without a referrer (its address may hold a token).</summary>
    public static RazorComponentResult<TComponent> Render<TComponent>(HttpContext http, object model, int status = StatusCodes.Status200OK)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        return new RazorComponentResult<TComponent>(new Dictionary<string, object?> { ["Model"] = model }) { StatusCode = status };
    }

    /// <summary>
    /// Reads a form body of at most <paramref name="maxBytes"/> and <paramref name="maxFields"/> fields; null, with the
    /// status set to 413 or 415 or left for a 400, when it is too large, not form-encoded in UTF-8, or malformed.
    /// </summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpContext http, int maxBytes, int maxFields = 16)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }
        // Form-encoded, in UTF-8 (what browsers send, with or without saying so); any other charset is refused, not guessed.
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return null;
        }
        // A body sent without a length (chunked) is cut off at the same size by the server.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = maxBytes;
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
        {
            ValueCountLimit = maxFields,
            KeyLengthLimit = 64,
            ValueLengthLimit = maxBytes,
            BufferBody = false,
        }));
        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException or FormatException or NotSupportedException or InvalidOperationException)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
    }

    /// <summary>One value of a field: "" when absent, null when given more than once.</summary>
    public static string? Single(IFormCollection form, string name) => form[name] switch
    {
        { Count: 0 } => "",
        { Count: 1 } values => values.ToString(),
        _ => null,
    };

    /// <summary>The page language a request asks for ("fr" or "en"), from its route value, else English.</summary>
    public static string Language(string? requested) => requested == "fr" ? "fr" : "en";
}
