namespace Engagement.Web.Staff;

/// <summary>The staff sign-in form: what was typed (never the password) and what went wrong.</summary>
public sealed record StaffSignInPageModel(Engagement.Web.Portal.PortalPage Page, string Action)
{
    public string? Email { get; init; }
    public string? Error { get; init; }

    /// <summary>What the page says before the form, such as that the person has just signed out.</summary>
    public string? Notice { get; init; }
}

