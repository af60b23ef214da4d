using Engagement.Web.Portal;

namespace Engagement.Web.Staff.Backlog;

/// <summary>
/// One item on the board: its words already in the page's language, and the raw status, score and evidence count the
/// board's script compares with live snapshots.
/// </summary>
public sealed record BacklogCardView(string Id, string Title, string Url, string Status, double Score, string Priority, string Explanation, int Evidence);

/// <summary>One status column of the board, its items highest priority first.</summary>
public sealed record BacklogColumn(string Status, string Label, IReadOnlyList<BacklogCardView> Cards);

/// <summary>An organisation's backlog board.</summary>
public sealed record BacklogBoardPageModel(PortalPage Page, string OrganisationName, IReadOnlyList<BacklogColumn> Columns)
{
    /// <summary>The new-item form's address, for those who may change the backlog; null otherwise.</summary>
    public string? NewItemUrl { get; init; }
}

/// <summary>A labelled figure of an item's priority explanation.</summary>
public sealed record Figure(string Label, string Value);

/// <summary>One piece of evidence as staff read it: its kind, its text (already masked), the text's language when known, and its source page.</summary>
public sealed record EvidenceView(string Kind, string? Text, string? Language, string Weight, string? Negative, string Given)
{
    public string? SourceUrl { get; init; }
}

/// <summary>One line of an item's history.</summary>
public sealed record HistoryLine(string When, string What, string Who);

/// <summary>A shipped item's service ratings before and since, as shown in the impact table.</summary>
public sealed record ImpactView(int Days, IReadOnlyList<(string Label, string Before, string After)> Rows);

/// <summary>
/// The status form: the statuses the item may move to as (value, label), what was chosen and typed (kept when the form
/// comes back with errors), and the errors by field ("status", "publicNote", "form") in the page's language.
/// </summary>
public sealed record StatusForm(string Action, IReadOnlyList<(string Value, string Label)> Next, int MaxNote)
{
    public string? Chosen { get; init; }
    public string? Note { get; init; }
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}

/// <summary>The merge form: the organisation's other open items as (id, title), what was chosen, and its error.</summary>
public sealed record MergeForm(string Action, IReadOnlyList<(string Id, string Title)> Candidates)
{
    public string? Chosen { get; init; }
    public string? Error { get; init; }
}

/// <summary>The form that links more evidence to an open item: what is on offer and not yet linked, what was chosen, and its error.</summary>
public sealed record EvidenceForm(string Action, IReadOnlyList<EvidenceChoice> Choices)
{
    public IReadOnlySet<string> Chosen { get; init; } = new HashSet<string>();
    public string? Error { get; init; }
}

/// <summary>One backlog item's page; the forms are set only for those who may change the backlog, while the item is open.</summary>
public sealed record BacklogItemPageModel(
    PortalPage Page, string Title, string Description, string StatusLabel, string BoardUrl,
    IReadOnlyList<Figure> Priority, IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<HistoryLine> History)
{
    public string? ConcernsName { get; init; }
    public string? ConcernsUrl { get; init; }

    /// <summary>The public note's heading (shipped or declined) and text; null while open.</summary>
    public (string Heading, string Text)? PublicNote { get; init; }

    public (string Title, string Url)? MergedInto { get; init; }
    public ImpactView? Impact { get; init; }
    public StatusForm? StatusForm { get; init; }
    public MergeForm? MergeForm { get; init; }
    public EvidenceForm? EvidenceForm { get; init; }

    /// <summary>Whether the item is closed (shipped, declined or merged), for those who could otherwise change it.</summary>
    public bool ClosedForChanges { get; init; }

    /// <summary>What the last change did, said after post-redirect-get.</summary>
    public string? Notice { get; init; }
}

/// <summary>A record a new item may cite as evidence: its value ("Comment:abc", "Theme:t1"), kind label, text and language.</summary>
public sealed record EvidenceChoice(string Value, string Kind, string Text, string? Language);

/// <summary>
/// The new-item form: the service or consultation choices as (value, label) in groups, the evidence on offer, what was
/// typed and chosen (kept when the form comes back with errors) and the errors by field, in the page's language.
/// </summary>
public sealed record BacklogNewPageModel(
    PortalPage Page, string Action, int MaxTitle, int MaxDescription,
    IReadOnlyList<(string Value, string Label)> Services, IReadOnlyList<(string Value, string Label)> Consultations,
    IReadOnlyList<EvidenceChoice> EvidenceChoices)
{
    public string BoardUrl { get; init; } = "";
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Concerns { get; init; }
    public IReadOnlySet<string> Chosen { get; init; } = new HashSet<string>();
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}
