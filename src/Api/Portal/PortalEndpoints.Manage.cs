using System.Globalization;
using System.Text;
using Engagement.Api.Auth;
using Engagement.Api.Composition;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using Engagement.Web.Portal;
using Engagement.Web.Staff.Manage;

namespace Engagement.Api.Portal;

// The workspace's consultations and surveys area: the list of both, and a consultation's create, edit, open, close and
// outcome forms. The survey builder's pages are in PortalEndpoints.ManageSurveys.cs. Every form works without script,
// goes through the core use case with the staff member as actor, and comes back with its errors beside its fields.
internal static partial class PortalEndpoints
{
    private const int ManageBodyBytes = 640 * 1024;

    // Two full texts of 20,000 characters, percent-encoded, fit; the fields are few.
    private static readonly Microsoft.AspNetCore.Http.Features.FormOptions ManageFormLimits = new()
    {
        ValueCountLimit = 24, KeyLengthLimit = 64, ValueLengthLimit = 96 * 1024, BufferBody = false,
    };

    private static readonly string[] ManageLanguages = ["en", "fr"];

    private static readonly string[] ConsultationDone = ["created", "saved", "opened", "closed", "outcome"];

    private static void MapManagePages(RouteGroupBuilder pages)
    {
        pages.MapGet("/staff/consultations", ManageListAsync).WithName("StaffManageList")
            .WithSummary("An organisation's consultations and surveys, each grouped by status, with links to create and manage them.");
        pages.MapGet("/staff/consultations/new", NewConsultationPageAsync).WithName("StaffNewConsultation").WithSummary("The form that creates a draft consultation.");
        pages.MapPost("/staff/consultations/new", CreateConsultationFormAsync).WithName("StaffCreateConsultation")
            .WithSummary("Creates a draft consultation from the form.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapGet("/staff/consultations/{id}", ManagedConsultationPageAsync).WithName("StaffConsultation")
            .WithSummary("A consultation's management page: its texts, policy and dates, and what its status allows next.");
        pages.MapPost("/staff/consultations/{id}", SaveConsultationFormAsync).WithName("StaffSaveConsultation")
            .WithSummary("Saves a draft or open consultation's texts, policy and dates.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/consultations/{id}/open", OpenConsultationFormAsync).WithName("StaffOpenConsultation")
            .WithSummary("Opens a draft consultation to the public.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/consultations/{id}/close", CloseConsultationFormAsync).WithName("StaffCloseConsultation")
            .WithSummary("Closes an open consultation to contributions.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/consultations/{id}/outcome", PublishOutcomeFormAsync).WithName("StaffPublishOutcome")
            .WithSummary("Publishes or corrects a closed consultation's outcome in both languages.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        MapManageSurveyPages(pages);
    }

    private static async Task<IResult> ManageListAsync(string lang, HttpContext http, IStaffStore staff, IOrganisationStore organisations,
        IConsultationStore consultations, ISurveyStore surveys)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.ManageConsultations, staff, organisations);
        if (scope is null)
            return refusal!;
        var org = scope.Organisation.Id;
        var query = OrganisationQuery(scope);
        var listed = (await consultations.ListAsync(org, null, http.RequestAborted)).Select(c => new ManagedItem(
            c.Title.In(language) ?? c.Slug, c.Status.ToString(), $"/{language}/staff/consultations/{Uri.EscapeDataString(c.Id)}{query}",
            c.Status == ConsultationStatus.Draft ? null : $"/{language}/consultations/{Uri.EscapeDataString(c.Id)}", PortalTexts.Date(c.UpdatedAt, language))).ToList();
        var canSurveys = scope.Access.Can(org, Permission.ManageSurveys);
        var surveyItems = !canSurveys ? [] : (await surveys.ListAsync(org, null, http.RequestAborted)).Select(s => new ManagedItem(
            s.Title.In(language) ?? s.Slug, s.Status.ToString(), $"/{language}/staff/surveys/{Uri.EscapeDataString(s.Id)}{query}",
            s.Status == SurveyStatus.Draft ? null : $"/{language}/surveys/{Uri.EscapeDataString(s.Id)}", PortalTexts.Date(s.UpdatedAt, language))).ToList();
        return HostedPages.Render<ManageListPage>(http, new ManageListPageModel(
            StaffPage(http, language, ManageTexts.Get("list-title", language), "consultations", scope),
            scope.Organisation.Name.In(language) ?? "", listed, surveyItems)
        {
            NewConsultationUrl = $"/{language}/staff/consultations/new{query}",
            NewSurveyUrl = canSurveys ? $"/{language}/staff/surveys/new{query}" : null,
        });
    }

