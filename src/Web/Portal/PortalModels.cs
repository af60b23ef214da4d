namespace Engagement.Web.Portal;

/// <summary>
/// What every portal page tells its layout: its language, its title, the same page in the other language, and the live
/// topic whose figures it keeps current when script runs (<see cref="LiveKind"/> "consultation", "service"…; none by default).
/// </summary>
public sealed record PortalPage(string Language, string Title, string OtherLanguageUrl)
{
    public string? LiveKind { get; init; }
    public string? LiveId { get; init; }

    /// <summary>Whether the page loads the portal's script (live figures, survey rules); every page works without it.</summary>
    public bool Script { get; init; }

    /// <summary>Scripts of the page's own beyond the portal's (a chart library, a page's behaviour), as paths under /assets.</summary>
    public IReadOnlyList<string> Scripts { get; init; } = [];

    /// <summary>The staff workspace's navigation, on a signed-in staff page; null on citizen pages.</summary>
    public StaffNav? Staff { get; init; }

    public string Other => Language == "fr" ? "en" : "fr";
    public string HomeUrl => $"/{Language}/";
}

/// <summary>One open consultation as the home page lists it, its words already in the page's language.</summary>
public sealed record Listing(string Title, string Summary, string Url, string? Closes);

/// <summary>The home page: what is open now.</summary>
public sealed record HomePageModel(PortalPage Page, IReadOnlyList<Listing> Consultations)
{
    public IReadOnlyList<Listing> Surveys { get; init; } = [];
}

/// <summary>An improvement shipped, as citizens are told of it ("you said, we did").</summary>
public sealed record Improvement(string Title, string Note, string Shipped);

/// <summary>A published comment with its counts, the browser's own reaction ("Agree", "Disagree" or null) and its published replies.</summary>
public sealed record ThreadComment(string Id, string Text, string Language, string Posted, long Agree, long Disagree, IReadOnlyList<ThreadComment> Replies)
{
    public string? Mine { get; init; }
}

/// <summary>A consultation's public page; <see cref="Form"/> is set while it takes comments.</summary>
public sealed record ConsultationPageModel(
    PortalPage Page, string Title, string Summary, string Body, string Status, string? Outcome, long CommentCount,
    IReadOnlyList<ThreadComment> Comments, IReadOnlyList<Improvement> Improvements)
{
    public CommentForm? Form { get; init; }

    /// <summary>What the last action on a comment did ("reported", "reacted"), for the page to say; null otherwise.</summary>
    public string? Notice { get; init; }
}

/// <summary>
/// The comment form, which works without script: what was typed (kept when the form comes back with errors), the
/// errors by field ("text", "email", "form"), already in the page's language, and what became of the last comment sent.
/// </summary>
public sealed record CommentForm(string Action, int MaxLength)
{
    public string? Text { get; init; }
    public string? Email { get; init; }
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>"published" or "held" after a comment was accepted; null otherwise.</summary>
    public string? Posted { get; init; }

    /// <summary>Where to verify an email address, when the consultation asks for one and the error says so.</summary>
    public string? VerifyUrl { get; init; }

    /// <summary>The comment a reply with errors was for: <see cref="Text"/> then goes back into that comment's reply form.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>Where a comment's reaction, reply and report forms post: under this path, "/{commentId}/…".</summary>
    public string CommentsPath => Action;
}

/// <summary>A service's public page: its satisfaction and what was improved.</summary>
public sealed record ServicePageModel(
    PortalPage Page, string Name, long Ratings, string? Average, string? Satisfied, bool FewRatings, int FewBelow, string? RateUrl,
    IReadOnlyList<Improvement> Improvements);

/// <summary>An error page: what happened and what to do next.</summary>
public sealed record ErrorPageModel(PortalPage Page, int Status);

/// <summary>
/// One survey question as the page asks it: its control ("radio", "checkbox", "text", "textarea"), its choices as
/// (value, label), the show-if rule script applies as the person answers, and what was answered and what is wrong.
/// </summary>
public sealed record SurveyQuestionView(string Id, string Control, string Prompt, bool Required, IReadOnlyList<SurveyChoice> Choices)
{
    public string? ShowIfQuestion { get; init; }
    public string? ShowIfOperator { get; init; }
    public string? ShowIfValue { get; init; }
    public IReadOnlyList<string> Values { get; init; } = [];
    public string? Error { get; init; }
}

/// <summary>A choice of a survey question: the value posted and its label.</summary>
public sealed record SurveyChoice(string Value, string Label);

/// <summary>A survey's page: its questions grouped on one page, or the thanks once answered.</summary>
public sealed record SurveyPageModel(PortalPage Page, string Title, string Description, string Action, IReadOnlyList<SurveyQuestionView> Questions)
{
    public bool Submitted { get; init; }

    /// <summary>Errors about the whole form (already answered, closed), in the page's language.</summary>
    public string? FormError { get; init; }
}
