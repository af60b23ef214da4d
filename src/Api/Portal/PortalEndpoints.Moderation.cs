using Engagement.Api.Auth;
using Engagement.Api.Composition;
using Engagement.Core.Common;
using Engagement.Core.Moderation;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Moderation.Screening.PersonalInformation;
using Engagement.Web.Portal;
using Engagement.Web.Staff;
using Engagement.Web.Staff.Moderation;

namespace Engagement.Api.Portal;

// The moderation queue: claim an item, then approve, reject, redact or escalate it, or give it back; or decide a selection
// at once. Every action posts a form and comes back to the queue (post-redirect-get); a refused one shows the queue again
// with the reason beside the item, and what was typed kept.
internal static partial class PortalEndpoints
{
    private const int QueuePageSize = 50;

    private static readonly Microsoft.AspNetCore.Http.Features.FormOptions QueueFormLimits = new()
    {
        // The bulk form carries up to DecideModerationItems.MaxItems ids; a redaction carries one text.
        ValueCountLimit = DecideModerationItems.MaxItems + 4, KeyLengthLimit = 64, ValueLengthLimit = 24 * 1024, BufferBody = false,
    };

    private static void MapModerationPages(RouteGroupBuilder pages)
    {
        pages.MapGet("/staff/moderation", ModerationQueueAsync).WithName("StaffModerationQueue").WithSummary("An organisation's moderation queue.");
        pages.MapPost("/staff/moderation/bulk", DecideSelectedAsync).WithName("StaffDecideSelected")
            .WithSummary("Approves or rejects the items selected on the queue page.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/moderation/{itemId}/claim", ClaimAsync).WithName("StaffClaim")
            .WithSummary("Claims a queued item for 10 minutes.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/moderation/{itemId}/release", ReleaseAsync).WithName("StaffRelease")
            .WithSummary("Gives a claimed item back to the queue.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/moderation/{itemId}", DecideAsync).WithName("StaffDecide")
            .WithSummary("Approves, rejects, redacts or escalates a claimed item.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
    }

    /// <summary>What a refused action leaves on the queue page: its message, the item and field it concerns, and what was typed.</summary>
    private sealed record QueueProblem(string Message, string? ItemId, string? Field = null, string? Reason = null, string? Redaction = null);

    private static async Task<IResult> ModerationQueueAsync(string lang, HttpContext http, IServiceProvider services)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.Moderate, services.GetRequiredService<IStaffStore>(),
            services.GetRequiredService<IOrganisationStore>());
        if (scope is null)
            return refusal!;
        var done = http.Request.Query["done"].ToString();
        var notice = done switch
        {
            "claimed" => StaffTexts.Get("claimed-notice", language),
            "released" => StaffTexts.Get("released-notice", language),
            "Approve" or "Reject" or "RedactAndApprove" or "Escalate" => StaffTexts.Get($"decided-{done}", language),
            "bulk" when int.TryParse(http.Request.Query["ok"], out var ok) && int.TryParse(http.Request.Query["failed"], out var failed) =>
                failed == 0 ? StaffTexts.Format("bulk-done", language, ok) : StaffTexts.Format("bulk-partly", language, ok, failed),
            _ => null,
        };
        return await QueuePageAsync(http, language, scope, services, notice, null);
    }

    private static async Task<IResult> QueuePageAsync(
        HttpContext http, string language, StaffScope scope, IServiceProvider services, string? notice, QueueProblem? problem, int status = StatusCodes.Status200OK)
    {
        var items = services.GetRequiredService<IModerationItemStore>();
        var staff = services.GetRequiredService<IStaffStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var organisationId = scope.Organisation.Id;
        var pending = await items.ListAsync(organisationId, ModerationItemStatus.Pending, QueuePageSize, http.RequestAborted);
        var escalated = scope.Access.Can(organisationId, Permission.DecideEscalated)
            ? await items.ListAsync(organisationId, ModerationItemStatus.Escalated, QueuePageSize, http.RequestAborted)
            : [];
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var holder in pending.Concat(escalated).Where(i => i.ClaimedUntil > now).Select(i => i.ClaimedBy!).Distinct(StringComparer.Ordinal))
            names[holder] = (await staff.GetAsync(holder, http.RequestAborted))?.DisplayName ?? StaffTexts.Get("nav-label", language);
        var waiting = await items.CountAsync(organisationId, ModerationItemStatus.Pending, http.RequestAborted);

        QueueItemView View(ModerationItem i)
        {
            var held = i.ClaimedUntil > now && i.ClaimedBy is not null;
            var until = i.ClaimedUntil?.UtcDateTime.ToString("HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
            return new QueueItemView(i.Id, i.Kind.ToString(), MaskedParts.Split(i.Text), i.Language,
                [.. i.Reasons.Select(r => $"{r.Code}: {r.Detail}")], PortalTexts.Date(i.CreatedAt, language))
            {
                Reports = [.. i.Reports.Where(r => r.Value > 0).Select(r => StaffTexts.Format("reported", language, r.Value, StaffTexts.Get($"report-{r.Key}", language)))],
                Claim = !held ? null : i.ClaimedBy == scope.Access.Actor.Id ? "mine" : "other",
                ClaimNote = !held ? null : i.ClaimedBy == scope.Access.Actor.Id ? until : $"{names[i.ClaimedBy!]} ({until})",
                Escalated = i.Status == ModerationItemStatus.Escalated,
            };
        }

        var model = new ModerationQueuePageModel(
            StaffPage(http, language, StaffTexts.Get("queue-title", language), "moderation", scope, "/staff/moderation") with
            {
                Script = true, Scripts = ["moderation.js"], LiveKind = "moderation-queue", LiveId = organisationId,
            },
            $"/{language}/staff/moderation",
            [.. pending.Select(View)])
        {
            Escalated = [.. escalated.Select(View)],
            Pending = waiting,
            Notice = notice,
            Error = problem?.Message,
            ErrorItem = problem?.ItemId,
            ErrorField = problem?.Field,
            TypedReason = problem?.Reason,
            TypedRedaction = problem?.Redaction,
        };
        return HostedPages.Render<ModerationQueuePage>(http, model, status, live: true);
    }

    private static string QueueUrl(string language, string organisationId, string done, string? itemId = null) =>
        $"/{language}/staff/moderation?organisationId={Uri.EscapeDataString(organisationId)}&done={done}" + (itemId is null ? "" : $"#item-{itemId}");

    /// <summary>
    /// The checks every item action shares: same-site form, a signed-in moderator of the item's organisation, and the
    /// item itself. Another organisation's item and an unknown one both get the 403 page, so ids reveal nothing.
    /// </summary>
    private static async Task<(StaffScope? Scope, ModerationItem? Item, IResult? Refusal)> QueueActionAsync(
        string language, string itemId, HttpContext http, IServiceProvider services)
    {
        if (!CrossSiteGuard.IsAllowed(http.Request, services.GetRequiredService<Settings.EngagementSettings>().TrustedOrigins))
            return (null, null, HostedPages.CrossSiteRefusal());
        var item = await services.GetRequiredService<IModerationItemStore>().GetAsync(itemId, http.RequestAborted);
        var permission = item?.Status == ModerationItemStatus.Escalated ? Permission.DecideEscalated : Permission.Moderate;
        var (scope, refusal) = await StaffScopeAsync(http, language, permission, services.GetRequiredService<IStaffStore>(),
            services.GetRequiredService<IOrganisationStore>(), item?.OrganisationId ?? "");
        if (scope is null)
            return (null, null, refusal);
        return item is null ? (null, null, ErrorPage(http, language, StatusCodes.Status403Forbidden)) : (scope, item, null);
    }

    private static Task<IResult> ClaimAsync(string lang, string itemId, HttpContext http, IServiceProvider services, ClaimModerationItem claim) =>
        HoldAsync(lang, itemId, http, services, "claimed",
            (item, actor) => claim.ExecuteAsync(new ClaimModerationItem.Request(item.Id, item.OrganisationId), actor, http.RequestAborted));

    private static Task<IResult> ReleaseAsync(string lang, string itemId, HttpContext http, IServiceProvider services, ReleaseModerationItem release) =>
        HoldAsync(lang, itemId, http, services, "released",
            (item, actor) => release.ExecuteAsync(new ReleaseModerationItem.Request(item.Id, item.OrganisationId), actor, http.RequestAborted));

    /// <summary>Taking or giving back a claim: back to the queue at the item, or the queue with the refusal beside it.</summary>
    private static async Task<IResult> HoldAsync(
        string lang, string itemId, HttpContext http, IServiceProvider services, string done, Func<ModerationItem, Actor, Task<Result<ModerationItem>>> act)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, item, refusal) = await QueueActionAsync(language, itemId, http, services);
        if (scope is null)
            return refusal!;
        var result = await act(item!, scope.Access.Actor);
        return result.Succeeded
            ? HostedPages.SeeOther(http, QueueUrl(language, item!.OrganisationId, done, item.Id))
            : await QueuePageAsync(http, language, scope, services, null, QueueProblemFor(result.Errors, item!, language), StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> DecideAsync(string lang, string itemId, HttpContext http, IServiceProvider services, DecideModerationItem decide)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, item, refusal) = await QueueActionAsync(language, itemId, http, services);
        if (scope is null)
            return refusal!;
        var form = await HostedPages.ReadFormAsync(http, 32 * 1024, QueueFormLimits);
        if (form is null)
            return await QueuePageAsync(http, language, scope, services, null,
                new QueueProblem(StaffTexts.Get("error-form", language), item!.Id), HostedPages.FormProblemStatus(http));
        var reason = HostedPages.Single(form, "reason") is { Length: > 0 } given ? given : null;
        var redacted = HostedPages.Single(form, "redactedText");
        if (!Enum.TryParse<ModerationAction>(HostedPages.Single(form, "action"), out var action)
            || action is not (ModerationAction.Approve or ModerationAction.Reject or ModerationAction.RedactAndApprove or ModerationAction.Escalate))
            return await QueuePageAsync(http, language, scope, services, null,
                new QueueProblem(PortalTexts.Get("error-form", language), item!.Id), StatusCodes.Status400BadRequest);
        var result = await decide.ExecuteAsync(new DecideModerationItem.Request(item!.Id, item.OrganisationId, action, reason,
            action == ModerationAction.RedactAndApprove ? redacted ?? "" : null), scope.Access.Actor, http.RequestAborted);
        if (result.Succeeded)
            return HostedPages.SeeOther(http, QueueUrl(language, item.OrganisationId, action.ToString()));
        var problem = QueueProblemFor(result.Errors, item, language) with { Reason = reason, Redaction = redacted };
        var status = result.Errors.Any(e => e.Code is ErrorCodes.Conflict or ErrorCodes.InvalidState) ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return await QueuePageAsync(http, language, scope, services, null, problem, status);
    }

    private static async Task<IResult> DecideSelectedAsync(string lang, HttpContext http, IServiceProvider services, DecideModerationItems decide)
    {
        var language = HostedPages.TextLanguage(lang);
        if (!CrossSiteGuard.IsAllowed(http.Request, services.GetRequiredService<Settings.EngagementSettings>().TrustedOrigins))
            return HostedPages.CrossSiteRefusal();
        var form = await HostedPages.ReadFormAsync(http, 32 * 1024, QueueFormLimits);
        // The organisation the page showed, so a moderator of several decides in the one they were looking at.
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.Moderate, services.GetRequiredService<IStaffStore>(),
            services.GetRequiredService<IOrganisationStore>(), form is null ? "" : HostedPages.Single(form, "organisationId") ?? "");
        if (scope is null)
            return refusal!;
        // Not "select between 1 and 100 items": the selection may be fine, only the form did not arrive readable.
        if (form is null)
            return await QueuePageAsync(http, language, scope, services, null, new QueueProblem(StaffTexts.Get("error-form", language), null),
                HostedPages.FormProblemStatus(http));
        var ids = form["ids"].Where(i => !string.IsNullOrEmpty(i)).Select(i => i!).ToList();
        var reason = HostedPages.Single(form, "reason") is { Length: > 0 } given ? given : null;
        if (HostedPages.Single(form, "action") is not ("Approve" or "Reject") || !Enum.TryParse<ModerationAction>(HostedPages.Single(form, "action"), out var action))
            return await QueuePageAsync(http, language, scope, services, null, new QueueProblem(StaffTexts.Get("error-select", language), null),
                StatusCodes.Status400BadRequest);
        var result = await decide.ExecuteAsync(new DecideModerationItems.Request(scope.Organisation.Id, ids, action, reason), scope.Access.Actor, http.RequestAborted);
        if (!result.Succeeded)
        {
            var message = result.Errors.Any(e => e.Field == "reason") ? StaffTexts.Get("error-reason", language) : StaffTexts.Get("error-select", language);
            return await QueuePageAsync(http, language, scope, services, null, new QueueProblem(message, null), StatusCodes.Status400BadRequest);
        }
        var ok = result.Value.Count(o => o.Succeeded);
        return HostedPages.SeeOther(http, $"/{language}/staff/moderation?organisationId={Uri.EscapeDataString(scope.Organisation.Id)}&done=bulk&ok={ok}&failed={result.Value.Count - ok}");
    }

    /// <summary>The core's refusal in the page's words, beside the item and the field it concerns.</summary>
    private static QueueProblem QueueProblemFor(IReadOnlyList<Error> errors, ModerationItem item, string language)
    {
        var error = errors[0];
        var (text, field) = error switch
        {
            { Field: "reason" } => ("error-reason", "reason"),
            { Field: "redactedText" } => ("error-redaction", "redactedText"),
            { Code: ErrorCodes.Conflict } => ("error-claimed", null),
            _ when item.Status == ModerationItemStatus.Decided => ("error-gone", null),
            _ => ("error-claim-first", null),
        };
        return new QueueProblem(StaffTexts.Get(text, language), item.Status == ModerationItemStatus.Decided ? null : item.Id, field);
    }
}
