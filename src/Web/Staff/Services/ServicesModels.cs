using Engagement.Web.Portal;

namespace Engagement.Web.Staff.Services;

/// <summary>One service in the organisation's list: where to manage it, its public page, and how many of its widget keys work.</summary>
public sealed record ServiceRow(string Name, string Slug, string ManageUrl, string PublicUrl, int EnabledKeys, int Keys);

/// <summary>The name field for one offered language: its label, what was typed and the control's id.</summary>
public sealed record NameField(string Language, string Label, string? Value)
{
    public string Id => $"name-{Language}";
}

/// <summary>The organisation's services, and the form that adds one (what was typed kept when it comes back with errors).</summary>
public sealed record ServicesPageModel(PortalPage Page, string OrganisationName, string Action, IReadOnlyList<ServiceRow> Services, IReadOnlyList<NameField> Names)
{
    public string? Slug { get; init; }
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
}

/// <summary>
/// One widget key as an admin manages it: its state in words, its origins, the embed snippet with the key filled in,
/// and the forms that change its origins or turn it off and on.
/// </summary>
public sealed record WidgetKeyView(string Id, string Key, bool Enabled, IReadOnlyList<string> Origins, string Snippet, string UpdateAction, string EnabledAction)
{
    /// <summary>The origins as typed when the change came back with errors; otherwise the stored ones.</summary>
    public string OriginsText { get; init; } = string.Join('\n', Origins);

    /// <summary>Whether the change form opens by itself (it came back with errors).</summary>
    public bool Editing { get; init; }

    public string OriginsId => $"origins-{Id}";
}

/// <summary>A service's own page in the workspace: its names, its widget keys, and the form that creates a key.</summary>
public sealed record ServiceKeysPageModel(
    PortalPage Page, string ServiceName, string Slug, string ServicesUrl, string PublicUrl, string UpdateAction, string CreateKeyAction,
    IReadOnlyList<NameField> Names, IReadOnlyList<WidgetKeyView> Keys)
{
    /// <summary>What the last change did, said after post-redirect-get; null otherwise.</summary>
    public string? Notice { get; init; }

    public string? NewOrigins { get; init; }
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
}
