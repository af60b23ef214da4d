namespace Engagement.Web.Portal;

/// <summary>
/// The staff workspace's frame on a signed-in page: who is signed in, the organisation the page is about (with the
/// others the person may switch to), and the workspace's areas the person's role opens in it, in the page's language.
/// </summary>
public sealed record StaffNav(string Who, string OrganisationId, string OrganisationName, IReadOnlyList<StaffNavLink> Links, string SignOutAction)
{
    /// <summary>The organisations the person holds a staff role in, as (id, name); the switch shows when there are several.</summary>
    public IReadOnlyList<(string Id, string Name)> Organisations { get; init; } = [];

    /// <summary>The address of the current area without its organisation, for the organisation switch's form.</summary>
    public string SwitchAction { get; init; } = "";
}

/// <summary>One area of the workspace in the navigation; <see cref="Current"/> marks the page's own.</summary>
public sealed record StaffNavLink(string Label, string Url, bool Current);
