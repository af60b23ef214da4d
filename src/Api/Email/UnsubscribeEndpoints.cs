using Engagement.Api.Composition;
using Microsoft.AspNetCore.Http.Features;
using Engagement.Core.Email;
using Engagement.Web.Email;

namespace Engagement.Api.Email;

/// <summary>
/// The pages an email's unsubscribe link leads to, working without signing in: GET shows what the link would do and a
/// button (mail scanners follow links, so a GET changes nothing); POST unsubscribes, from that button or as the one-click
/// POST mail providers send to the List-Unsubscribe address (RFC 8058; its token is in the address, so the body is not read).
/// </summary>
internal static class UnsubscribeEndpoints
{
    /// <summary>The rate limit on pages opened from email links; a link's token is guessed at no faster.</summary>
    public const string RateLimitPolicy = "email-links";

    private const int MaxBodyBytes = 4 * 1024;

    private static readonly FormOptions FormLimits = new() { ValueCountLimit = 4, KeyLengthLimit = 64, ValueLengthLimit = MaxBodyBytes, BufferBody = false };

    public static IEndpointRouteBuilder MapUnsubscribeEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup($"/{HostedPages.LanguageSegment}/unsubscribe").WithTags("Email")
            .AddEndpointFilter(HostedPages.RequireUsableHost).AddEndpointFilter(HostedPages.RequireLanguage)
            .RequireRateLimiting(RateLimitPolicy);
        pages.MapGet("", Show).WithName("UnsubscribeLink").WithSummary("The page an unsubscribe link opens: what it would do and a button, or why it cannot be used.");
        pages.MapPost("", ConfirmAsync).WithName("Unsubscribe").WithSummary("Unsubscribes, from the page's button or a mail provider's one-click POST (RFC 8058).");
        return app;
    }

    private static IResult Show(string lang, HttpContext http, Unsubscribe unsubscribe)
    {
        var token = http.Request.Query["token"].ToString();
        var link = unsubscribe.Inspect(token);
        return Page(http, lang, token, link.State switch
        {
            SignedTokenState.Valid => UnsubscribeStep.Confirm,
            SignedTokenState.Expired => UnsubscribeStep.Expired,
            _ => UnsubscribeStep.Invalid,
        }, link);
    }

    private static async Task<IResult> ConfirmAsync(string lang, HttpContext http, Unsubscribe unsubscribe)
    {
        var token = http.Request.Query["token"].ToString();
        if (token.Length == 0)
        {
            var form = await HostedPages.ReadFormAsync(http, MaxBodyBytes, FormLimits);
            // Not the "invalid link" page: the link may be fine, only the button's form did not arrive readable.
            if (form is null)
                return Results.Text("The form could not be read. Open the link from the email again. / Le formulaire n’a pas pu être lu. Ouvrez de nouveau le lien du courriel.",
                    "text/plain; charset=utf-8", statusCode: HostedPages.FormProblemStatus(http));
            token = HostedPages.Single(form, "token") ?? "";
        }
        var result = await unsubscribe.ExecuteAsync(token, http.RequestAborted);
        if (result.Succeeded)
            return Page(http, lang, null, UnsubscribeStep.Done, result.Value);
        var expired = result.Errors[0].Code == Core.Common.ErrorCodes.Expired;
        return Page(http, lang, null, expired ? UnsubscribeStep.Expired : UnsubscribeStep.Invalid, null);
    }

    private static IResult Page(HttpContext http, string lang, string? token, UnsubscribeStep step, Unsubscribe.Link? link)
    {
        var language = HostedPages.TextLanguage(lang);
        var other = HostedPages.OtherLanguage(language);
        var query = string.IsNullOrEmpty(token) ? "" : $"?token={Uri.EscapeDataString(token)}";
        var status = step switch
        {
            UnsubscribeStep.Expired => StatusCodes.Status410Gone,
            UnsubscribeStep.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status200OK,
        };
        return HostedPages.Render<UnsubscribePage>(http, new UnsubscribePageModel
        {
            Language = language,
            Step = step,
            List = link?.State == SignedTokenState.Valid ? link.List.ToString() : null,
            MaskedAddress = link?.MaskedAddress,
            Token = token,
            FormAction = $"/{language}/unsubscribe",
            OtherLanguageUrl = $"/{other}/unsubscribe{query}",
        }, status);
    }
}
