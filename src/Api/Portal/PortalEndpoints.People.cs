using Engagement.Api.Composition;
using Engagement.Core.ApiTokens;
using Engagement.Core.Common;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Web.Portal;
using Engagement.Web.Staff;
using Engagement.Web.Staff.People;

namespace Engagement.Api.Portal;

// The workspace's people area: the organisation's staff (add one with a role; the generated password is shown once) and
// its API tokens (create one, its secret shown once; revoke one after a confirmation step). Admins only: ManageStaff
// opens the page, ManageApiTokens the tokens. A secret appears only on the page answering the POST that made it, which,
// like every page, is sent with Cache-Control: no-store; it never goes into an address or a log.
internal static partial class PortalEndpoints
{
    private static readonly Role[] StaffRoles = [Role.Moderator, Role.Analyst, Role.Admin];
    private static readonly Role[] TokenRoles = [Role.Citizen, Role.Moderator, Role.Analyst, Role.Admin];

    private static void MapPeoplePages(RouteGroupBuilder pages)
    {
        pages.MapGet("/staff/people", PeopleAsync).WithName("StaffPeople")
            .WithSummary("An organisation's staff and API tokens, with the forms that add a staff member and create a token.");
        pages.MapPost("/staff/people", AddStaffMemberAsync).WithName("StaffAddMember")
            .WithSummary("Adds a staff member with a role; the answer shows their generated password once.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/people/tokens", CreateApiTokenAsync).WithName("StaffCreateApiToken")
            .WithSummary("Creates an API token; the answer shows its secret once.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        // The token form's answer page links to itself in the other language: read, that address leads to the people page.
        pages.MapGet("/staff/people/tokens", (string lang, HttpContext http) =>
            HostedPages.SeeOther(http, $"/{HostedPages.TextLanguage(lang)}/staff/people{http.Request.QueryString}"))
            .WithName("StaffApiTokensForm").WithSummary("Sends a reader of the token form's address to the people page.");
        pages.MapGet("/staff/people/tokens/{tokenId}/revoke", RevokeApiTokenPageAsync).WithName("StaffRevokeApiTokenPage")
            .WithSummary("Asks to confirm before an API token is revoked.");
        pages.MapPost("/staff/people/tokens/{tokenId}/revoke", RevokeApiTokenAsync).WithName("StaffRevokeApiToken")
            .WithSummary("Revokes an API token once confirmed.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
    }

    private static async Task<IResult> PeopleAsync(string lang, HttpContext http, IStaffStore staff, IOrganisationStore organisations, IApiTokenStore tokens, TimeProvider clock)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.ManageStaff, staff, organisations);
        if (scope is null)
            return refusal!;
        var model = await PeopleModelAsync(http, language, scope, staff, tokens, clock, []);
        return RenderPeople(http, model with { Notice = http.Request.Query["done"] == "revoked" ? PeopleTexts.Get("done-revoked", language) : null });
    }

