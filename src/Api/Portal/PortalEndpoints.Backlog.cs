using System.Globalization;
using Engagement.Api.Auth;
using Engagement.Api.Composition;
using Engagement.Core.Audit;
using Engagement.Core.Backlog;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Insights;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Web.Portal;
using Engagement.Web.Staff.Backlog;

namespace Engagement.Api.Portal;

// The improvement backlog in the staff workspace: the board, one item's page, proposing an item, and moving, shipping or
// merging items from forms that work without script. Viewing needs ReadStaffData; every change needs ManageBacklog.
internal static partial class PortalEndpoints
{
    // A 5,000-character description of three-byte characters is 45 KB once percent-encoded; the rest of a form is small.
    private const int BacklogBodyBytes = 64 * 1024;

    // The new-item form offers at most this many pieces of evidence; a post naming more is not from our form.
    private const int RecentTextsOffered = 20;
    private const int ThemesOffered = 10;
    private const int EvidencePicked = RecentTextsOffered + ThemesOffered;

    private static readonly Microsoft.AspNetCore.Http.Features.FormOptions BacklogFormLimits = new()
    {
        ValueCountLimit = EvidencePicked + 8, KeyLengthLimit = 64, ValueLengthLimit = 48 * 1024, BufferBody = false,
    };

    private static void MapBacklogPages(RouteGroupBuilder pages)
    {
        pages.MapGet("/staff/backlog", BacklogBoardAsync).WithName("StaffBacklogBoard")
            .WithSummary("An organisation's improvement backlog: its items by status, highest priority first.");
        pages.MapPost("/staff/backlog", CreateBacklogItemAsync).WithName("StaffCreateBacklogItem")
            .WithSummary("Proposes an improvement from the new-item form.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapGet("/staff/backlog/new", NewBacklogItemAsync).WithName("StaffNewBacklogItem").WithSummary("The form to propose an improvement.");
        pages.MapGet("/staff/backlog/{id}", BacklogItemAsync).WithName("StaffBacklogItem")
            .WithSummary("One backlog item: its priority explained, evidence, impact, history, and the forms that change it.");
        pages.MapPost("/staff/backlog/{id}/status", ChangeBacklogItemStatusAsync).WithName("StaffChangeBacklogStatus")
            .WithSummary("Moves an item to its next status from the item's page; shipping or declining needs a public note.")
            .RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/backlog/{id}/evidence", AddBacklogItemEvidenceAsync).WithName("StaffAddBacklogEvidence")
            .WithSummary("Links more evidence to an open item from the item's page; its priority is computed again.")
            .RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/backlog/{id}/merge", MergeBacklogItemAsync).WithName("StaffMergeBacklogItems")
            .WithSummary("Merges a duplicate into the item from the item's page.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
    }

    private static CultureInfo CultureOf(string language) => CultureInfo.GetCultureInfo(language == "fr" ? "fr-CA" : "en-CA");

    private static string BoardUrl(string language, string organisationId) =>
        $"/{language}/staff/backlog?organisationId={Uri.EscapeDataString(organisationId)}";

    private static string ItemUrl(string language, string organisationId, string itemId) =>
        $"/{language}/staff/backlog/{Uri.EscapeDataString(itemId)}?organisationId={Uri.EscapeDataString(organisationId)}";

    private static async Task<IResult> BacklogBoardAsync(string lang, HttpContext http, IStaffStore staff, IOrganisationStore organisations, ListBacklog list)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.ReadStaffData, staff, organisations);
        if (scope is null)
            return refusal!;
        var organisationId = scope.Organisation.Id;
        var items = await list.ExecuteAsync(organisationId, null, http.RequestAborted);
        var culture = CultureOf(language);
        // Ranks run across the whole board, in the order ListBacklog gives: highest priority first.
        var ranked = items.Select((item, index) => (Item: item, Rank: index + 1)).ToList();
        var columns = Enum.GetValues<BacklogStatus>().Select(status => new BacklogColumn(status.ToString(), BacklogTexts.Get($"status-{status}", language),
            [.. ranked.Where(r => r.Item.Status == status).Select(r => new BacklogCardView(
                r.Item.Id, r.Item.Title, ItemUrl(language, organisationId, r.Item.Id), status.ToString(), r.Item.Priority.Score,
                BacklogTexts.Format("card-priority", language, r.Item.Priority.Score.ToString("0.##", culture), r.Rank, items.Count),
                Explanation(r.Item.Priority, language, culture), r.Item.Evidence.Count))])).ToList();
        var page = StaffPage(http, language, BacklogTexts.Get("board-title", language), "backlog", scope) with
        {
            LiveKind = "backlog", LiveId = organisationId, Scripts = ["backlog.js"],
        };
        return HostedPages.Render<BacklogBoardPage>(http, new BacklogBoardPageModel(page, scope.Organisation.Name.In(language) ?? "", columns)
        {
            NewItemUrl = scope.Access.Can(organisationId, Permission.ManageBacklog)
                ? $"/{language}/staff/backlog/new?organisationId={Uri.EscapeDataString(organisationId)}" : null,
        }, live: true);
    }

