using Engagement.Api.Auth;
using Engagement.Api.Composition;
using Engagement.Api.Settings;
using Engagement.Core.Common;
using Engagement.Core.Email;
using Engagement.Core.Participants;
using Engagement.Web.Participants;
using Microsoft.AspNetCore.Http.Features;

namespace Engagement.Api.Participants;

/// <summary>
/// The pages of email verification, plain forms in English and French: the page a sign-in link opens
/// (<c>/{lang}/verify-email?token=…</c>), and the page that asks for a link. Opening a link only shows a button, since mail
/// scanners open links before people do; the button's POST uses the link. Every page is limited like staff sign-in.
/// </summary>
public static class VerifyEmailEndpoints
{
    /// <summary>The largest form: an email address of 254 four-byte characters, percent-encoded, fits.</summary>
    private const int MaxBodyBytes = 4 * 1024;

    private static readonly FormOptions FormLimits = new()
    {
        ValueCountLimit = 4,
        KeyLengthLimit = 32,
        ValueLengthLimit = MaxBodyBytes,
        BufferBody = false,
    };

    private static int LifetimeMinutes => (int)EmailChallenge.Lifetime.TotalMinutes;

    public static WebApplication MapVerifyEmailEndpoints(this WebApplication app)
    {
        var pages = app.MapGroup($"/{HostedPages.LanguageSegment}/verify-email").WithTags("Participants")
            .AddEndpointFilter(HostedPages.RequireUsableHost).AddEndpointFilter(HostedPages.RequireLanguage)
            .RequireRateLimiting(AuthEndpoints.SignInRateLimitPolicy);
        pages.MapGet("", LinkPageAsync).WithName("VerifyEmailLink").WithSummary("The page a sign-in link opens: a button that uses the link, or why it cannot be used.");
        pages.MapPost("", UseLinkAsync).WithName("VerifyEmailUse").WithSummary("Uses a sign-in link and shows what it did, or why it cannot be used.");
        pages.MapGet("/request", RequestPage).WithName("VerifyEmailRequestPage").WithSummary("The form that asks for a sign-in link.");
        pages.MapPost("/request", RequestAsync).WithName("VerifyEmailRequest").WithSummary("Asks for a sign-in link; the same answer whether or not one is sent.");
        pages.MapGet("/sent", SentPage).WithName("VerifyEmailSent").WithSummary("Says where to look for the link.");
        return app;
    }

    private static async Task<IResult> LinkPageAsync(string lang, HttpContext http, ConfirmEmailVerification confirm)
    {
        lang = HostedPages.TextLanguage(lang);
        var token = http.Request.Query["token"] is { Count: 1 } values ? values.ToString() : null;
        var otherLanguage = $"/{HostedPages.OtherLanguage(lang)}/verify-email" + (token is null ? "" : $"?token={Uri.EscapeDataString(token)}");
        var pending = await confirm.InspectAsync(token, http.RequestAborted);
        if (!pending.Succeeded)
            return Refused(http, lang, pending.Errors[0], otherLanguage);
        return HostedPages.Render<VerifyEmailPage>(http, LinkPage(lang, VerifyEmailView.Confirm) with
        {
            MaskedAddress = pending.Value.MaskedAddress,
            Token = token,
            FormAction = $"/{lang}/verify-email",
            OtherLanguageUrl = otherLanguage,
        });
    }