    private static async Task<IResult> AddStaffMemberAsync(
        string lang, HttpContext http, Settings.EngagementSettings settings, IStaffStore staff, IOrganisationStore organisations, IApiTokenStore tokens,
        TimeProvider clock, CreateStaffMember create)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffPostScopeAsync(http, language, Permission.ManageStaff, settings, staff, organisations);
        if (scope is null)
            return refusal!;
        var form = await HostedPages.ReadFormAsync(http, 8 * 1024, StaffFormLimits);
        var (email, name, roleText) = form is null ? (null, null, null)
            : (HostedPages.Single(form, "email")?.Trim(), HostedPages.Single(form, "displayName")?.Trim(), HostedPages.Single(form, "role"));
        var role = ChosenRole(roleText, StaffRoles);
        IReadOnlyList<Error> problems;
        if (form is null)
            problems = [new("form", ErrorCodes.InvalidFormat, "")];
        else if (role is null)
        {
            // Nothing is created without a role; the same checks the core makes tell the other fields' problems at once.
            var v = new Validator();
            v.Email("email", email);
            v.RequiredText("displayName", name, TextLimits.Name);
            problems = [.. v.Errors, new("role", ErrorCodes.Required, "")];
        }
        else
        {
            var result = await create.ExecuteAsync(new CreateStaffMember.Request(email ?? "", name ?? "", [new RoleGrant(scope.Organisation.Id, role.Value)]),
                scope.Access.Actor, http.RequestAborted);
            if (result.Succeeded)
            {
                var created = result.Value;
                var done = await PeopleModelAsync(http, language, scope, staff, tokens, clock, []);
                return RenderPeople(http, done with
                {
                    Secret = new OneTimeSecret(PeopleTexts.Format("staff-added", language, created.Member.Email, PeopleTexts.Get($"role-{role}", language)),
                        PeopleTexts.Get("password-once-title", language), PeopleTexts.Get("password-once", language), PeopleTexts.Get("password-label", language),
                        created.GeneratedPassword!),
                });
            }
            problems = result.Errors;
        }
        var errors = problems.Select(e => e switch
        {
            { Field: "form" } => new FieldError("email", PeopleTexts.Get("error-form", language)),
            { Field: "email", Code: ErrorCodes.Duplicate } => new FieldError("email", PeopleTexts.Get("error-email-taken", language)),
            { Field: "email" } => new FieldError("email", PeopleTexts.Get("error-email", language)),
            { Field: "displayName" } => new FieldError("displayName", PeopleTexts.Get("error-display-name", language)),
            _ => new FieldError("role", PeopleTexts.Get("error-role", language)),
        }).ToList();
        var model = await PeopleModelAsync(http, language, scope, staff, tokens, clock, [.. errors.Distinct()]);
        return RenderPeople(http, model with { Email = email, DisplayName = name, StaffRole = roleText });
    }

    private static async Task<IResult> CreateApiTokenAsync(
        string lang, HttpContext http, Settings.EngagementSettings settings, IStaffStore staff, IOrganisationStore organisations, IApiTokenStore tokens,
        TimeProvider clock, CreateApiToken create)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffPostScopeAsync(http, language, Permission.ManageApiTokens, settings, staff, organisations);
        if (scope is null)
            return refusal!;
        var form = await HostedPages.ReadFormAsync(http, 8 * 1024, StaffFormLimits);
        var (name, roleText) = form is null ? (null, null) : (HostedPages.Single(form, "tokenName")?.Trim(), HostedPages.Single(form, "tokenRole"));
        var role = ChosenRole(roleText, TokenRoles);
        var errors = new List<FieldError>();
        if (form is null)
            errors.Add(new("tokenName", PeopleTexts.Get("error-form", language)));
        else
        {
            var v = new Validator();
            v.RequiredText("tokenName", name, TextLimits.Name);
            if (v.HasErrors)
                errors.Add(new("tokenName", PeopleTexts.Get("error-token-name", language)));
            if (role is null)
                errors.Add(new("tokenRole", PeopleTexts.Get("error-role", language)));
        }
        if (errors.Count == 0)
        {
            var result = await create.ExecuteAsync(new CreateApiToken.Request(scope.Organisation.Id, name!, role!.Value, null), scope.Access.Actor, http.RequestAborted);
            if (result.Succeeded)
            {
                var done = await PeopleModelAsync(http, language, scope, staff, tokens, clock, []);
                return RenderPeople(http, done with
                {
                    Secret = new OneTimeSecret(PeopleTexts.Format("token-created", language, result.Value.Token.Name), PeopleTexts.Get("secret-once-title", language),
                        PeopleTexts.Get("secret-once", language), PeopleTexts.Get("secret-label", language), result.Value.Secret),
                });
            }
            errors.AddRange(result.Errors.Select(e => e.Field == "role"
                ? new FieldError("tokenRole", PeopleTexts.Get("error-role", language))
                : new FieldError("tokenName", PeopleTexts.Get(e.Field == "name" ? "error-token-name" : "error-form", language))));
        }
        var model = await PeopleModelAsync(http, language, scope, staff, tokens, clock, [.. errors.Distinct()]);
        return RenderPeople(http, model with { TokenName = name, TokenRole = roleText });
    }

    private static async Task<IResult> RevokeApiTokenPageAsync(
        string lang, string tokenId, HttpContext http, IStaffStore staff, IOrganisationStore organisations, IApiTokenStore tokens)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.ManageApiTokens, staff, organisations);
        if (scope is null)
            return refusal!;
        if (await TokenOfAsync(scope, tokenId, tokens, http) is not { } token)
            return ErrorPage(http, language, StatusCodes.Status404NotFound);
        var list = PeopleUrl(language, scope) + "#tokens";
        // A revoked token has nothing left to confirm.
        if (token.RevokedAt is not null)
            return HostedPages.SeeOther(http, list);
        return HostedPages.Render<RevokeTokenPage>(http, new RevokeTokenPageModel(
            StaffPage(http, language, PeopleTexts.Format("revoke-title", language, token.Name), "people", scope), token.Name, token.Prefix,
            $"/{language}/staff/people/tokens/{Uri.EscapeDataString(token.Id)}/revoke?organisationId={Uri.EscapeDataString(scope.Organisation.Id)}", list));
    }

    private static async Task<IResult> RevokeApiTokenAsync(
        string lang, string tokenId, HttpContext http, Settings.EngagementSettings settings, IStaffStore staff, IOrganisationStore organisations,
        IApiTokenStore tokens, RevokeApiToken revoke)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffPostScopeAsync(http, language, Permission.ManageApiTokens, settings, staff, organisations);
        if (scope is null)
            return refusal!;
        if (await TokenOfAsync(scope, tokenId, tokens, http) is not { } token)
            return ErrorPage(http, language, StatusCodes.Status404NotFound);
        var result = await revoke.ExecuteAsync(new RevokeApiToken.Request(token.Id), scope.Access.Actor, http.RequestAborted);
        return result.Succeeded
            ? HostedPages.SeeOther(http, $"{PeopleUrl(language, scope)}&done=revoked#tokens")
            : ErrorPage(http, language, StatusCodes.Status404NotFound);
    }

    private static async Task<PeoplePageModel> PeopleModelAsync(
        HttpContext http, string language, StaffScope scope, IStaffStore staff, IApiTokenStore tokens, TimeProvider clock, IReadOnlyList<FieldError> errors)
    {
        var organisationId = scope.Organisation.Id;
        var members = await staff.ListByOrganisationAsync(organisationId, http.RequestAborted);
        var rows = members.Select(m => new StaffRow(m.DisplayName, m.Email,
            string.Join(", ", m.Grants.Where(g => g.OrganisationId == organisationId).Select(g => PeopleTexts.Get($"role-{g.Role}", language))), m.Disabled)).ToList();
        var title = PeopleTexts.Get("people-title", language);
        var query = $"?organisationId={Uri.EscapeDataString(organisationId)}";
        var model = new PeoplePageModel(StaffPage(http, language, errors.Count > 0 ? $"{StaffTexts.Get("errors", language)} – {title}" : title, "people", scope),
            scope.Organisation.Name.In(language) ?? scope.Organisation.Slug, rows, $"/{language}/staff/people{query}", Choices(StaffRoles, language))
        {
            Errors = errors,
        };
        if (!scope.Access.Can(organisationId, Permission.ManageApiTokens))
            return model;
        var now = clock.GetUtcNow();
        var tokenRows = (await tokens.ListByOrganisationAsync(organisationId, http.RequestAborted)).Select(t => new TokenRow(
            t.Name, PeopleTexts.Get($"role-{t.Role}", language), t.Prefix, PortalTexts.Date(t.CreatedAt, language),
            t.RevokedAt is { } revoked ? PeopleTexts.Format("token-revoked", language, PortalTexts.Date(revoked, language))
                : t.IsActiveAt(now) ? PeopleTexts.Get("token-active", language) : PeopleTexts.Get("token-expired", language),
            t.RevokedAt is null ? $"/{language}/staff/people/tokens/{Uri.EscapeDataString(t.Id)}/revoke{query}" : null)).ToList();
        return model with { Tokens = tokenRows, CreateTokenAction = $"/{language}/staff/people/tokens{query}", TokenRoles = Choices(TokenRoles, language) };
    }

    private static IResult RenderPeople(HttpContext http, PeoplePageModel model) =>
        HostedPages.Render<PeoplePage>(http, model, model.Errors.Count > 0 ? HostedPages.FormProblemStatus(http) : StatusCodes.Status200OK);

    private static List<RoleChoice> Choices(IEnumerable<Role> roles, string language) =>
        [.. roles.Select(r => new RoleChoice(r.ToString(), PeopleTexts.Get($"role-{r}", language), PeopleTexts.Get($"role-hint-{r}", language)))];

    /// <summary>The role a form chose, by its exact name among those offered; anything else (a number, another role) is none.</summary>
    private static Role? ChosenRole(string? value, Role[] offered)
    {
        foreach (var role in offered)
        {
            if (role.ToString() == value)
                return role;
        }
        return null;
    }

    /// <summary>The token when it belongs to the page's organisation; another organisation's is as if it did not exist.</summary>
    private static async Task<ApiToken?> TokenOfAsync(StaffScope scope, string tokenId, IApiTokenStore tokens, HttpContext http) =>
        await tokens.GetAsync(tokenId, http.RequestAborted) is { } token && token.OrganisationId == scope.Organisation.Id ? token : null;

    private static string PeopleUrl(string language, StaffScope scope) =>
        $"/{language}/staff/people?organisationId={Uri.EscapeDataString(scope.Organisation.Id)}";
}