    // The card's one-line reading of the priority: what it is made of, in the page's language.
    private static string Explanation(PriorityExplanation p, string language, CultureInfo culture) => p.Volume == 0
        ? BacklogTexts.Get("card-no-evidence", language)
        : BacklogTexts.Format("card-explanation", language, p.Volume.ToString("0.#", culture), p.RecentVolume.ToString("0.#", culture),
            p.NegativeShare.ToString("P0", culture), p.Reach.ToString("N0", culture));

    private static async Task<IResult> NewBacklogItemAsync(string lang, HttpContext http, IServiceProvider services)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.ManageBacklog,
            services.GetRequiredService<IStaffStore>(), services.GetRequiredService<IOrganisationStore>());
        if (scope is null)
            return refusal!;
        return HostedPages.Render<BacklogNewPage>(http, await NewItemModelAsync(http, language, scope, services));
    }

    private static async Task<BacklogNewPageModel> NewItemModelAsync(HttpContext http, string language, StaffScope scope, IServiceProvider services)
    {
        var organisationId = scope.Organisation.Id;
        var ct = http.RequestAborted;
        var serviceList = await services.GetRequiredService<IServiceStore>().ListByOrganisationAsync(organisationId, ct);
        var consultationList = await services.GetRequiredService<IConsultationStore>().ListAsync(organisationId, null, ct);
        var choices = await EvidenceChoicesAsync(language, organisationId, services, ct);
        return new BacklogNewPageModel(
            StaffPage(http, language, BacklogTexts.Get("new-title", language), "backlog", scope),
            $"/{language}/staff/backlog?organisationId={Uri.EscapeDataString(organisationId)}",
            CreateBacklogItem.MaxTitle, CreateBacklogItem.MaxDescription,
            [.. serviceList.Select(s => ($"service:{s.Id}", s.Name.In(language) ?? s.Slug))],
            [.. consultationList.Select(c => ($"consultation:{c.Id}", c.Title.In(language) ?? c.Slug))],
            choices) { BoardUrl = BoardUrl(language, organisationId) };
    }

    /// <summary>The evidence a form offers: the organisation's most recent texts insights have read, and its largest current themes.</summary>
    private static async Task<List<EvidenceChoice>> EvidenceChoicesAsync(string language, string organisationId, IServiceProvider services, CancellationToken ct)
    {
        var themes = services.GetRequiredService<IThemeStore>();
        var choices = (await themes.ListRecentTextsAsync(organisationId, RecentTextsOffered, ct))
            .Select(t => new EvidenceChoice($"{EvidenceSources.KindOf(t.Kind)}:{t.TargetId}", BacklogTexts.Get($"kind-{EvidenceSources.KindOf(t.Kind)}", language),
                Shortened(t.Text), t.Language))
            .ToList();
        if (await themes.GetAsync(organisationId, ct) is { } snapshot)
            choices.AddRange(snapshot.Themes.OrderByDescending(t => t.Count).Take(ThemesOffered)
                .Select(t => new EvidenceChoice($"{EvidenceKind.Theme}:{t.Id}", BacklogTexts.Get("kind-Theme", language), t.Name, t.Language)));
        return choices;
    }

    private static string Shortened(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static async Task<IResult> CreateBacklogItemAsync(
        string lang, HttpContext http, IServiceProvider services, Settings.EngagementSettings settings, CreateBacklogItem create)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffPostScopeAsync(http, language, Permission.ManageBacklog, settings,
            services.GetRequiredService<IStaffStore>(), services.GetRequiredService<IOrganisationStore>());
        if (scope is null)
            return refusal!;
        var form = await HostedPages.ReadFormAsync(http, BacklogBodyBytes, BacklogFormLimits);
        var errors = new Dictionary<string, string>();
        var (title, description, concerns) = form is null ? (null, null, null)
            : (HostedPages.Single(form, "title"), HostedPages.Single(form, "description"), HostedPages.Single(form, "concerns"));
        var picked = form is null ? [] : form["evidence"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
        var (serviceId, consultationId) = concerns switch
        {
            null or "" => (null, null),
            _ when concerns.StartsWith("service:", StringComparison.Ordinal) => (concerns["service:".Length..], null),
            _ when concerns.StartsWith("consultation:", StringComparison.Ordinal) => ((string?)null, concerns["consultation:".Length..]),
            _ => ("", null),
        };
        var evidence = picked.Select(ParseEvidence).ToList();
        if (form is null)
            errors["form"] = BacklogTexts.Get("error-form", language);
        else
        {
            if (serviceId is "" || consultationId is "")
                errors["concerns"] = BacklogTexts.Get("error-concerns", language);
            if (evidence.Count > EvidencePicked || evidence.Any(e => e is null))
                errors["evidence"] = BacklogTexts.Get("error-evidence", language);
        }
        if (errors.Count == 0)
        {
            var result = await create.ExecuteAsync(new CreateBacklogItem.Request(scope.Organisation.Id, title ?? "", description ?? "", serviceId, consultationId,
                [.. evidence.Select(e => e!)]), scope.Access.Actor, http.RequestAborted);
            if (result.Succeeded)
                return HostedPages.SeeOther(http, ItemUrl(language, scope.Organisation.Id, result.Value.Id) + "&done=created");
            foreach (var error in result.Errors)
            {
                var (field, message) = error.Field switch
                {
                    "title" => ("title", BacklogTexts.Format("error-title", language, CreateBacklogItem.MaxTitle)),
                    "description" => ("description", BacklogTexts.Format("error-description", language, CreateBacklogItem.MaxDescription)),
                    "serviceId" or "consultationId" => ("concerns", BacklogTexts.Get("error-concerns", language)),
                    { } f when f.StartsWith("evidence", StringComparison.Ordinal) => ("evidence", BacklogTexts.Get("error-evidence", language)),
                    _ => ("form", BacklogTexts.Get("error-form", language)),
                };
                errors.TryAdd(field, message);
            }
        }
        var model = await NewItemModelAsync(http, language, scope, services);
        return HostedPages.Render<BacklogNewPage>(http, model with
        {
            Page = WithProblem(model.Page), Title = title, Description = description, Concerns = concerns, Chosen = picked.ToHashSet(StringComparer.Ordinal),
            Errors = errors,
        }, HostedPages.FormProblemStatus(http));
    }

    // "Comment:abc" → a reference; null for anything our form does not offer.
    private static EvidenceRef? ParseEvidence(string value)
    {
        var colon = value.IndexOf(':');
        return colon > 0 && colon < value.Length - 1 && Enum.TryParse<EvidenceKind>(value[..colon], out var kind) && Enum.IsDefined(kind)
            && !char.IsDigit(value[0])
            ? new EvidenceRef(kind, value[(colon + 1)..])
            : null;
    }

    /// <summary>
    /// The item a page or form is about, within the staff scope of <paramref name="permission"/>: the refusal when the
    /// person may not, the 404 page when the item is not the scope organisation's. A link without ?organisationId= to an
    /// item of another of the person's organisations is sent on to the same page about that organisation.
    /// </summary>
    private static async Task<(StaffScope? Scope, BacklogItem? Item, IResult? Refusal)> BacklogItemScopeAsync(
        HttpContext http, string language, string id, Permission permission, IServiceProvider services)
    {
        var (scope, refusal) = await StaffScopeAsync(http, language, permission,
            services.GetRequiredService<IStaffStore>(), services.GetRequiredService<IOrganisationStore>());
        if (scope is null)
            return (null, null, refusal);
        var item = await services.GetRequiredService<IBacklogStore>().GetAsync(id, http.RequestAborted);
        if (item is not null && item.OrganisationId != scope.Organisation.Id && HttpMethods.IsGet(http.Request.Method)
            && http.Request.Query["organisationId"].Count == 0 && scope.Access.Can(item.OrganisationId, permission))
            return (null, null, HostedPages.SeeOther(http, ItemUrl(language, item.OrganisationId, item.Id)));
        if (item is null || item.OrganisationId != scope.Organisation.Id)
            return (null, null, ErrorPage(http, language, StatusCodes.Status404NotFound));
        return (scope, item, null);
    }

    private static async Task<IResult> BacklogItemAsync(string lang, string id, HttpContext http, IServiceProvider services)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, item, refusal) = await BacklogItemScopeAsync(http, language, id, Permission.ReadStaffData, services);
        if (scope is null || item is null)
            return refusal!;
        var model = await ItemModelAsync(http, language, scope, item, services);
        var done = http.Request.Query["done"].ToString();
        var notice = done switch
        {
            "created" => BacklogTexts.Get("created", language),
            "merged" => BacklogTexts.Get("merged", language),
            "evidence" => BacklogTexts.Get("evidence-added", language),
            _ when done.StartsWith("status-", StringComparison.Ordinal) && Enum.TryParse<BacklogStatus>(done["status-".Length..], out var s) && Enum.IsDefined(s)
                && !char.IsDigit(done["status-".Length..].FirstOrDefault('0'))
                => BacklogTexts.Format("changed", language, BacklogTexts.Get($"status-{s}", language)),
            _ => null,
        };
        return HostedPages.Render<BacklogItemPage>(http, model with { Notice = notice });
    }

    private static async Task<IResult> ChangeBacklogItemStatusAsync(
        string lang, string id, HttpContext http, IServiceProvider services, Settings.EngagementSettings settings, ChangeBacklogStatus change)
    {
        var language = HostedPages.TextLanguage(lang);
        if (!CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return HostedPages.CrossSiteRefusal();
        var (scope, item, refusal) = await BacklogItemScopeAsync(http, language, id, Permission.ManageBacklog, services);
        if (scope is null || item is null)
            return refusal!;
        var form = await HostedPages.ReadFormAsync(http, BacklogBodyBytes, BacklogFormLimits);
        var (chosen, note) = form is null ? (null, null) : (HostedPages.Single(form, "status"), HostedPages.Single(form, "publicNote"));
        var errors = new Dictionary<string, string>();
        if (form is null)
            errors["form"] = BacklogTexts.Get("error-form", language);
        else if (chosen is null || char.IsDigit(chosen.FirstOrDefault('0')) || !Enum.TryParse<BacklogStatus>(chosen, out var status) || !Enum.IsDefined(status))
            errors["status"] = BacklogTexts.Get("error-status", language);
        else
        {
            var result = await change.ExecuteAsync(new ChangeBacklogStatus.Request(item.Id, item.OrganisationId, status, string.IsNullOrWhiteSpace(note) ? null : note),
                scope.Access.Actor, http.RequestAborted);
            if (result.Succeeded)
                return HostedPages.SeeOther(http, ItemUrl(language, item.OrganisationId, item.Id) + $"&done=status-{status}");
            foreach (var error in result.Errors)
            {
                var (field, message) = error switch
                {
                    { Field: "publicNote" } => ("publicNote", BacklogTexts.Format("error-note", language, ChangeBacklogStatus.MaxNote)),
                    { Code: ErrorCodes.Conflict } => ("form", BacklogTexts.Get("error-again", language)),
                    _ => ("status", BacklogTexts.Get("error-status", language)),
                };
                errors.TryAdd(field, message);
            }
            // The item may have moved meanwhile: the page shows it as it is now.
            item = await services.GetRequiredService<IBacklogStore>().GetAsync(item.Id, http.RequestAborted) ?? item;
        }
        var model = await ItemModelAsync(http, language, scope, item, services);
        return HostedPages.Render<BacklogItemPage>(http, model with
        {
            Page = WithProblem(model.Page),
            StatusForm = model.StatusForm is null ? null : model.StatusForm with { Chosen = chosen, Note = note, Errors = errors },
        }, HostedPages.FormProblemStatus(http));
    }

    private static async Task<IResult> MergeBacklogItemAsync(
        string lang, string id, HttpContext http, IServiceProvider services, Settings.EngagementSettings settings, MergeBacklogItems merge)
    {
        var language = HostedPages.TextLanguage(lang);
        if (!CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return HostedPages.CrossSiteRefusal();
        var (scope, item, refusal) = await BacklogItemScopeAsync(http, language, id, Permission.ManageBacklog, services);
        if (scope is null || item is null)
            return refusal!;
        var form = await HostedPages.ReadFormAsync(http, BacklogBodyBytes, BacklogFormLimits);
        var duplicateId = form is null ? null : HostedPages.Single(form, "duplicateId");
        string message;
        if (form is null)
            message = BacklogTexts.Get("error-form", language);
        else if (string.IsNullOrEmpty(duplicateId))
            message = BacklogTexts.Get("error-duplicate", language);
        else
        {
            var result = await merge.ExecuteAsync(new MergeBacklogItems.Request(item.OrganisationId, item.Id, duplicateId), scope.Access.Actor, http.RequestAborted);
            if (result.Succeeded)
                return HostedPages.SeeOther(http, ItemUrl(language, item.OrganisationId, item.Id) + "&done=merged");
            message = result.Errors[0] switch
            {
                { Field: "duplicateId", Code: not ErrorCodes.Conflict } => BacklogTexts.Get("error-duplicate", language),
                { Code: ErrorCodes.Conflict } => BacklogTexts.Get("error-again", language),
                _ => BacklogTexts.Get("error-status", language),
            };
            item = await services.GetRequiredService<IBacklogStore>().GetAsync(item.Id, http.RequestAborted) ?? item;
        }
        var model = await ItemModelAsync(http, language, scope, item, services);
        // An item closed meanwhile has no merge form any more; the page then says why in its notice.
        return HostedPages.Render<BacklogItemPage>(http, model with
        {
            Page = WithProblem(model.Page),
            MergeForm = model.MergeForm is null ? null : model.MergeForm with { Chosen = duplicateId, Error = message },
            Notice = model.MergeForm is null ? message : null,
        }, HostedPages.FormProblemStatus(http));
    }

    private static async Task<IResult> AddBacklogItemEvidenceAsync(
        string lang, string id, HttpContext http, IServiceProvider services, Settings.EngagementSettings settings, AddBacklogEvidence add)
    {
        var language = HostedPages.TextLanguage(lang);
        if (!CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return HostedPages.CrossSiteRefusal();
        var (scope, item, refusal) = await BacklogItemScopeAsync(http, language, id, Permission.ManageBacklog, services);
        if (scope is null || item is null)
            return refusal!;
        var form = await HostedPages.ReadFormAsync(http, BacklogBodyBytes, BacklogFormLimits);
        var picked = form is null ? [] : form["evidence"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
        var evidence = picked.Select(ParseEvidence).ToList();
        string message;
        if (form is null)
            message = BacklogTexts.Get("error-form", language);
        else if (evidence.Count == 0)
            message = BacklogTexts.Get("error-evidence-none", language);
        else if (evidence.Count > EvidencePicked || evidence.Any(e => e is null))
            message = BacklogTexts.Get("error-evidence", language);
        else
        {
            var result = await add.ExecuteAsync(new AddBacklogEvidence.Request(item.Id, item.OrganisationId, [.. evidence.Select(e => e!)]), scope.Access.Actor,
                http.RequestAborted);
            if (result.Succeeded)
                return HostedPages.SeeOther(http, ItemUrl(language, item.OrganisationId, item.Id) + "&done=evidence");
            message = result.Errors[0] switch
            {
                { Field: var f } when f.StartsWith("evidence", StringComparison.Ordinal) => BacklogTexts.Get("error-evidence", language),
                { Code: ErrorCodes.Conflict } => BacklogTexts.Get("error-again", language),
                _ => BacklogTexts.Get("error-status", language),
            };
            item = await services.GetRequiredService<IBacklogStore>().GetAsync(item.Id, http.RequestAborted) ?? item;
        }
        var model = await ItemModelAsync(http, language, scope, item, services);
        return HostedPages.Render<BacklogItemPage>(http, model with
        {
            Page = WithProblem(model.Page),
            EvidenceForm = model.EvidenceForm is null ? null : model.EvidenceForm with { Chosen = picked.ToHashSet(StringComparer.Ordinal), Error = message },
            Notice = model.EvidenceForm is null ? message : null,
        }, HostedPages.FormProblemStatus(http));
    }

    /// <summary>An item's page as it stands: the forms only for those who may change the backlog, while the item is open.</summary>
    private static async Task<BacklogItemPageModel> ItemModelAsync(HttpContext http, string language, StaffScope scope, BacklogItem item, IServiceProvider services)
    {
        var ct = http.RequestAborted;
        var culture = CultureOf(language);
        var organisationId = scope.Organisation.Id;
        var board = await services.GetRequiredService<ListBacklog>().ExecuteAsync(organisationId, null, ct);
        var rank = board.Select((b, i) => (b.Id, Rank: i + 1)).FirstOrDefault(b => b.Id == item.Id).Rank;
        var priority = board.FirstOrDefault(b => b.Id == item.Id)?.Priority ?? await services.GetRequiredService<BacklogPriority>().ExplainAsync(item, ct);
        var figures = new List<Figure> { new(BacklogTexts.Get("priority-score", language), priority.Score.ToString("0.##", culture)) };
        if (rank > 0)
            figures.Add(new(BacklogTexts.Get("priority-rank", language), BacklogTexts.Format("priority-rank-value", language, rank, board.Count)));
        figures.AddRange(
        [
            new(BacklogTexts.Get("priority-volume", language), priority.Volume.ToString("0.#", culture)),
            new(BacklogTexts.Get("priority-recent", language), priority.RecentVolume.ToString("0.##", culture)),
            new(BacklogTexts.Get("priority-negative", language), priority.NegativeShare.ToString("P0", culture)),
            new(BacklogTexts.Get("priority-reach", language), priority.Reach.ToString("N0", culture)),
            new(BacklogTexts.Get("priority-computed", language), PortalTexts.Date(priority.ComputedAt, language)),
        ]);

        var model = new BacklogItemPageModel(
            StaffPage(http, language, item.Title, "backlog", scope),
            item.Title, item.Description, BacklogTexts.Get($"status-{item.Status}", language), BoardUrl(language, organisationId),
            figures, await EvidenceViewsAsync(language, culture, item, services, ct), await HistoryAsync(language, item, services, ct))
        {
            PublicNote = item.PublicNote is { } note && item.Status is BacklogStatus.Shipped or BacklogStatus.Declined
                ? (BacklogTexts.Get(item.Status == BacklogStatus.Shipped ? "public-note-shipped" : "public-note-declined", language), note)
                : null,
            Impact = await ImpactAsync(language, culture, item, services, ct),
        };
        if (item.ServiceId is { } serviceId && await services.GetRequiredService<IServiceStore>().GetAsync(serviceId, ct) is { } service)
            model = model with { ConcernsName = service.Name.In(language) ?? service.Slug, ConcernsUrl = $"/{language}/services/{Uri.EscapeDataString(service.Id)}" };
        else if (item.ConsultationId is { } consultationId && await services.GetRequiredService<IConsultationStore>().GetAsync(consultationId, ct) is { } consultation)
            model = model with
            {
                ConcernsName = consultation.Title.In(language) ?? consultation.Slug,
                ConcernsUrl = consultation.Status == ConsultationStatus.Draft ? null : $"/{language}/consultations/{Uri.EscapeDataString(consultation.Id)}",
            };
        if (item.MergedInto is { } mergedInto && await services.GetRequiredService<IBacklogStore>().GetAsync(mergedInto, ct) is { } target)
            model = model with { MergedInto = (target.Title, ItemUrl(language, organisationId, target.Id)) };

        if (!scope.Access.Can(organisationId, Permission.ManageBacklog))
            return model;
        if (!item.IsOpen)
            return model with { ClosedForChanges = true };
        var itemPath = $"/{language}/staff/backlog/{Uri.EscapeDataString(item.Id)}";
        var query = $"?organisationId={Uri.EscapeDataString(organisationId)}";
        return model with
        {
            StatusForm = new StatusForm($"{itemPath}/status{query}",
                [.. ChangeBacklogStatus.NextOf(item.Status).Select(s => (s.ToString(), BacklogTexts.Get($"status-{s}", language)))], ChangeBacklogStatus.MaxNote),
            MergeForm = new MergeForm($"{itemPath}/merge{query}", [.. board.Where(b => b.Id != item.Id && b.IsOpen).Select(b => (b.Id, b.Title))]),
            EvidenceForm = new EvidenceForm($"{itemPath}/evidence{query}",
                [.. (await EvidenceChoicesAsync(language, organisationId, services, ct)).Where(c => !item.Evidence.Any(e => c.Value == $"{e.Kind}:{e.TargetId}"))]),
        };
    }

    /// <summary>
    /// The evidence as staff read it: a text's words and language from what insights hold (the excerpt stored with the
    /// evidence when insights no longer hold the text), and the public page it came from.
    /// </summary>
    private static async Task<IReadOnlyList<EvidenceView>> EvidenceViewsAsync(
        string language, CultureInfo culture, BacklogItem item, IServiceProvider services, CancellationToken ct)
    {
        var themes = services.GetRequiredService<IThemeStore>();
        var textKeys = item.Evidence.Where(e => TextKindOf(e.Kind) is not null).Select(e => $"{TextKindOf(e.Kind)}:{e.TargetId}").ToList();
        var texts = textKeys.Count == 0 ? new Dictionary<string, PublicText>()
            : (await themes.GetTextsAsync(item.OrganisationId, textKeys, ct)).ToDictionary(t => t.Key, StringComparer.Ordinal);
        var snapshot = item.Evidence.Any(e => e.Kind == EvidenceKind.Theme) ? await themes.GetAsync(item.OrganisationId, ct) : null;
        var views = new List<EvidenceView>(item.Evidence.Count);
        foreach (var e in item.Evidence)
        {
            var kind = BacklogTexts.Get($"kind-{e.Kind}", language);
            var weight = BacklogTexts.Format("evidence-weight", language, e.Weight.ToString("N0", culture));
            var negative = e.NegativeShare is { } share ? BacklogTexts.Format("evidence-negative", language, share.ToString("P0", culture)) : null;
            var given = BacklogTexts.Format("evidence-at", language, PortalTexts.Date(e.At, language));
            var view = e.Kind switch
            {
                EvidenceKind.Theme => new EvidenceView(kind, e.Excerpt, snapshot?.Themes.FirstOrDefault(t => t.Id == e.TargetId)?.Language, weight, negative, given),
                // Alerts describe themselves in the platform's own words, written in English.
                EvidenceKind.DriftAlert => new EvidenceView(kind, e.Excerpt, "en", weight, negative, given),
                _ when texts.TryGetValue($"{TextKindOf(e.Kind)}:{e.TargetId}", out var text) =>
                    new EvidenceView(kind, text.Text, text.Language, weight, negative, given) { SourceUrl = SourceOf(language, e, text.Scope) },
                _ => new EvidenceView(kind, e.Excerpt, null, weight, negative, given),
            };
            views.Add(view);
        }
        return views;
    }

    private static Core.Screening.TextKind? TextKindOf(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Comment => Core.Screening.TextKind.Comment,
        EvidenceKind.Reply => Core.Screening.TextKind.Reply,
        EvidenceKind.SurveyAnswer => Core.Screening.TextKind.SurveyAnswer,
        EvidenceKind.RatingComment => Core.Screening.TextKind.RatingComment,
        _ => null,
    };

    // The public page a text was given on, from its tally scope ("consultation:abc", "service:abc", "survey:abc").
    private static string? SourceOf(string language, Evidence e, string scope)
    {
        var colon = scope.IndexOf(':');
        if (colon <= 0)
            return null;
        var id = Uri.EscapeDataString(scope[(colon + 1)..]);
        return scope[..colon] switch
        {
            "consultation" => $"/{language}/consultations/{id}#comment-{Uri.EscapeDataString(e.TargetId)}",
            "service" => $"/{language}/services/{id}",
            "survey" => $"/{language}/surveys/{id}",
            _ => null,
        };
    }

    private static async Task<ImpactView?> ImpactAsync(string language, CultureInfo culture, BacklogItem item, IServiceProvider services, CancellationToken ct)
    {
        if (await services.GetRequiredService<GetBacklogImpact>().ExecuteAsync(item, ct) is not { } impact)
            return null;
        var none = BacklogTexts.Get("impact-none", language);
        return new ImpactView(impact.Days,
        [
            (BacklogTexts.Get("impact-ratings", language), impact.Before.Count.ToString("N0", culture), impact.After.Count.ToString("N0", culture)),
            (BacklogTexts.Get("impact-average", language), impact.Before.Average?.ToString("0.0", culture) ?? none, impact.After.Average?.ToString("0.0", culture) ?? none),
            (BacklogTexts.Get("impact-satisfied", language), impact.Before.Csat?.ToString("P0", culture) ?? none, impact.After.Csat?.ToString("P0", culture) ?? none),
        ]);
    }

    /// <summary>The item's history from the audit trail, oldest first, with who did each thing.</summary>
    private static async Task<IReadOnlyList<HistoryLine>> HistoryAsync(string language, BacklogItem item, IServiceProvider services, CancellationToken ct)
    {
        var entries = await services.GetRequiredService<IAuditLog>().ListAsync(item.OrganisationId, item.Id, PageRequest.First(PageRequest.MaxLimit), ct);
        var staff = services.GetRequiredService<IStaffStore>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new List<HistoryLine>();
        foreach (var entry in entries.Items.Where(e => e.TargetType == "backlog_item"))
        {
            var what = entry.Action switch
            {
                AuditActions.BacklogItemCreated => BacklogTexts.Get("history-created", language),
                AuditActions.BacklogStatusChanged when entry.Detail?.Split(" -> ") is [var from, var to]
                    && Enum.TryParse<BacklogStatus>(from, out var before) && Enum.TryParse<BacklogStatus>(to, out var after)
                    => BacklogTexts.Format("history-moved", language, BacklogTexts.Get($"status-{before}", language), BacklogTexts.Get($"status-{after}", language)),
                AuditActions.BacklogEvidenceAdded => BacklogTexts.Get("history-evidence", language),
                AuditActions.BacklogItemsMerged => BacklogTexts.Get("history-merged", language),
                _ => null,
            };
            if (what is null)
                continue;
            string who;
            if (entry.Actor.Kind != ActorKind.Staff)
                who = BacklogTexts.Get("history-system", language);
            else if (!names.TryGetValue(entry.Actor.Id, out who!))
                names[entry.Actor.Id] = who = (await staff.GetAsync(entry.Actor.Id, ct))?.DisplayName ?? BacklogTexts.Get("history-unknown", language);
            lines.Add(new HistoryLine(PortalTexts.Date(entry.At, language), what, who));
        }
        return lines;
    }
}
