using Engagement.Api.Auth;
using System.Globalization;
using Engagement.Api.Composition;
using Engagement.Core.Common;
using Engagement.Core.Organisations;
using Engagement.Core.Ratings;
using Engagement.Core.Widgets;
using Engagement.Web.Widget;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;


namespace Engagement.Api.Widgets;

/// <summary>
/// The widget's public HTTP surface (docs/widget.md): its script, its configuration, rating submission as a CORS
/// simple request, the hosted no-JavaScript rating page with its thank-you page, and the demo page. Limits come
/// first and bodies are read last, so a refused request costs little and nothing is stored unless the answer is 201.
/// </summary>
public static partial class WidgetEndpoints
{
    /// <summary>The largest rating body: a 1,000-character comment of four-byte characters, percent-encoded, fits.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The demo organisation's widget key (demo data only), so the demo page and the load tool can find it.</summary>
    public const string DemoKey = "wk_demo0000000000000000000";

    private static readonly FormOptions FormLimits = new()
    {
        ValueCountLimit = 16,
        KeyLengthLimit = 64,
        ValueLengthLimit = MaxBodyBytes,
        BufferBody = false,
    };

    public static IServiceCollection AddEngagementWidgets(this IServiceCollection services)
    {
        services.AddSingleton<WidgetRateLimits>();
        // Replaces the adapter's store registered by AddEngagementStorage: the last registration is the one resolved.
        services.AddSingleton<IWidgetKeyStore>(sp => new CachedWidgetKeys(sp.GetRequiredService<Storage.StorageAdapter>().WidgetKeys, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WidgetScript>();
        services.AddSingleton<FreshSummaries>();
        // Server-side rendering of the hosted pages' Razor components; no interactive modes.
        services.AddRazorComponents();
        return services;
    }

    public static WebApplication MapWidgetEndpoints(this WebApplication app)
    {
        app.MapGet(WidgetScript.Path, (HttpContext http, WidgetScript script) => script.Serve(http));
        var widget = app.MapGroup("/widget");
        widget.MapGet("/{key}/config", ConfigAsync);
        widget.MapPost("/{key}/ratings", SubmitAsync);
        var pages = widget.MapGroup("").AddEndpointFilter(HostedPages.RequireUsableHost);
        pages.MapGet("/demo", DemoPage);
        pages.MapGet("/{key}/rate", RatePageAsync);
        pages.MapPost("/{key}/rate", RatePagePostAsync);
        pages.MapGet("/{key}/thanks", ThanksPageAsync);
        return app;
    }

    private static async Task<IResult> ConfigAsync(
        string key, HttpContext http, IWidgetKeyStore keys, IServiceStore services, GetRatingSummary summaries, WidgetRateLimits limits)
    {
        ReflectOrigin(http);
        if (!limits.TryPage(RateLimits.ClientAddress(http), out var wait))
            return TooMany(http, wait);
        var widgetKey = await FindAsync(keys, key, http.RequestAborted);
        if (widgetKey is null)
            return UnknownKey();
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !WidgetOrigins.Allows(widgetKey.AllowedOrigins, origin))
            return ForeignOrigin();
        var service = await services.GetAsync(widgetKey.ServiceId, http.RequestAborted);
        if (service is null)
            return UnknownKey();
        var summary = widgetKey.ShowAverage ? await SummaryAsync(summaries, widgetKey, http.RequestAborted) : null;
        var platform = CrossSiteGuard.OwnOrigin(http.Request);
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Json(new
        {
            key = widgetKey.Key,
            serviceId = service.Id,
            serviceName = new { en = service.Name.In("en"), fr = service.Name.In("fr") },
            question = new { en = widgetKey.QuestionIn("en"), fr = widgetKey.QuestionIn("fr") },
            language = widgetKey.Language,
            showAverage = widgetKey.ShowAverage,
            summary,
            commentMaxLength = TextLimits.RatingComment,
            ratingsUrl = $"{platform}/widget/{widgetKey.Key}/ratings",
            ratePageUrl = $"{platform}/widget/{widgetKey.Key}/rate",
            hubUrl = $"{platform}{Live.LiveEndpoints.HubPath}",
        });
    }

    private static async Task<IResult> SubmitAsync(
        string key, HttpContext http, SubmitWidgetRating submit, FreshSummaries summaries, WidgetRateLimits limits)
    {
        ReflectOrigin(http);
        var origin = RequestOrigin(http);
        if (origin is null)
            return Error(StatusCodes.Status403Forbidden, "FORBIDDEN", "Ratings are accepted only from web pages (no Origin header).",
                "Les évaluations ne sont acceptées que depuis des pages Web (aucun en-tête Origin).", "origin");
        if (!WidgetKey.LooksLikeKey(key))
            return UnknownKey();
        if (!limits.TryRating(RateLimits.ClientAddress(http), key, out var wait))
            return TooMany(http, wait);
        if (await ReadFormAsync(http) is not { } form)
            return FormProblem(http);

        if (Repeated(form) is { } repeated)
            return Error(StatusCodes.Status400BadRequest, "VALIDATION", $"The field '{repeated}' is given more than once.", $"Le champ « {repeated} » est donné plus d’une fois.", repeated);
        if (!TryScore(form, out var score))
            return Error(StatusCodes.Status400BadRequest, "VALIDATION", "Choose a score from 1 to 5.", "Choisissez une note de 1 à 5.", "score");
        var (comment, page, language, honeypot, email) = (Single(form, "comment")!, Single(form, "page")!, Single(form, "lang")!, Single(form, "website")!, Single(form, "email")!);
        var result = await submit.ExecuteAsync(new SubmitWidgetRating.Request(key, origin, score, Empty(comment), Empty(page), Empty(language), honeypot, Empty(email)), http.RequestAborted);
        if (!result.Succeeded)
            return CoreError(result.Errors[0]);
        object? summary = null;
        if (result.Value.Key.ShowAverage)
        {
            var fresh = await summaries.AfterAsync(result.Value.Key.ServiceId, System.Diagnostics.Stopwatch.GetTimestamp(), http.RequestAborted);
            summary = Brief(fresh);
        }
        return Results.Json(new { id = result.Value.Rating.Id, summary }, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> RatePageAsync(string key, HttpContext http, IWidgetKeyStore keys, IServiceStore services, WidgetRateLimits limits)
    {
        if (!limits.TryPage(RateLimits.ClientAddress(http), out var wait))
            return TooMany(http, wait);
        if (await FindPageAsync(keys, services, key, http.RequestAborted) is not var (widgetKey, service))
            return UnknownKey();
        var language = PageLanguage(http, widgetKey);
        // A page on a site the key does not allow would only make the form fail: the rating then counts for the service alone.
        var page = AllowedPage(widgetKey, http.Request.Query["page"].ToString());
        return HostedPages.Render<WidgetRatePage>(http, RatePageModel(http, widgetKey, service, language, page));
    }

    private static async Task<IResult> RatePagePostAsync(
        string key, HttpContext http, IWidgetKeyStore keys, IServiceStore services, SubmitWidgetRating submit, WidgetRateLimits limits)
    {
        if (await FindPageAsync(keys, services, key, http.RequestAborted) is not var (widgetKey, service))
            return UnknownKey();
        // The form posts to itself: another site's form posting here is refused like a foreign widget.
        var origin = RequestOrigin(http);
        if (origin is not null && origin != CrossSiteGuard.OwnOrigin(http.Request))
            return ForeignOrigin();
        var language = PageLanguage(http, widgetKey);
        if (!limits.TryRating(RateLimits.ClientAddress(http), widgetKey.Key, out var wait))
        {
            TooMany(http, wait);
            return HostedPages.Render<WidgetRatePage>(http, RatePageModel(http, widgetKey, service, language, null) with
            {
                Errors = new Dictionary<string, string> { ["form"] = WidgetTexts.Get("error-rate", language) },
            }, StatusCodes.Status429TooManyRequests);
        }
        var form = await ReadFormAsync(http);
        if (form is null)
        {
            if (http.Response.StatusCode == StatusCodes.Status413PayloadTooLarge || http.Request.ContentLength > MaxBodyBytes)
                return FormProblem(http);
            return HostedPages.Render<WidgetRatePage>(http, RatePageModel(http, widgetKey, service, language, null) with
            {
                Errors = new Dictionary<string, string> { ["form"] = WidgetTexts.Get("error-form", language) },
            }, HostedPages.FormProblemStatus(http));
        }
        language = Single(form, "lang") is "fr" or "en" ? form["lang"].ToString() : language;
        var page = WidgetPages.Normalise(Single(form, "page"));
        var comment = Empty(Single(form, "comment"));
        var email = Empty(Single(form, "email"));
        var scored = TryScore(form, out var score);
        // A honeypot given twice is a program's doing as surely as a filled one.
        var honeypot = Single(form, "website") ?? "given twice";
        var result = scored
            ? await submit.ExecuteAsync(new SubmitWidgetRating.Request(widgetKey.Key, null, score, comment, page, language, honeypot, email), http.RequestAborted)
            : null;
        if (result is { Succeeded: true })
        {
            // Post, redirect, get: reloading the thank-you page does not rate again.
            var thanks = $"/widget/{widgetKey.Key}/thanks?lang={language}" + (page is null ? "" : $"&page={Uri.EscapeDataString(page)}");
            return HostedPages.SeeOther(http, thanks);
        }
        var errors = new Dictionary<string, string>();
        foreach (var error in result?.Errors ?? [new Error("score", ErrorCodes.OutOfRange, "")])
        {
            var field = error.Field switch { "score" or "comment" or "page" => error.Field, Core.FollowUps.FollowUpOptIn.Field => "email", _ => "form" };
            errors.TryAdd(field, WidgetTexts.Get($"error-{field}", language));
        }
        return HostedPages.Render<WidgetRatePage>(http, RatePageModel(http, widgetKey, service, language, page) with
        {
            Score = scored && score is >= 1 and <= 5 ? score : null,
            Comment = comment,
            Email = email,
            Errors = errors,
        }, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ThanksPageAsync(string key, HttpContext http, IWidgetKeyStore keys, IServiceStore services, WidgetRateLimits limits)
    {
        if (!limits.TryPage(RateLimits.ClientAddress(http), out var wait))
            return TooMany(http, wait);
        if (await FindPageAsync(keys, services, key, http.RequestAborted) is not var (widgetKey, service))
            return UnknownKey();
        var language = PageLanguage(http, widgetKey);
        // Only an address on a site the key allows is offered as the way back: the link must not lead anywhere else.
        var back = AllowedPage(widgetKey, http.Request.Query["page"].ToString());
        return HostedPages.Render<WidgetThanksPage>(http, new WidgetThanksPageModel
        {
            Language = language,
            ServiceName = service.Name.In(language) ?? "",
            OtherLanguageUrl = $"/widget/{widgetKey.Key}/thanks?lang={Other(language)}" + (back is null ? "" : $"&page={Uri.EscapeDataString(back)}"),
            BackUrl = back,
        });
    }

    private static async Task<IResult> DemoPage(HttpContext http, IWidgetKeyStore keys)
    {
        // The demo page and the widget must be on different origins: the same port under the other loopback name.
        var host = http.Request.Host;
        var otherHost = host.Host switch
        {
            "localhost" => "127.0.0.1",
            "127.0.0.1" => "localhost",
            _ => host.Host,
        };
        var platform = $"{http.Request.Scheme}://{otherHost}{(host.Port is { } p ? ":" + p.ToString(CultureInfo.InvariantCulture) : "")}";
        var hasDemoKey = await keys.GetByKeyAsync(DemoKey, http.RequestAborted) is { Enabled: true };
        var model = new WidgetDemoPageModel
        {
            ScriptUrl = $"{platform}{WidgetScript.Path}",
            RatePageUrl = $"{platform}/widget/{DemoKey}/rate",
            Key = hasDemoKey ? DemoKey : null,
            PageOrigin = CrossSiteGuard.OwnOrigin(http.Request),
            PlatformOrigin = platform,
            Language = http.Request.Query["lang"] == "fr" ? "fr" : "en",
        };
        var result = HostedPages.Render<WidgetDemoPage>(http, model);
        // As strict as a department's page might be: scripts and connections only from itself and the platform.
        var ws = platform.Replace("http", "ws", StringComparison.Ordinal);
        http.Response.Headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src 'self' {platform}; connect-src 'self' {platform} {ws}; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self' {platform}; frame-ancestors 'none'";
        return result;
    }

    private static WidgetRatePageModel RatePageModel(HttpContext http, WidgetKey key, Service service, string language, string? page)
    {
        var query = page is null ? "" : $"&page={Uri.EscapeDataString(page)}";
        return new WidgetRatePageModel
        {
            Language = language,
            Question = key.QuestionIn(language),
            ServiceName = service.Name.In(language) ?? "",
            FormAction = $"/widget/{key.Key}/rate?lang={language}",
            OtherLanguageUrl = $"/widget/{key.Key}/rate?lang={Other(language)}{query}",
            Page = page,
            CommentMaxLength = TextLimits.RatingComment,
        };
    }

    private static string? AllowedPage(WidgetKey key, string? address) =>
        WidgetPages.Normalise(address) is { } page && WidgetOrigins.Allows(key.AllowedOrigins, WidgetOrigins.OriginOf(new Uri(page))) ? page : null;

    private static async Task<WidgetKey?> FindAsync(IWidgetKeyStore keys, string key, CancellationToken ct) =>
        WidgetKey.LooksLikeKey(key) && await keys.GetByKeyAsync(key, ct) is { Enabled: true } found ? found : null;

    /// <summary>An enabled key and its service, as every hosted page needs them; null when either is unknown.</summary>
    private static async Task<(WidgetKey Key, Service Service)?> FindPageAsync(IWidgetKeyStore keys, IServiceStore services, string key, CancellationToken ct) =>
        await FindAsync(keys, key, ct) is { } widgetKey && await services.GetAsync(widgetKey.ServiceId, ct) is { } service ? (widgetKey, service) : null;

    private static async Task<object> SummaryAsync(GetRatingSummary summaries, WidgetKey key, CancellationToken ct) =>
        Brief((await summaries.ExecuteAsync(key.ServiceId, ct)).Value);

    /// <summary>What the widget shows of a summary, in the config and after a rating alike.</summary>
    private static object Brief(RatingSummary summary) => new { count = summary.Count, average = summary.Average };

    private static Task<IFormCollection?> ReadFormAsync(HttpContext http) => HostedPages.ReadFormAsync(http, MaxBodyBytes, FormLimits);

    private static IResult FormProblem(HttpContext http) => http.Response.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => Error(StatusCodes.Status413PayloadTooLarge, "TOO_LARGE",
            $"A rating is at most {MaxBodyBytes / 1024} KiB.", $"Une évaluation fait au plus {MaxBodyBytes / 1024} Kio.", null),
        StatusCodes.Status415UnsupportedMediaType => Error(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
            "Send the rating as application/x-www-form-urlencoded.", "Envoyez l’évaluation en application/x-www-form-urlencoded.", null),
        StatusCodes.Status408RequestTimeout => Error(StatusCodes.Status408RequestTimeout, "VALIDATION",
            "The rating arrived too slowly, so it was not read. Send it again.", "L’évaluation est arrivée trop lentement et n’a pas été lue. Envoyez-la de nouveau.", null),
        _ => Error(StatusCodes.Status400BadRequest, "VALIDATION", "The form could not be read.", "Le formulaire n’a pas pu être lu.", null),
    };

    /// <summary>One value of a field: "" when absent, null when given more than once.</summary>
    private static string? Single(IFormCollection form, string name) => form[name].Count == 0 ? "" : HostedPages.Single(form, name);

    private static readonly string[] Fields = ["score", "comment", "page", "lang", "website", "email"];

    /// <summary>The first field given more than once, or null.</summary>
    private static string? Repeated(IFormCollection form) => Fields.FirstOrDefault(f => form[f].Count > 1);

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool TryScore(IFormCollection form, out int score)
    {
        score = 0;
        return Single(form, "score") is { Length: 1 } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out score);
    }

    private static string PageLanguage(HttpContext http, WidgetKey key)
    {
        var asked = http.Request.Query["lang"].ToString();
        if (asked is "en" or "fr")
            return asked;
        if (key.Language is { } fixedLanguage)
            return fixedLanguage;
        var accept = http.Request.Headers.AcceptLanguage.ToString();
        return accept.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? "fr" : "en";
    }

    private static string Other(string language) => language == "fr" ? "en" : "fr";

    /// <summary>The Origin header, or else the origin of the Referer; null when neither names one (or the Origin is "null").</summary>
    private static string? RequestOrigin(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0)
            return origin == "null" ? null : origin;
        return Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer) ? WidgetOrigins.OriginOf(referer) : null;
    }


    // Every answer may be read by the page that asked: none holds anything a foreign page may not see, and the widget
    // needs to read errors too. Never with credentials: the widget sends none and this platform sets no cookie here.
    private static void ReflectOrigin(HttpContext http)
    {
        var origin = http.Request.Headers.Origin;
        http.Response.Headers.Vary = "Origin";
        if (!StringValues.IsNullOrEmpty(origin) && origin.Count == 1 && origin[0] is { Length: > 0 and <= 300 } value && value != "null")
            http.Response.Headers.AccessControlAllowOrigin = value;
    }

    private static IResult TooMany(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Error(StatusCodes.Status429TooManyRequests, "RATE_LIMITED", $"Too many ratings from here; try again in {seconds} s.",
            $"Trop d’évaluations d’ici; réessayez dans {seconds} s.", null);
    }

    private static IResult UnknownKey() =>
        Error(StatusCodes.Status404NotFound, "NOT_FOUND", "There is no such widget key, or it has been disabled.", "Cette clé de widget n’existe pas ou a été désactivée.", "key");

    private static IResult ForeignOrigin() =>
        Error(StatusCodes.Status403Forbidden, "FORBIDDEN", "This website may not use this widget key.", "Ce site Web ne peut pas utiliser cette clé de widget.", "origin");

    private static IResult CoreError(Error error) => CoreErrorOnForm(error.Field == "language" ? error with { Field = "lang" } : error);

    // The core names fields as its use cases do; the form's own names are what a widget author sees.
    private static IResult CoreErrorOnForm(Error error) => error.Code switch
    {
        ErrorCodes.NotFound => UnknownKey(),
        ErrorCodes.Forbidden => Error(StatusCodes.Status403Forbidden, "FORBIDDEN", error.Message, error.Field == "page"
            ? "Cette page ne peut pas utiliser cette clé de widget." : "Ce site Web ne peut pas utiliser cette clé de widget.", error.Field),
        _ => Error(StatusCodes.Status400BadRequest, "VALIDATION", error.Message, error.Field switch
        {
            "score" => "Choisissez une note de 1 à 5.",
            "comment" => $"Le commentaire est limité à {TextLimits.RatingComment} caractères et ne peut contenir de caractères de contrôle.",
            "lang" => "La langue doit être en ou fr.",
            _ => "Cette évaluation n’a pas pu être acceptée.",
        }, error.Field),
    };

    private static JsonHttpResult<ErrorBody> Error(int status, string code, string message, string? messageFr, string? field) =>
        TypedResults.Json(new ErrorBody(new ErrorDetail(code, message, messageFr, field)), statusCode: status);

    /// <summary>The error answer of every widget endpoint.</summary>
    public sealed record ErrorBody(ErrorDetail Error);

    /// <summary>A stable code, messages in English and (where the widget shows them) French, and the field concerned.</summary>
    public sealed record ErrorDetail(string Code, string Message, string? MessageFr, string? Field);
}