    private static async Task<IResult> UseLinkAsync(string lang, HttpContext http, ConfirmEmailVerification confirm, EngagementSettings settings)
    {
        lang = HostedPages.TextLanguage(lang);
        if (!CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return CrossSite();
        var form = await HostedPages.ReadFormAsync(http, MaxBodyBytes, FormLimits);
        if (form is null)
            return FormProblem(http);
        var result = await confirm.ExecuteAsync(HostedPages.Single(form, "token"), http.RequestAborted);
        if (!result.Succeeded)
            return Refused(http, lang, result.Errors[0], otherLanguageUrl: null);
        // A new token means the link signed in as another participant: from now on the portal's forms act as that one. (With
        // none, the participant who asked is the one verified, and the browser that asked already holds it.) The token is
        // also shown, once, for integrators whose own pages keep it; the answer to this POST is the only place it appears.
        if (result.Value.Token is { } token)
            ParticipantCookie.Keep(http, token);
        return HostedPages.Render<VerifyEmailPage>(http, LinkPage(lang, VerifyEmailView.Verified) with
        {
            MaskedAddress = Unsubscribe.Mask(result.Value.Participant.Email!),
            ParticipantToken = result.Value.Token,
        });
    }

    private static IResult RequestPage(string lang, HttpContext http) =>
        HostedPages.Render<VerifyEmailRequestPage>(http, RequestPageModel(HostedPages.TextLanguage(lang), sent: false));

    private static IResult SentPage(string lang, HttpContext http) =>
        HostedPages.Render<VerifyEmailRequestPage>(http, RequestPageModel(HostedPages.TextLanguage(lang), sent: true));

    private static async Task<IResult> RequestAsync(
        string lang, HttpContext http, RequestEmailVerification request, SupportedLanguages languages, EngagementSettings settings, FindParticipantByToken find)
    {
        if (!CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return CrossSite();
        var form = await HostedPages.ReadFormAsync(http, MaxBodyBytes, FormLimits);
        if (form is null && http.Response.StatusCode is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType)
            return FormProblem(http);
        var email = form is null ? null : HostedPages.Single(form, "email");
        // The email is written in the language of the page's address when the platform offers it, else in its first language.
        var language = languages.Contains(lang) ? lang : languages.DefaultLanguage;
        lang = HostedPages.TextLanguage(lang);
        // The browser's anonymous participant, if it has one, is the one the link verifies: what it has said stays its own.
        var participantId = await ParticipantCookie.KnownIdAsync(http, find);
        var result = form is null || email is null ? null
            : await request.ExecuteAsync(new RequestEmailVerification.Request(email, language, participantId), http.RequestAborted);
        if (result is { Succeeded: true })
        {
            // Post, redirect, get: reloading the answer does not send another link.
            return HostedPages.SeeOther(http, $"/{lang}/verify-email/sent");
        }
        var errors = new Dictionary<string, string>();
        foreach (var error in result?.Errors ?? [new Error("form", ErrorCodes.InvalidFormat, "")])
        {
            var (field, text) = error.Field == "email"
                ? ("email", error.Code == ErrorCodes.Required ? "error-email-required" : "error-email-format")
                : ("form", "error-form");
            errors.TryAdd(field, VerifyEmailTexts.Get(text, lang));
        }
        var model = RequestPageModel(lang, sent: false);
        return HostedPages.Render<VerifyEmailRequestPage>(http, model with { Form = model.Form with { Email = email, Errors = errors } },
            HostedPages.FormProblemStatus(http));
    }

    /// <summary>The page for a link that cannot be used, with the status that says why; an expired link's page asks for a new one.</summary>
    private static IResult Refused(HttpContext http, string lang, Error error, string? otherLanguageUrl)
    {
        var (view, status) = error.Code switch
        {
            ErrorCodes.Expired => (VerifyEmailView.Expired, StatusCodes.Status410Gone),
            ErrorCodes.AlreadyUsed => (VerifyEmailView.AlreadyUsed, StatusCodes.Status409Conflict),
            ErrorCodes.NotFound => (VerifyEmailView.NotValid, StatusCodes.Status404NotFound),
            _ => (VerifyEmailView.NotValid, StatusCodes.Status400BadRequest),
        };
        return HostedPages.Render<VerifyEmailPage>(http, LinkPage(lang, view) with
        {
            OtherLanguageUrl = otherLanguageUrl,
            RequestForm = view == VerifyEmailView.Expired ? RequestForm(lang) : null,
        }, status);
    }

    private static VerifyEmailPageModel LinkPage(string lang, VerifyEmailView view) => new()
    {
        Language = lang,
        View = view,
        RequestUrl = $"/{lang}/verify-email/request",
        LinkLifetimeMinutes = LifetimeMinutes,
    };

    private static VerifyEmailRequestPageModel RequestPageModel(string lang, bool sent) => new()
    {
        Language = lang,
        OtherLanguageUrl = $"/{HostedPages.OtherLanguage(lang)}/verify-email/{(sent ? "sent" : "request")}",
        Sent = sent,
        LinkLifetimeMinutes = LifetimeMinutes,
        Form = RequestForm(lang),
    };

    private static RequestLinkFormModel RequestForm(string lang) => new() { Language = lang, FormAction = $"/{lang}/verify-email/request" };

    private static IResult CrossSite() =>
        HostedPages.CrossSiteRefusal(("Open the link from your email again.", "Ouvrez de nouveau le lien de votre courriel."));

    private static IResult FormProblem(HttpContext http) => http.Response.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => Results.Text($"The form is larger than {MaxBodyBytes / 1024} KiB. / Le formulaire dépasse {MaxBodyBytes / 1024} Kio.",
            "text/plain; charset=utf-8", statusCode: StatusCodes.Status413PayloadTooLarge),
        StatusCodes.Status415UnsupportedMediaType => Results.Text("Send the form as application/x-www-form-urlencoded. / Envoyez le formulaire en application/x-www-form-urlencoded.",
            "text/plain; charset=utf-8", statusCode: StatusCodes.Status415UnsupportedMediaType),
        _ => Results.Text("The form could not be read. / Le formulaire n’a pas pu être lu.", "text/plain; charset=utf-8", statusCode: HostedPages.FormProblemStatus(http)),
    };
}
