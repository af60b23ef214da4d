using System.Security.Claims;
using Engagement.Api.Auth;
using Engagement.Api.Composition;
using Engagement.Core.Common;
using Engagement.Core.Moderation;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Web.Portal;
using Engagement.Web.Staff;
using Microsoft.AspNetCore.Authentication;

namespace Engagement.Api.Portal;

// The staff workspace: signing in and out, and the frame every signed-in page shares (StaffScopeAsync, StaffPage). Each
// area (moderation, insights, backlog, management, people) maps its pages from its own file.
internal static partial class PortalEndpoints
{
    /// <summary>A signed-in staff page's subject: who asks, what they may do, and the organisation the page is about.</summary>
    internal sealed record StaffScope(StaffAccess Access, StaffMember Member, Organisation Organisation, IReadOnlyList<Organisation> Organisations);

    /// <summary>The workspace's areas in navigation order: path under /{lang}/staff, label, and the permission that opens it.</summary>
    private static readonly (string Path, string Label, Permission Permission)[] StaffAreas =
    [
        ("moderation", "nav-moderation", Permission.Moderate),
        ("insights", "nav-insights", Permission.ReadStaffData),
        ("backlog", "nav-backlog", Permission.ReadStaffData),
        ("consultations", "nav-consultations", Permission.ManageConsultations),
        ("services", "nav-services", Permission.ManageServices),
        ("people", "nav-people", Permission.ManageStaff),
    ];

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
        pages.MapPost("/staff/sign-out", StaffSignOutAsync).WithName("StaffSignOutForm").WithSummary("Signs the staff member out from the workspace's frame.");
        pages.MapGet("/staff", StaffHomeAsync).WithName("StaffHome").WithSummary("Sends a signed-in staff member to the first workspace area their role opens.");
        MapModerationPages(pages);
        MapBacklogPages(pages);
        MapManagePages(pages);
        MapInsightsPages(pages);
        MapServicesPages(pages);
        MapPeoplePages(pages);
    }

    private static IResult SignInPage(HttpContext http, string language, string? email, string? error, int status = StatusCodes.Status200OK) =>
        HostedPages.Render<StaffSignInPage>(http, new StaffSignInPageModel(Page(language, StaffTexts.Get("staff-sign-in", language), "/staff/sign-in"),
            $"/{language}/staff/sign-in" + http.Request.QueryString)
        {
            Email = email, Error = error, Notice = http.Request.Query["signedOut"] == "1" ? StaffTexts.Get("signed-out", language) : null,
        }, status);

    private static async Task<IResult> StaffSignInAsync(string lang, HttpContext http, Settings.EngagementSettings settings, SignInWithPassword signIn)
    {
        var language = HostedPages.TextLanguage(lang);
        if (!CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return HostedPages.CrossSiteRefusal();
        var form = await HostedPages.ReadFormAsync(http, 8 * 1024, StaffFormLimits);
        // An unreadable form says so: "wrong email or password" would send the person checking what they typed.
        if (form is null)
            return SignInPage(http, language, null, StaffTexts.Get("error-form", language), HostedPages.FormProblemStatus(http));
        var (email, password) = (HostedPages.Single(form, "email"), HostedPages.Single(form, "password"));
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
            return SignInPage(http, language, email, StaffTexts.Get("staff-bad-credentials", language), StatusCodes.Status400BadRequest);
        var result = await signIn.ExecuteAsync(new SignInWithPassword.Request(email, password), http.RequestAborted);
        if (!result.Succeeded)
            return SignInPage(http, language, email, StaffTexts.Get("staff-bad-credentials", language), StatusCodes.Status401Unauthorized);
        await http.SignInAsync(StaffClaims.CookieScheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(StaffClaims.StaffId, result.Value.Id)], StaffClaims.CookieScheme)));
        // Back to the page that asked for sign-in, when it was one of ours.
        var back = http.Request.Query["returnUrl"].ToString();
        return HostedPages.SeeOther(http, back.StartsWith($"/{language}/staff/", StringComparison.Ordinal) && !back.Contains("//", StringComparison.Ordinal)
            ? back : $"/{language}/staff");
    }

    /// <summary>
    /// Who may see a workspace page, and about which organisation: the one named by ?organisationId=, else the first
    /// where the person holds <paramref name="permission"/> (or the one a form's record belongs to, when the caller names
    /// it). A signed-out visitor is sent to sign in and comes back;
    /// someone without the permission there gets the 403 page. Grants are read from the store on every request.
    /// </summary>
    internal static async Task<(StaffScope? Scope, IResult? Refusal)> StaffScopeAsync(
        HttpContext http, string language, Permission permission, IStaffStore staff, IOrganisationStore organisations, string? organisationId = null)
    {
        var (access, member) = await RequestAccess.ForUserAsync(http.User, staff, http.RequestAborted);
        if (member is null)
            return (null, SignInRedirect(http, language));
        organisationId ??= http.Request.Query["organisationId"].ToString();
        if (organisationId.Length == 0)
            organisationId = member.Grants.FirstOrDefault(g => access.Can(g.OrganisationId, permission))?.OrganisationId ?? "";
        if (!access.Can(organisationId, permission) || await organisations.GetAsync(organisationId, http.RequestAborted) is not { } organisation)
            return (null, ErrorPage(http, language, StatusCodes.Status403Forbidden));
        var theirs = new List<Organisation>();
        foreach (var id in access.StaffOrganisations.Order(StringComparer.Ordinal))
            if (id == organisation.Id)
                theirs.Add(organisation);
            else if (await organisations.GetAsync(id, http.RequestAborted) is { } other)
                theirs.Add(other);
        return (new StaffScope(access, member, organisation, theirs), null);
    }

    /// <summary>
    /// <see cref="StaffScopeAsync"/> for a workspace form's post: a form sent from another site is refused first, before
    /// anything is read.
    /// </summary>
    internal static async Task<(StaffScope? Scope, IResult? Refusal)> StaffPostScopeAsync(
        HttpContext http, string language, Permission permission, Settings.EngagementSettings settings, IStaffStore staff, IOrganisationStore organisations)
    {
        if (!CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return (null, HostedPages.CrossSiteRefusal());
        return await StaffScopeAsync(http, language, permission, staff, organisations);
    }

    /// <summary>
    /// A signed-in workspace page's frame: its title, the same page in the other language, and the navigation to the
    /// areas the person's role opens in the page's organisation, <paramref name="area"/> marked as current. A page shown
    /// in answer to a form post names its own address (<paramref name="path"/>, below the language, e.g. "/staff/backlog"),
    /// since the post's address is not one to link to.
    /// </summary>
    internal static PortalPage StaffPage(HttpContext http, string language, string title, string area, StaffScope scope, string? path = null)
    {
        var organisation = Uri.EscapeDataString(scope.Organisation.Id);
        var query = path is null && http.Request.QueryString.HasValue ? http.Request.QueryString.Value : $"?organisationId={organisation}";
        path ??= http.Request.Path.Value![(1 + language.Length)..];
        var links = StaffAreas.Where(a => scope.Access.Can(scope.Organisation.Id, a.Permission))
            .Select(a => new StaffNavLink(StaffTexts.Get(a.Label, language), $"/{language}/staff/{a.Path}?organisationId={organisation}", a.Path == area))
            .ToList();
        return Page(language, title, path + query) with
        {
            Staff = new StaffNav(scope.Member.DisplayName, scope.Organisation.Id, scope.Organisation.Name.In(language) ?? scope.Organisation.Slug,
                links, $"/{language}/staff/sign-out")
            {
                Organisations = [.. scope.Organisations.Select(o => (o.Id, o.Name.In(language) ?? o.Slug))],
                SwitchAction = $"/{language}{path}",
            },
        };
    }

    private static async Task<IResult> StaffHomeAsync(string lang, HttpContext http, IStaffStore staff)
    {
        var language = HostedPages.TextLanguage(lang);
        var (access, member) = await RequestAccess.ForUserAsync(http.User, staff, http.RequestAborted);
        if (member is null)
            return SignInRedirect(http, language);
        foreach (var grant in member.Grants)
            if (StaffAreas.FirstOrDefault(a => access.Can(grant.OrganisationId, a.Permission)) is { Path: not null } area)
                return HostedPages.SeeOther(http, $"/{language}/staff/{area.Path}?organisationId={Uri.EscapeDataString(grant.OrganisationId)}");
        return ErrorPage(http, language, StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> StaffSignOutAsync(string lang, HttpContext http, Settings.EngagementSettings settings)
    {
        var language = HostedPages.TextLanguage(lang);
        if (!CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return HostedPages.CrossSiteRefusal();
        await http.SignOutAsync(StaffClaims.CookieScheme);
        return HostedPages.SeeOther(http, $"/{language}/staff/sign-in?signedOut=1");
    }

    private static IResult SignInRedirect(HttpContext http, string language) =>
        HostedPages.SeeOther(http, $"/{language}/staff/sign-in?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
}
