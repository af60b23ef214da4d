using System.Security.Claims;
using Engagement.Api.Auth;
using Engagement.Api.Composition;
using Engagement.Core.Common;
using Engagement.Core.Moderation;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Web.Portal;
using Microsoft.AspNetCore.Authentication;

namespace Engagement.Api.Portal;

// The staff workspace's first pages: signing in with a local account, and the moderation queue with approve and reject.
internal static partial class PortalEndpoints
{
    private static readonly Microsoft.AspNetCore.Http.Features.FormOptions StaffFormLimits = new()
    {
        ValueCountLimit = 8, KeyLengthLimit = 64, ValueLengthLimit = 4 * 1024, BufferBody = false,
    };

    private static void MapStaffPages(RouteGroupBuilder pages)
    {
        pages.MapGet("/staff/sign-in", (string lang, HttpContext http) => SignInPage(http, HostedPages.TextLanguage(lang), null, null))
            .WithName("StaffSignInPage").WithSummary("The staff sign-in form.");
        pages.MapPost("/staff/sign-in", StaffSignInAsync).WithName("StaffSignInForm").WithSummary("Signs a staff member in from the form; sets the staff cookie.")
            .RequireRateLimiting(AuthEndpoints.SignInRateLimitPolicy);
        pages.MapGet("/staff/moderation", ModerationQueueAsync).WithName("StaffModerationQueue").WithSummary("An organisation's moderation queue.");
        pages.MapPost("/staff/moderation/{itemId}", DecideAsync).WithName("StaffDecide").WithSummary("Approves or rejects a queued item from the queue page.")
            .RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
    }

    private static IResult SignInPage(HttpContext http, string language, string? email, string? error, int status = StatusCodes.Status200OK) =>
        HostedPages.Render<StaffSignInPage>(http, new StaffSignInPageModel(Page(language, PortalTexts.Get("staff-sign-in", language), "/staff/sign-in"),
            $"/{language}/staff/sign-in" + http.Request.QueryString) { Email = email, Error = error }, status);

    private static async Task<IResult> StaffSignInAsync(string lang, HttpContext http, Settings.EngagementSettings settings, SignInWithPassword signIn)
    {
        var language = HostedPages.TextLanguage(lang);
        if (!CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return HostedPages.CrossSiteRefusal();
        var form = await HostedPages.ReadFormAsync(http, 8 * 1024, StaffFormLimits);
        var (email, password) = form is null ? (null, null) : (HostedPages.Single(form, "email"), HostedPages.Single(form, "password"));
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
            return SignInPage(http, language, email, PortalTexts.Get("staff-bad-credentials", language), StatusCodes.Status400BadRequest);
        var result = await signIn.ExecuteAsync(new SignInWithPassword.Request(email, password), http.RequestAborted);
        if (!result.Succeeded)
            return SignInPage(http, language, email, PortalTexts.Get("staff-bad-credentials", language), StatusCodes.Status401Unauthorized);
        await http.SignInAsync(StaffClaims.CookieScheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(StaffClaims.StaffId, result.Value.Id)], StaffClaims.CookieScheme)));
        // Back to the page that asked for sign-in, when it was one of ours.
        var back = http.Request.Query["returnUrl"].ToString();
        return HostedPages.SeeOther(http, back.StartsWith($"/{language}/staff/", StringComparison.Ordinal) && !back.Contains("//", StringComparison.Ordinal)
            ? back : $"/{language}/staff/moderation");
    }

    private static async Task<IResult> ModerationQueueAsync(
        string lang, HttpContext http, IStaffStore staff, IOrganisationStore organisations, IModerationItemStore items, TimeProvider clock)
    {
        var language = HostedPages.TextLanguage(lang);
        var organisationId = http.Request.Query["organisationId"].ToString();
        var (access, member) = await RequestAccess.ForUserAsync(http.User, staff, http.RequestAborted);
        if (member is null)
            return SignInRedirect(http, language);
        // With no organisation named, the first one the moderator may moderate.
        if (organisationId.Length == 0)
            organisationId = member.Grants.FirstOrDefault(g => access.Can(g.OrganisationId, Permission.Moderate))?.OrganisationId ?? "";
        if (!access.Can(organisationId, Permission.Moderate) || await organisations.GetAsync(organisationId, http.RequestAborted) is not { } organisation)
            return ErrorPage(http, lang, StatusCodes.Status403Forbidden);
        var queued = await items.ListAsync(organisation.Id, ModerationItemStatus.Pending, 50, http.RequestAborted);
        var decided = http.Request.Query["decided"].ToString();
        return HostedPages.Render<ModerationQueuePage>(http, new ModerationQueuePageModel(
            Page(language, PortalTexts.Get("queue-title", language), $"/staff/moderation?organisationId={Uri.EscapeDataString(organisation.Id)}"),
            organisation.Name.In(language) ?? "",
            $"/{language}/staff/moderation",
            [.. queued.Select(i => new QueueItemView(i.Id, i.Kind.ToString(), i.Text, i.Language,
                [.. i.Reasons.Select(r => $"{r.Code}: {r.Detail}")], PortalTexts.Date(i.CreatedAt, language)))])
        {
            Notice = decided is "Approve" or "Reject" ? PortalTexts.Get($"decided-{decided}", language) : null,
            Error = http.Request.Query["failed"] == "1" ? PortalTexts.Get("decide-failed", language) : null,
        });
    }

    private static async Task<IResult> DecideAsync(
        string lang, string itemId, HttpContext http, Settings.EngagementSettings settings, IStaffStore staff, IModerationItemStore items, DecideModerationItems decide)
    {
        var language = HostedPages.TextLanguage(lang);
        if (!CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return HostedPages.CrossSiteRefusal();
        var (access, member) = await RequestAccess.ForUserAsync(http.User, staff, http.RequestAborted);
        if (member is null)
            return SignInRedirect(http, language);
        var item = await items.GetAsync(itemId, http.RequestAborted);
        if (item is null || !access.Can(item.OrganisationId, Permission.Moderate))
            return ErrorPage(http, lang, StatusCodes.Status403Forbidden);
        var form = await HostedPages.ReadFormAsync(http, 8 * 1024, StaffFormLimits);
        var queue = $"/{language}/staff/moderation?organisationId={Uri.EscapeDataString(item.OrganisationId)}";
        if (form is not null && HostedPages.Single(form, "action") is "Approve" or "Reject" && Enum.TryParse<ModerationAction>(HostedPages.Single(form, "action"), out var action))
        {
            var reason = HostedPages.Single(form, "reason") is { Length: > 0 } given ? given : null;
            var result = await decide.ExecuteAsync(new DecideModerationItems.Request(item.OrganisationId, [item.Id], action, reason), access.Actor, http.RequestAborted);
            if (result.Succeeded && result.Value.All(o => o.Succeeded))
                return HostedPages.SeeOther(http, $"{queue}&decided={action}");
        }
        return HostedPages.SeeOther(http, $"{queue}&failed=1");
    }

    private static IResult SignInRedirect(HttpContext http, string language) =>
        HostedPages.SeeOther(http, $"/{language}/staff/sign-in?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
}