    private static async Task<IResult> NewConsultationPageAsync(string lang, HttpContext http, IStaffStore staff, IOrganisationStore organisations)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.ManageConsultations, staff, organisations);
        return scope is null ? refusal! : HostedPages.Render<ConsultationEditPage>(http, NewConsultationModel(http, language, scope, FormState.Empty, false));
    }

    private static ConsultationEditPageModel NewConsultationModel(HttpContext http, string language, StaffScope scope, FormState form, bool problem) =>
        new(ManagePage(http, language, ManageTexts.Get("consultation-new-title", language), scope, "/staff/consultations/new", problem),
            ManageTexts.Get("consultation-new-title", language), ListUrl(language, scope), $"/{language}/staff/consultations/new{OrganisationQuery(scope)}", form);

    private static async Task<IResult> CreateConsultationFormAsync(string lang, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffPostScopeAsync(http, language, Permission.ManageConsultations, settings,
            services.GetRequiredService<IStaffStore>(), services.GetRequiredService<IOrganisationStore>());
        if (scope is null)
            return refusal!;
        var form = await HostedPages.ReadFormAsync(http, ManageBodyBytes, ManageFormLimits);
        if (form is null)
            return FormUnreadable(http, language);
        var (values, errors, texts) = ReadConsultationForm(form, language);
        var slug = values.GetValueOrDefault("slug") is { Length: > 0 } given ? given : SlugFrom(texts.Title.In("en", "en") ?? "");
        var formErrors = new List<string>();
        if (errors.Count == 0)
        {
            var result = await services.GetRequiredService<CreateConsultation>().ExecuteAsync(new CreateConsultation.Request(
                scope.Organisation.Id, slug, texts.Title, texts.Summary, texts.Body, texts.Policy, texts.OpensAt, texts.ClosesAt), scope.Access.Actor, http.RequestAborted);
            if (result.Succeeded)
                return HostedPages.SeeOther(http, $"/{language}/staff/consultations/{Uri.EscapeDataString(result.Value.Id)}{OrganisationQuery(scope)}&done=created");
            foreach (var error in result.Errors)
                ConsultationError(error, language, errors, formErrors, null);
        }
        return HostedPages.Render<ConsultationEditPage>(http, NewConsultationModel(http, language, scope, new FormState(values, errors), true) with { FormErrors = formErrors },
            StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ManagedConsultationPageAsync(string lang, string id, HttpContext http, IServiceProvider services)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, consultation, refusal) = await ManagedConsultationAsync(id, http, language, services, redirect: true);
        if (scope is null || consultation is null)
            return refusal!;
        var done = http.Request.Query["done"].ToString();
        return HostedPages.Render<ConsultationEditPage>(http, ManagedConsultationModel(http, language, scope, consultation, null) with
        {
            Notice = ConsultationDone.Contains(done) ? ManageTexts.Get($"notice-{done}", language) : null,
        });
    }

    private static async Task<IResult> SaveConsultationFormAsync(string lang, string id, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services) =>
        await ConsultationActionAsync(lang, id, http, settings, services, async (scope, consultation, form, language) =>
        {
            var (values, errors, texts) = ReadConsultationForm(form, language);
            if (errors.Count > 0)
                return (null, values, errors, "saved");
            var result = await services.GetRequiredService<UpdateConsultation>().ExecuteAsync(new UpdateConsultation.Request(
                consultation.Id, texts.Title, texts.Summary, texts.Body, texts.Policy, texts.OpensAt, texts.ClosesAt, Version(form)), scope.Access.Actor, http.RequestAborted);
            return (result, values, errors, "saved");
        });

    private static async Task<IResult> OpenConsultationFormAsync(string lang, string id, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services) =>
        await ConsultationActionAsync(lang, id, http, settings, services, async (scope, consultation, form, language) =>
            (await services.GetRequiredService<OpenConsultation>().ExecuteAsync(new OpenConsultation.Request(consultation.Id, Version(form)), scope.Access.Actor, http.RequestAborted),
                null, [], "opened"));

    private static async Task<IResult> CloseConsultationFormAsync(string lang, string id, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services) =>
        await ConsultationActionAsync(lang, id, http, settings, services, async (scope, consultation, form, language) =>
            (await services.GetRequiredService<CloseConsultation>().ExecuteAsync(new CloseConsultation.Request(consultation.Id, Version(form)), scope.Access.Actor, http.RequestAborted),
                null, [], "closed"));

    private static async Task<IResult> PublishOutcomeFormAsync(string lang, string id, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services) =>
        await ConsultationActionAsync(lang, id, http, settings, services, async (scope, consultation, form, language) =>
        {
            var values = ManageLanguages.ToDictionary(l => $"outcome-{l}", l => HostedPages.Single(form, $"outcome-{l}") ?? "", StringComparer.Ordinal);
            var result = await services.GetRequiredService<PublishOutcome>().ExecuteAsync(
                new PublishOutcome.Request(consultation.Id, LocalizedFrom(form, "outcome"), Version(form)), scope.Access.Actor, http.RequestAborted);
            return (result, values, [], "outcome");
        });

    /// <summary>
    /// What every consultation form post shares: the cross-site check, who may act on which consultation, reading the form
    /// within its limits, and the answer: back to the page with a notice, or the page again with the errors beside the
    /// fields (the typed values kept), or with the current version when someone else changed it first.
    /// </summary>
    private static async Task<IResult> ConsultationActionAsync(string lang, string id, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services,
        Func<StaffScope, Consultation, IFormCollection, string, Task<(Result<Consultation>? Result, Dictionary<string, string>? Values, Dictionary<string, string> Errors, string Done)>> act)
    {
        var language = HostedPages.TextLanguage(lang);
        if (!CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return HostedPages.CrossSiteRefusal();
        var (scope, consultation, refusal) = await ManagedConsultationAsync(id, http, language, services, redirect: false);
        if (scope is null || consultation is null)
            return refusal!;
        var form = await HostedPages.ReadFormAsync(http, ManageBodyBytes, ManageFormLimits);
        if (form is null)
            return FormUnreadable(http, language);
        var (result, values, errors, done) = await act(scope, consultation, form, language);
        if (result is { Succeeded: true })
            return HostedPages.SeeOther(http, $"/{language}/staff/consultations/{Uri.EscapeDataString(consultation.Id)}{OrganisationQuery(scope)}&done={done}");
        var formErrors = new List<string>();
        var conflict = false;
        foreach (var error in result?.Errors ?? [])
        {
            if (error.Code == ErrorCodes.NotFound && error.Field == "consultationId")
                return ErrorPage(http, language, StatusCodes.Status404NotFound);
            conflict |= error.Code == ErrorCodes.Conflict;
            ConsultationError(error, language, errors, formErrors, consultation);
        }
        if (conflict)
        {
            // The person's change is not applied over someone else's: the page shows what is stored now.
            var current = await services.GetRequiredService<IConsultationStore>().GetAsync(consultation.Id, http.RequestAborted) ?? consultation;
            return HostedPages.Render<ConsultationEditPage>(http, ManagedConsultationModel(http, language, scope, current, null, problem: true) with
            {
                FormErrors = [ManageTexts.Get("conflict", language)],
                Unsaved = [.. (values ?? []).Select(v => (Name: SplitField(v.Key), Text: v.Value))
                    .Where(v => v.Name.Field is "title" or "summary" or "body" or "outcome" && v.Text.Trim().Length > 0)
                    .Select(v => (LabelIn(v.Name.Field, v.Name.Language, language), v.Text))],
            }, StatusCodes.Status409Conflict);
        }
        var outcome = done == "outcome";
        var stored = ManagedConsultationModel(http, language, scope, consultation, null, problem: true);
        return HostedPages.Render<ConsultationEditPage>(http, stored with
        {
            Form = outcome || values is null ? new FormState(stored.Form.Values, outcome ? new Dictionary<string, string>() : errors) : new FormState(values, errors),
            Outcome = outcome ? new FormState(values!, errors) : stored.Outcome,
            FormErrors = formErrors,
        }, StatusCodes.Status400BadRequest);
    }

    /// <summary>The staff member's scope and the consultation, when they may manage it; else the sign-in redirect, 403 or 404.</summary>
    private static async Task<(StaffScope? Scope, Consultation? Consultation, IResult? Refusal)> ManagedConsultationAsync(
        string id, HttpContext http, string language, IServiceProvider services, bool redirect)
    {
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.ManageConsultations,
            services.GetRequiredService<IStaffStore>(), services.GetRequiredService<IOrganisationStore>());
        if (scope is null)
            return (null, null, refusal);
        var consultation = await services.GetRequiredService<IConsultationStore>().GetAsync(id, http.RequestAborted);
        if (consultation is null)
            return (null, null, ErrorPage(http, language, StatusCodes.Status404NotFound));
        return consultation.OrganisationId == scope.Organisation.Id ? (scope, consultation, null)
            : (null, null, OtherOrganisation(http, language, scope, consultation.OrganisationId, Permission.ManageConsultations, redirect));
    }

    /// <summary>
    /// A link to something of another of the person's organisations (a bookmark, an address without its organisation) goes
    /// there when they may manage it; otherwise, and for any form posted to the wrong organisation, the 403 page.
    /// </summary>
    private static IResult OtherOrganisation(HttpContext http, string language, StaffScope scope, string organisationId, Permission permission, bool redirect) =>
        redirect && scope.Access.Can(organisationId, permission)
            ? HostedPages.SeeOther(http, $"{http.Request.Path}?organisationId={Uri.EscapeDataString(organisationId)}")
            : ErrorPage(http, language, StatusCodes.Status403Forbidden);

    private static ConsultationEditPageModel ManagedConsultationModel(HttpContext http, string language, StaffScope scope, Consultation c, FormState? form, bool problem = false)
    {
        var path = $"/staff/consultations/{Uri.EscapeDataString(c.Id)}";
        var action = $"/{language}{path}";
        var query = OrganisationQuery(scope);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["policy"] = c.IdentityPolicy.ToString(),
            ["opens-at"] = c.OpensAt is { } opens ? opens.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
            // Stored as the first instant after the closing day; shown as that day.
            ["closes-at"] = c.ClosesAt is { } closes ? closes.UtcDateTime.AddTicks(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
        };
        foreach (var l in ManageLanguages)
        {
            values[$"title-{l}"] = c.Title.TryGetValue(l, out var t) ? t : "";
            values[$"summary-{l}"] = c.Summary.TryGetValue(l, out var s) ? s : "";
            values[$"body-{l}"] = c.Body.TryGetValue(l, out var b) ? b : "";
        }
        var outcome = ManageLanguages.ToDictionary(l => $"outcome-{l}", l => c.Outcome.TryGetValue(l, out var o) ? o : "", StringComparer.Ordinal);
        var title = ManageTexts.Format("consultation-edit-title", language, c.Title.In(language) ?? c.Slug);
        return new ConsultationEditPageModel(ManagePage(http, language, title, scope, path, problem), title, ListUrl(language, scope), action + query,
            form ?? new FormState(values, new Dictionary<string, string>()))
        {
            Status = c.Status.ToString(),
            Slug = c.Slug,
            Version = c.Version,
            PublicUrl = c.Status == ConsultationStatus.Draft ? null : $"/{language}/consultations/{Uri.EscapeDataString(c.Id)}",
            OpenAction = c.Status == ConsultationStatus.Draft ? $"{action}/open{query}" : null,
            CloseAction = c.Status == ConsultationStatus.Open ? $"{action}/close{query}" : null,
            OutcomeAction = c.Status is ConsultationStatus.Closed or ConsultationStatus.OutcomePublished ? $"{action}/outcome{query}" : null,
            Outcome = new FormState(outcome, new Dictionary<string, string>()),
        };
    }

    private sealed record ConsultationTexts(LocalizedText Title, LocalizedText Summary, LocalizedText Body, IdentityPolicy Policy, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt);

    /// <summary>The consultation form's values as typed, the errors the page itself finds (a date it cannot read), and what the core takes.</summary>
    private static (Dictionary<string, string> Values, Dictionary<string, string> Errors, ConsultationTexts Texts) ReadConsultationForm(IFormCollection form, string language)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "slug", "policy", "opens-at", "closes-at" }.Concat(ManageLanguages.SelectMany(l => new[] { $"title-{l}", $"summary-{l}", $"body-{l}" })))
            values[name] = HostedPages.Single(form, name) ?? "";
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var policy = IdentityPolicy.AnonymousAllowed;
        if (values["policy"].Length > 0 && !TryParseName(values["policy"], out policy))
            errors["policy"] = ManageTexts.Format("err-choice", language, ManageTexts.Get("policy", language));
        var opensAt = ReadDate(values, "opens-at", "opens-on", language, errors);
        var closesAt = ReadDate(values, "closes-at", "closes-on", language, errors)?.AddDays(1);
        return (values, errors, new ConsultationTexts(LocalizedFrom(form, "title"), LocalizedFrom(form, "summary"), LocalizedFrom(form, "body"), policy, opensAt, closesAt));
    }

    private static DateTimeOffset? ReadDate(Dictionary<string, string> values, string name, string label, string language, Dictionary<string, string> errors)
    {
        var text = values[name].Trim();
        if (text.Length == 0)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        errors[name] = ManageTexts.Format("err-date", language, ManageTexts.Get(label, language));
        return null;
    }

    /// <summary>A text per language from "{field}-en" and "{field}-fr"; a language left blank is absent, so the core says it is missing.</summary>
    private static LocalizedText LocalizedFrom(IFormCollection form, string field) =>
        new(ManageLanguages.Select(l => (Language: l, Text: HostedPages.Single(form, $"{field}-{l}")))
            .Where(p => !string.IsNullOrWhiteSpace(p.Text)).Select(p => KeyValuePair.Create(p.Language, p.Text!)));

    // Only the member names: Enum.TryParse would also take "7", a value no member has, and lists ("Spam,Offensive").
    private static bool TryParseName<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return text is not null && Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal) && Enum.TryParse(text, out value);
    }

    private static int Version(IFormCollection form) =>
        int.TryParse(HostedPages.Single(form, "version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;

    /// <summary>A core error on a consultation form, in the page's words, beside its field or above the form.</summary>
    private static void ConsultationError(Error error, string language, Dictionary<string, string> errors, List<string> formErrors, Consultation? current)
    {
        var (root, lang) = SplitLanguage(error.Field);
        switch (root)
        {
            case "slug":
                errors.TryAdd("slug", SlugError(error.Code, language));
                break;
            case "title" or "summary" or "body" or "outcome":
                foreach (var l in lang is null ? ManageLanguages : [lang])
                    errors.TryAdd($"{root}-{l}", TextError(error.Code, language, LabelIn(root, l, language), LimitOf(root)));
                break;
            case "identityPolicy":
                errors.TryAdd("policy", ManageTexts.Format("err-choice", language, ManageTexts.Get("policy", language)));
                break;
            case "closesAt":
                errors.TryAdd("closes-at", ManageTexts.Get("err-closes", language));
                break;
            default:
                formErrors.Add(StateError(error, language, current is null ? null : ManageTexts.Get($"status-{current.Status}", language)));
                break;
        }
    }

    private static string StateError(Error error, string language, string? status) => error.Code switch
    {
        ErrorCodes.Conflict => ManageTexts.Get("conflict", language),
        ErrorCodes.InvalidState when status is not null => ManageTexts.Format("invalid-state", language, status),
        _ => ManageTexts.Get("form-unreadable", language),
    };

    private static string SlugError(string code, string language) => code switch
    {
        ErrorCodes.Duplicate => ManageTexts.Get("err-slug-taken", language),
        ErrorCodes.Required => ManageTexts.Format("err-required", language, ManageTexts.Get("slug", language)),
        _ => ManageTexts.Get("err-slug-format", language),
    };

    /// <summary>A text field's error: missing, too long, or holding characters no person types.</summary>
    private static string TextError(string code, string language, string label, int limit) => code switch
    {
        ErrorCodes.Required => ManageTexts.Format("err-required", language, label),
        ErrorCodes.TooLong => ManageTexts.Format("err-too-long", language, label, limit),
        ErrorCodes.InvalidFormat => ManageTexts.Format("err-format", language, label),
        _ => ManageTexts.Format("err-check", language, label),
    };

    private static string LabelIn(string field, string lang, string language) =>
        ManageTexts.Format("field-in", language, ManageTexts.Get(field, language), ManageTexts.Get($"lang-{lang}", language));

    private static int LimitOf(string field) => field switch
    {
        "title" => TextLimits.Title,
        "summary" or "description" => TextLimits.Summary,
        "prompt" => TextLimits.QuestionPrompt,
        "options" => TextLimits.OptionLabel,
        _ => TextLimits.Body,
    };

    /// <summary>A form field's name, "title-fr", as ("title", "fr").</summary>
    private static (string Field, string Language) SplitField(string name) =>
        name.LastIndexOf('-') is var dash and > 0 ? (name[..dash], name[(dash + 1)..]) : (name, "");

    /// <summary>"title.fr" as ("title", "fr"); "title" as ("title", null).</summary>
    private static (string Root, string? Language) SplitLanguage(string field) =>
        field.LastIndexOf('.') is var dot and > 0 && ManageLanguages.Contains(field[(dot + 1)..]) ? (field[..dot], field[(dot + 1)..]) : (field, null);

    /// <summary>A slug from a title: its letters without accents and its digits, joined by single hyphens, within the limit.</summary>
    private static string SlugFrom(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                slug.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        var text = slug.ToString();
        return (text.Length > TextLimits.Slug ? text[..TextLimits.Slug] : text).Trim('-');
    }

    private static string OrganisationQuery(StaffScope scope) => $"?organisationId={Uri.EscapeDataString(scope.Organisation.Id)}";

    private static string ListUrl(string language, StaffScope scope) => $"/{language}/staff/consultations{OrganisationQuery(scope)}";

    /// <summary>
    /// The area's page frame. Its other-language link and organisation switch lead to pages that exist even when this one
    /// answers a form post: the same page by GET, and the area's list (a consultation belongs to one organisation).
    /// </summary>
    private static PortalPage ManagePage(HttpContext http, string language, string title, StaffScope scope, string path, bool problem)
    {
        var page = StaffPage(http, language, title, "consultations", scope, HttpMethods.IsGet(http.Request.Method) ? null : path);
        page = page with { Staff = page.Staff! with { SwitchAction = $"/{language}/staff/consultations" } };
        return problem ? WithProblem(page) : page;
    }

    private static IResult FormUnreadable(HttpContext http, string language) =>
        Results.Text(ManageTexts.Get("form-unreadable", language), "text/plain; charset=utf-8",
            statusCode: HostedPages.FormProblemStatus(http));
}
