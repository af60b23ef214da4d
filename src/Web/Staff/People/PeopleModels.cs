using Engagement.Web.Portal;

namespace Engagement.Web.Staff.People;

/// <summary>One staff member of the organisation: their role there in the page's language, and whether the account works.</summary>
public sealed record StaffRow(string Name, string Email, string Role, bool Disabled);

/// <summary>One API token as an admin sees it: never its secret, only the prefix that tells tokens apart.</summary>
public sealed record TokenRow(string Name, string Role, string Prefix, string Created, string Status, string? RevokeUrl);

/// <summary>A role offered on a form: its value, label and what it allows, in the page's language.</summary>
public sealed record RoleChoice(string Value, string Label, string Hint);

/// <summary>
/// A secret shown once, on the page answering the form that made it (a new staff member's password, a new API token's
/// secret); never put in an address or shown again.
/// </summary>
public sealed record OneTimeSecret(string Notice, string Title, string Warning, string Label, string Secret);

/// <summary>
/// The organisation's staff and API tokens with the forms that add a staff member and create a token; what was typed is
/// kept when a form comes back with errors.
/// </summary>
public sealed record PeoplePageModel(PortalPage Page, string OrganisationName, IReadOnlyList<StaffRow> Staff, string AddStaffAction, IReadOnlyList<RoleChoice> StaffRoles)
{
    /// <summary>The tokens, when the person may manage them; null hides the section.</summary>
    public IReadOnlyList<TokenRow>? Tokens { get; init; }

    public string CreateTokenAction { get; init; } = "";
    public IReadOnlyList<RoleChoice> TokenRoles { get; init; } = [];

    public string? Email { get; init; }
    public string? DisplayName { get; init; }
    public string? StaffRole { get; init; }
    public string? TokenName { get; init; }
    public string? TokenRole { get; init; }
    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    public string? Notice { get; init; }
    public OneTimeSecret? Secret { get; init; }
}

/// <summary>The step before revoking a token, so a revocation never happens by one stray click; works without script.</summary>
public sealed record RevokeTokenPageModel(PortalPage Page, string TokenName, string Prefix, string Action, string CancelUrl);
