using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Engagement.Api.Composition;

/// <summary>
/// How the host serves its server-rendered pages (Razor components, no interactive mode) and reads their forms: one
/// strict policy (<see cref="SecurityHeaders"/>) and no caching for every page, and form bodies read within a limit, in
/// UTF-8 only.
/// </summary>
public static class HostedPages
{
    /// <summary>The component rendered with <paramref name="model"/> as its Model, under the pages' headers.</summary>
    public static RazorComponentResult<TComponent> Render<TComponent>(HttpContext http, object model, int status = StatusCodes.Status200OK, bool live = false)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = live ? SecurityHeaders.LivePagePolicy : SecurityHeaders.PagePolicy;
        // Pages may carry one-time values (a sign-in link's token, a participant token): never kept, never passed on.
        headers.CacheControl = "no-store";
        return new RazorComponentResult<TComponent>(new Dictionary<string, object?> { ["Model"] = model }) { StatusCode = status };
    }

    /// <summary>
    /// An endpoint filter every page group carries. Page rendering builds the request's address as a URI; a Host header
    /// that cannot be one (a port beyond 65535, a malformed international name) is the client's error, not the server's.
    /// </summary>
    public static ValueTask<object?> RequireUsableHost(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        return Uri.TryCreate($"{request.Scheme}://{request.Host}/", UriKind.Absolute, out var uri) && uri.IdnHost.Length > 0
            && (request.Host.Port is null or (> 0 and <= 65535))
            ? next(context)
            : ValueTask.FromResult<object?>(Results.BadRequest("The Host header does not name a usable host."));
    }

    /// <summary>
    /// The route segment every page under a language starts with: two or three letters. The platform's other top-level
    /// paths (/assets, /widget, /graphql…) are longer, and the same constraint on every page group keeps their routes in
    /// plain precedence order (a literal segment beats the portal's catch-all).
    /// </summary>
    public const string LanguageSegment = "{lang:regex(^[a-z]{{2,3}}$)}";

    /// <summary>
    /// An endpoint filter for pages under "/{lang}/…" (links in emails carry the language they were written in): English,
    /// French, or another language the platform offers (its pages fall back to English); any other segment is not a page.
    /// </summary>
    public static ValueTask<object?> RequireLanguage(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.RouteValues["lang"] is string lang
        && (lang is "en" or "fr" || context.HttpContext.RequestServices.GetRequiredService<Core.Common.SupportedLanguages>().Contains(lang))
            ? next(context)
            : ValueTask.FromResult<object?>(Results.NotFound());

    /// <summary>Post, redirect, get: 303 to <paramref name="location"/>, so reloading the page it leads to sends nothing again.</summary>
    public static IResult SeeOther(HttpContext http, string location)
    {
        http.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>
    /// The answer to a form posted from another site: the pages' forms are sent only from the platform's own pages.
    /// <paramref name="whatToDo"/> says, in both languages, how to get back to the form (by default, back to the page).
    /// </summary>
    public static IResult CrossSiteRefusal((string En, string Fr)? whatToDo = null)
    {
        var (en, fr) = whatToDo ?? ("Go back to the page and send it again.", "Retournez à la page et envoyez-le de nouveau.");
        return Results.Text(
            $"This form can only be sent from this platform's own pages. {en} / Ce formulaire ne peut être envoyé que depuis les pages de cette plateforme. {fr}",
            "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
    }

    /// <summary>The language a page is written in for the language in its address: French, or else English.</summary>
    public static string TextLanguage(string lang) => lang == "fr" ? "fr" : "en";

    /// <summary>The other language of a page, for its language switch.</summary>
    public static string OtherLanguage(string lang) => lang == "fr" ? "en" : "fr";

    /// <summary>One value of a field: null when absent or given more than once.</summary>
    public static string? Single(IFormCollection form, string name) => form[name] is { Count: 1 } values ? values.ToString() : null;

    /// <summary>
    /// Reads a form body within <paramref name="maxBodyBytes"/> and <paramref name="limits"/>; null, with the status set
    /// (see <see cref="FormProblemStatus"/>), when it is too large (413), not form-encoded (415), refused by the server
    /// while it arrived (its own status: 408 for one that stalls or trickles), malformed or not UTF-8 (400).
    /// </summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpContext http, int maxBodyBytes, FormOptions limits)
    {
        if (http.Request.ContentLength > maxBodyBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }
        // Form-encoded, in UTF-8 (what browsers send, with or without saying so); any other charset is refused, not guessed.
        if (RequestBodies.Utf8MediaType(http.Request) is not { } mediaType
            || !mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return null;
        }
        // A body sent without a length (chunked) is cut off at the same size by the server.
        RequestBodies.LimitTo(http, maxBodyBytes);
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, limits));
        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            // The reader turns bytes that are not UTF-8 into U+FFFD rather than failing; such a body is refused, not
            // stored with its text quietly changed (no browser sends it: they encode what they cannot send as %XX).
            if (form.Any(f => f.Key.Contains('\uFFFD', StringComparison.Ordinal) || f.Value.Any(v => v?.Contains('\uFFFD', StringComparison.Ordinal) == true)))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return null;
            }
            return form;
        }
        catch (BadHttpRequestException e)
        {
            // The server's verdict is the precise one: a body cut off at the limit is 413, one too slow to wait for 408.
            http.Response.StatusCode = e.StatusCode;
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or NotSupportedException or InvalidOperationException)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
    }

    /// <summary>
    /// The status of a form's answer when the form is refused: the one a failed <see cref="ReadFormAsync"/> set (408, 413,
    /// 415 or 400), else 400, for a form that was read but has problems.
    /// </summary>
    public static int FormProblemStatus(HttpContext http) =>
        http.Response.StatusCode >= StatusCodes.Status400BadRequest ? http.Response.StatusCode : StatusCodes.Status400BadRequest;
}
