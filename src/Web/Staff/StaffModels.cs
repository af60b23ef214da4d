namespace Engagement.Web.Staff;

/// <summary>The staff sign-in form: what was typed (never the password) and what went wrong.</summary>
public sealed record StaffSignInPageModel(Engagement.Web.Portal.PortalPage Page, string Action)
{
    public string? Email { get; init; }
    public string? Error { get; init; }

    /// <summary>What the page says before the form, such as that the person has just signed out.</summary>
    public string? Notice { get; init; }
}

/// <summary>One held item as a moderator sees it: the text (personal information already masked) and why it was held.</summary>
public sealed record QueueItemView(string Id, string Kind, string Text, string Language, IReadOnlyList<string> Reasons, string Waiting);

/// <summary>An organisation's moderation queue, with what the last decision did.</summary>
public sealed record ModerationQueuePageModel(Engagement.Web.Portal.PortalPage Page, string OrganisationName, string Action, IReadOnlyList<QueueItemView> Items)
{
    public string? Notice { get; init; }
    public string? Error { get; init; }
}
