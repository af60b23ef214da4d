using Engagement.Api.Auth;
using Engagement.Api.Composition;
using Engagement.Core.Common;
using Engagement.Core.Email;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Core.Widgets;
using Engagement.Web.Staff;
using Engagement.Web.Staff.Services;

namespace Engagement.Api.Portal;

// The workspace's services area: an organisation's services (bilingual names) and each service's widget keys, with the
// embed snippet to copy. Admins only (ManageServices). Every form posts to an address carrying ?organisationId=, so the
// one StaffScopeAsync decides sign-in and 403 for reads and writes alike; a service or key of another organisation is 404.
internal static partial class PortalEndpoints
{
    // Twenty origins of 300 characters, percent-encoded, fit; so do a name of 200 four-byte characters per language.
    private const int ServicesBodyBytes = 32 * 1024;

    private static readonly Microsoft.AspNetCore.Http.Features.FormOptions ServicesFormLimits = new()
    {
        ValueCountLimit = 16, KeyLengthLimit = 64, ValueLengthLimit = ServicesBodyBytes, BufferBody = false,
    };

    private static readonly string[] ServiceNotices = ["created", "updated", "key-created", "key-updated", "key-disabled", "key-enabled"];

    private static void MapServicesPages(RouteGroupBuilder pages)
    {
        pages.MapGet("/staff/services", ServicesAsync).WithName("StaffServices").WithSummary("An organisation's services, and the form that adds one.");
        pages.MapPost("/staff/services", CreateServiceAsync).WithName("StaffCreateService").WithSummary("Adds a service from the services page.")
            .RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapGet("/staff/services/{serviceId}", ServiceKeysAsync).WithName("StaffService")
            .WithSummary("A service in the workspace: its names, its widget keys with their embed snippets, and the form that creates a key.");
        pages.MapPost("/staff/services/{serviceId}", UpdateServiceAsync).WithName("StaffUpdateService").WithSummary("Renames a service from its page.")
            .RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/services/{serviceId}/keys", CreateWidgetKeyAsync).WithName("StaffCreateWidgetKey")
            .WithSummary("Creates a widget key for the service with its allowed origins.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/services/{serviceId}/keys/{keyId}", UpdateWidgetKeyAsync).WithName("StaffUpdateWidgetKey")
            .WithSummary("Changes a widget key's allowed origins.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        // A form's answer page links to itself in the other language, and sign-in comes back to where it was asked: the
        // forms' own addresses, read, lead to the service's page.
        pages.MapGet("/staff/services/{serviceId}/keys/{**rest}", (string lang, string serviceId, HttpContext http) =>
            HostedPages.SeeOther(http, $"/{HostedPages.TextLanguage(lang)}/staff/services/{Uri.EscapeDataString(serviceId)}{http.Request.QueryString}"))
            .WithName("StaffWidgetKeysForms").WithSummary("Sends a reader of a widget key form's address to the service's page.");
        pages.MapPost("/staff/services/{serviceId}/keys/{keyId}/enabled", SetWidgetKeyEnabledAsync).WithName("StaffSetWidgetKeyEnabled")
            .WithSummary("Disables a widget key or enables it again.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
    }

    private static async Task<IResult> ServicesAsync(
        string lang, HttpContext http, IStaffStore staff, IOrganisationStore organisations, IServiceStore services, IWidgetKeyStore keys, SupportedLanguages languages)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.ManageServices, staff, organisations);
        if (scope is null)
            return refusal!;
        return await ServicesPageAsync(http, language, scope, services, keys, NameFields(language, languages, null), null, []);
    }

    private static async Task<IResult> CreateServiceAsync(
        string lang, HttpContext http, Settings.EngagementSettings settings, IStaffStore staff, IOrganisationStore organisations, IServiceStore services,
        IWidgetKeyStore keys, SupportedLanguages languages, CreateService create)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffPostScopeAsync(http, language, Permission.ManageServices, settings, staff, organisations);
        if (scope is null)
            return refusal!;
        var form = await HostedPages.ReadFormAsync(http, ServicesBodyBytes, ServicesFormLimits);
        var slug = form is null ? null : HostedPages.Single(form, "slug");
        var names = NameFields(language, languages, form);
        if (form is null)
            return await ServicesPageAsync(http, language, scope, services, keys, names, slug, [new("slug", ServicesTexts.Get("error-form", language))]);

        var result = await create.ExecuteAsync(new CreateService.Request(scope.Organisation.Id, slug?.Trim() ?? "", Localized(names)), scope.Access.Actor, http.RequestAborted);
        if (result.Succeeded)
            return HostedPages.SeeOther(http, $"{ServiceUrl(language, result.Value)}&done=created");
        var errors = result.Errors.Select(e => e switch
        {
            { Field: "slug", Code: ErrorCodes.Duplicate } => new FieldError("slug", ServicesTexts.Get("error-slug-taken", language)),
            { Field: "slug" } => new FieldError("slug", ServicesTexts.Get("error-slug", language)),
            _ => NameError(e, names, language),
        }).Distinct().ToList();
        return await ServicesPageAsync(http, language, scope, services, keys, names, slug, errors);
    }

    private static async Task<IResult> ServicesPageAsync(
        HttpContext http, string language, StaffScope scope, IServiceStore services, IWidgetKeyStore keys, IReadOnlyList<NameField> names, string? slug,
        IReadOnlyList<FieldError> errors)
    {
        var rows = new List<ServiceRow>();
        foreach (var service in await services.ListByOrganisationAsync(scope.Organisation.Id, http.RequestAborted))
        {
            var serviceKeys = await keys.ListByServiceAsync(service.Id, http.RequestAborted);
            rows.Add(new ServiceRow(service.Name.In(language) ?? service.Slug, service.Slug, ServiceUrl(language, service),
                $"/{language}/services/{Uri.EscapeDataString(service.Id)}", serviceKeys.Count(k => k.Enabled), serviceKeys.Count));
        }
        var title = StaffTexts.Get("nav-services", language);
        var page = StaffPage(http, language, errors.Count > 0 ? $"{StaffTexts.Get("errors", language)} – {title}" : title, "services", scope);
        return HostedPages.Render<ServicesPage>(http, new ServicesPageModel(page, scope.Organisation.Name.In(language) ?? scope.Organisation.Slug,
            $"/{language}/staff/services?organisationId={Uri.EscapeDataString(scope.Organisation.Id)}", rows, names)
        {
            Slug = slug, Errors = errors,
        }, errors.Count > 0 ? HostedPages.FormProblemStatus(http) : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ServiceKeysAsync(
        string lang, string serviceId, HttpContext http, IStaffStore staff, IOrganisationStore organisations, IServiceStore services, IWidgetKeyStore keys,
        SupportedLanguages languages, PublicLinks links)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.ManageServices, staff, organisations);
        if (scope is null)
            return refusal!;
        if (await ServiceOfAsync(scope, serviceId, services, http) is not { } service)
            return ErrorPage(http, language, StatusCodes.Status404NotFound);
        var done = http.Request.Query["done"].ToString();
        var model = await ServiceKeysPageAsync(http, language, scope, service, keys, links, NameFields(language, languages, null, service.Name), []);
        return Render(http, model with { Notice = ServiceNotices.Contains(done) ? ServicesTexts.Get($"done-{done}", language) : null });
    }

    private static async Task<IResult> UpdateServiceAsync(
        string lang, string serviceId, HttpContext http, Settings.EngagementSettings settings, IStaffStore staff, IOrganisationStore organisations,
        IServiceStore services, IWidgetKeyStore keys, SupportedLanguages languages, PublicLinks links, UpdateService update)
    {
        var (post, refusal) = await ServicePostAsync(lang, serviceId, http, settings, staff, organisations, services);
        if (post is null)
            return refusal!;
        var (language, scope, service) = post;
        var form = await HostedPages.ReadFormAsync(http, ServicesBodyBytes, ServicesFormLimits);
        var names = NameFields(language, languages, form);
        List<FieldError> errors;
        if (form is null)
            errors = [new(names[0].Id, ServicesTexts.Get("error-form", language))];
        else
        {
            // The description is not on this form: it stays as it is.
            var result = await update.ExecuteAsync(new UpdateService.Request(service.Id, Localized(names), service.Description), scope.Access.Actor, http.RequestAborted);
            if (result.Succeeded)
                return HostedPages.SeeOther(http, $"{ServiceUrl(language, service)}&done=updated#names");
            errors = [.. result.Errors.Select(e => NameError(e, names, language)).Distinct()];
        }
        return Render(http, await ServiceKeysPageAsync(http, language, scope, service, keys, links, names, errors));
    }

    private static async Task<IResult> CreateWidgetKeyAsync(
        string lang, string serviceId, HttpContext http, Settings.EngagementSettings settings, IStaffStore staff, IOrganisationStore organisations,
        IServiceStore services, IWidgetKeyStore keys, SupportedLanguages languages, PublicLinks links, CreateWidgetKey create)
    {
        var (post, refusal) = await ServicePostAsync(lang, serviceId, http, settings, staff, organisations, services);
        if (post is null)
            return refusal!;
        var (language, scope, service) = post;
        var form = await HostedPages.ReadFormAsync(http, ServicesBodyBytes, ServicesFormLimits);
        var typed = form is null ? null : HostedPages.Single(form, "origins");
        var errors = form is null ? [new FieldError("origins", ServicesTexts.Get("error-form", language))] : OriginErrors("origins", typed, language);
        if (errors.Count == 0)
        {
            var result = await create.ExecuteAsync(new CreateWidgetKey.Request(service.Id, OriginLines(typed)), scope.Access.Actor, http.RequestAborted);
            if (result.Succeeded)
                return HostedPages.SeeOther(http, $"{ServiceUrl(language, service)}&done=key-created#key-{result.Value.Id}");
            // The page checked every origin with the core's own rules; anything else the core refuses is said plainly.
            errors = [new FieldError("origins", ServicesTexts.Get("error-form", language))];
        }
        var model = await ServiceKeysPageAsync(http, language, scope, service, keys, links, NameFields(language, languages, null, service.Name), errors);
        return Render(http, model with { NewOrigins = typed });
    }

    private static async Task<IResult> UpdateWidgetKeyAsync(
        string lang, string serviceId, string keyId, HttpContext http, Settings.EngagementSettings settings, IStaffStore staff, IOrganisationStore organisations,
        IServiceStore services, IWidgetKeyStore keys, SupportedLanguages languages, PublicLinks links, UpdateWidgetKey update)
    {
        var (post, refusal) = await ServicePostAsync(lang, serviceId, http, settings, staff, organisations, services);
        if (post is null)
            return refusal!;
        var (language, scope, service) = post;
        if (await keys.GetAsync(keyId, http.RequestAborted) is not { } key || key.ServiceId != service.Id)
            return ErrorPage(http, language, StatusCodes.Status404NotFound);
        var form = await HostedPages.ReadFormAsync(http, ServicesBodyBytes, ServicesFormLimits);
        var typed = form is null ? null : HostedPages.Single(form, "origins");
        var fieldId = $"origins-{key.Id}";
        var errors = form is null ? [new FieldError(fieldId, ServicesTexts.Get("error-form", language))] : OriginErrors(fieldId, typed, language);
        if (errors.Count == 0)
        {
            var result = await update.ExecuteAsync(new UpdateWidgetKey.Request(key.Id, OriginLines(typed)), scope.Access.Actor, http.RequestAborted);
            if (result.Succeeded)
                return HostedPages.SeeOther(http, $"{ServiceUrl(language, service)}&done=key-updated#key-{key.Id}");
            errors = [new FieldError(fieldId, ServicesTexts.Get("error-form", language))];
        }
        var model = await ServiceKeysPageAsync(http, language, scope, service, keys, links, NameFields(language, languages, null, service.Name), errors);
        return Render(http, model with
        {
            Keys = [.. model.Keys.Select(k => k.Id == key.Id ? k with { OriginsText = typed ?? "", Editing = true } : k)],
        });
    }

    private static async Task<IResult> SetWidgetKeyEnabledAsync(
        string lang, string serviceId, string keyId, HttpContext http, Settings.EngagementSettings settings, IStaffStore staff, IOrganisationStore organisations,
        IServiceStore services, IWidgetKeyStore keys, SupportedLanguages languages, PublicLinks links, SetWidgetKeyEnabled setEnabled)
    {
        var (post, refusal) = await ServicePostAsync(lang, serviceId, http, settings, staff, organisations, services);
        if (post is null)
            return refusal!;
        var (language, scope, service) = post;
        if (await keys.GetAsync(keyId, http.RequestAborted) is not { } key || key.ServiceId != service.Id)
            return ErrorPage(http, language, StatusCodes.Status404NotFound);
        var form = await HostedPages.ReadFormAsync(http, 1024, StaffFormLimits);
        if (form is null)
        {
            var unread = new FieldError($"origins-{key.Id}", ServicesTexts.Get("error-form", language));
            return Render(http, await ServiceKeysPageAsync(http, language, scope, service, keys, links, NameFields(language, languages, null, service.Name), [unread]));
        }
        // Only the page's own two buttons send this form; anything else changes nothing and shows the page again.
        var enabledText = HostedPages.Single(form, "enabled");
        if (enabledText is not ("true" or "false"))
            return HostedPages.SeeOther(http, ServiceUrl(language, service));
        var enabled = enabledText == "true";
        var result = await setEnabled.ExecuteAsync(new SetWidgetKeyEnabled.Request(key.Id, enabled), scope.Access.Actor, http.RequestAborted);
        if (!result.Succeeded)
            return ErrorPage(http, language, StatusCodes.Status404NotFound);
        return HostedPages.SeeOther(http, $"{ServiceUrl(language, service)}&done={(enabled ? "key-enabled" : "key-disabled")}#key-{key.Id}");
    }

    /// <summary>What every form posted on one service's page starts from: the language, the staff scope that may manage services, and the service.</summary>
    private sealed record ServicePost(string Language, StaffScope Scope, Service Service);

    /// <summary>The <see cref="ServicePost"/> of a posted form, or the answer that refuses it (not signed in, not allowed, another site, no such service).</summary>
    private static async Task<(ServicePost? Post, IResult? Refusal)> ServicePostAsync(
        string lang, string serviceId, HttpContext http, Settings.EngagementSettings settings, IStaffStore staff, IOrganisationStore organisations,
        IServiceStore services)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffPostScopeAsync(http, language, Permission.ManageServices, settings, staff, organisations);
        if (scope is null)
            return (null, refusal);
        if (await ServiceOfAsync(scope, serviceId, services, http) is not { } service)
            return (null, ErrorPage(http, language, StatusCodes.Status404NotFound));
        return (new ServicePost(language, scope, service), null);
    }

    private static async Task<ServiceKeysPageModel> ServiceKeysPageAsync(
        HttpContext http, string language, StaffScope scope, Service service, IWidgetKeyStore keys, PublicLinks links, IReadOnlyList<NameField> names,
        IReadOnlyList<FieldError> errors)
    {
        var name = service.Name.In(language) ?? service.Slug;
        var page = StaffPage(http, language, errors.Count > 0 ? $"{StaffTexts.Get("errors", language)} – {name}" : name, "services", scope);
        var here = ServiceUrl(language, service);
        var path = $"/{language}/staff/services/{Uri.EscapeDataString(service.Id)}";
        var organisation = $"?organisationId={Uri.EscapeDataString(scope.Organisation.Id)}";
        var views = (await keys.ListByServiceAsync(service.Id, http.RequestAborted)).Select(k => new WidgetKeyView(
            k.Id, k.Key, k.Enabled, k.AllowedOrigins, Widgets.WidgetSnippet.For(links, k.Key, ServicesTexts.Get("snippet-link", language)),
            $"{path}/keys/{Uri.EscapeDataString(k.Id)}{organisation}", $"{path}/keys/{Uri.EscapeDataString(k.Id)}/enabled{organisation}")).ToList();
        return new ServiceKeysPageModel(page, name, service.Slug, $"/{language}/staff/services{organisation}", $"/{language}/services/{Uri.EscapeDataString(service.Id)}",
            here, $"{path}/keys{organisation}", names, views)
        {
            Errors = errors,
        };
    }

    private static IResult Render(HttpContext http, ServiceKeysPageModel model) =>
        HostedPages.Render<ServiceKeysPage>(http, model, model.Errors.Count > 0 ? HostedPages.FormProblemStatus(http) : StatusCodes.Status200OK);

    /// <summary>The service when it belongs to the page's organisation; another organisation's is as if it did not exist.</summary>
    private static async Task<Service?> ServiceOfAsync(StaffScope scope, string serviceId, IServiceStore services, HttpContext http) =>
        await services.GetAsync(serviceId, http.RequestAborted) is { } service && service.OrganisationId == scope.Organisation.Id ? service : null;

    private static string ServiceUrl(string language, Service service) =>
        $"/{language}/staff/services/{Uri.EscapeDataString(service.Id)}?organisationId={Uri.EscapeDataString(service.OrganisationId)}";

    /// <summary>A name field per offered language: what the form sent, else the stored name, else empty.</summary>
    private static List<NameField> NameFields(string language, SupportedLanguages languages, IFormCollection? form, LocalizedText? stored = null) =>
        [.. languages.Select(l => new NameField(l,
            l is "en" or "fr" ? ServicesTexts.Get($"name-{l}", language) : ServicesTexts.Format("name-other", language, l),
            form is not null ? HostedPages.Single(form, $"name-{l}") : stored is not null && stored.TryGetValue(l, out var text) ? text : null))];

    private static LocalizedText Localized(IEnumerable<NameField> names) =>
        new(names.Select(n => new KeyValuePair<string, string>(n.Language, n.Value?.Trim() ?? "")));

    private static FieldError NameError(Error error, IReadOnlyList<NameField> names, string language) =>
        error.Field.StartsWith("name.", StringComparison.Ordinal) && names.FirstOrDefault(n => n.Language == error.Field["name.".Length..]) is { } field
            ? new FieldError(field.Id, ServicesTexts.Get("error-name", language))
            : new FieldError(names[0].Id, ServicesTexts.Get(error.Field == "name" ? "error-name" : "error-form", language));

    private static List<string> OriginLines(string? typed) =>
        [.. (typed ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>
    /// The origins' problems in the page's language, one per line that is not an origin, checked with the core's own
    /// rules (<see cref="WidgetOrigins"/>) so the page names each bad line where the core would only say "invalid".
    /// </summary>
    private static List<FieldError> OriginErrors(string fieldId, string? typed, string language)
    {
        var lines = OriginLines(typed);
        if (lines.Count == 0)
            return [new(fieldId, ServicesTexts.Get("error-origins-required", language))];
        if (lines.Count > WidgetKey.MaxOrigins)
            return [new(fieldId, ServicesTexts.Format("error-origins-many", language, WidgetKey.MaxOrigins))];
        return [.. lines.Where(l => WidgetOrigins.Normalise(l, out _) is null)
            .Select(l => new FieldError(fieldId, ServicesTexts.Format("error-origin", language, Validator.Truncate(l))))];
    }
}
