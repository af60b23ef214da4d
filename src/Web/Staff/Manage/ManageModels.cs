using Engagement.Web.Portal;

namespace Engagement.Web.Staff.Manage;

/// <summary>
/// A form as the page shows it: the values by field name (what was typed, kept when the form comes back with errors, or
/// what is stored) and the errors by field name, already in the page's language. A field's control id is "f-" + its name.
/// </summary>
public sealed record FormState(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Errors)
{
    public static FormState Empty { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public string? Value(string name) => Values.TryGetValue(name, out var v) ? v : null;

    public string? Error(string name) => Errors.TryGetValue(name, out var e) ? e : null;

    /// <summary>Errors about a whole form first, then each form's field errors, for the page's error summary (fields are "f-{name}").</summary>
    public static IReadOnlyList<FieldError> Summary(IReadOnlyList<string> formErrors, IReadOnlyList<FormState> forms) =>
        [.. formErrors.Select(m => new FieldError("", m)), .. forms.SelectMany(f => f.Errors.Select(e => new FieldError($"f-{e.Key}", e.Value)))];

    /// <summary>The ids a control's aria-describedby names: its error first, when it has one, then its hint.</summary>
    public string? DescribedBy(string name, string? hintId = null) =>
        string.Join(' ', new[] { Errors.ContainsKey(name) ? $"e-{name}" : null, hintId }.Where(i => i is not null)) is { Length: > 0 } ids ? ids : null;
}

/// <summary>One consultation or survey in the area's list, its words already in the page's language.</summary>
public sealed record ManagedItem(string Title, string Status, string EditUrl, string? PublicUrl, string Updated);

/// <summary>The area's list page: the organisation's consultations and surveys, each group by status.</summary>
public sealed record ManageListPageModel(PortalPage Page, string OrganisationName, IReadOnlyList<ManagedItem> Consultations, IReadOnlyList<ManagedItem> Surveys)
{
    /// <summary>Where to create one; null when the person's role may not manage that kind.</summary>
    public string? NewConsultationUrl { get; init; }

    public string? NewSurveyUrl { get; init; }
}

/// <summary>
/// A consultation's management page: the create form (no <see cref="Status"/> yet), or the edit form of a draft or open
/// one with its open or close action, or the outcome form once closed.
/// </summary>
public sealed record ConsultationEditPageModel(PortalPage Page, string Heading, string ListUrl, string SaveAction, FormState Form)
{
    /// <summary>"Draft", "Open", "Closed", "OutcomePublished"; null on the create form.</summary>
    public string? Status { get; init; }

    public string? Slug { get; init; }
    public int Version { get; init; }
    public string? PublicUrl { get; init; }
    public string? OpenAction { get; init; }
    public string? CloseAction { get; init; }
    public string? OutcomeAction { get; init; }
    public FormState Outcome { get; init; } = FormState.Empty;
    public string? Notice { get; init; }

    /// <summary>Problems not about one field (someone else's change, a state that forbids the action), in the page's language.</summary>
    public IReadOnlyList<string> FormErrors { get; init; } = [];

    /// <summary>The texts a person typed when someone else's change came first, as (label, text), so nothing typed is lost.</summary>
    public IReadOnlyList<(string Label, string Text)> Unsaved { get; init; } = [];

    public bool Editable => Status is null or "Draft" or "Open";
}

/// <summary>One question of a survey as the builder lists it, with the problems the last change found in it.</summary>
public sealed record BuilderQuestion(string Id, int Number, string Type, string Prompt, string Required, IReadOnlyList<string> Options, string? ShowIf, string EditUrl)
{
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>
/// A survey's management page: the create form (details and a first question), or a draft's details, its questions
/// one at a time (add, edit, move, remove) and its open action; read-only questions once open, with the close action.
/// </summary>
public sealed record SurveyEditPageModel(PortalPage Page, string Heading, string ListUrl, string DetailsAction, FormState Details, FormState Question)
{
    /// <summary>"Draft", "Open", "Closed"; null on the create form.</summary>
    public string? Status { get; init; }

    public string? Slug { get; init; }
    public int Version { get; init; }
    public string? PublicUrl { get; init; }
    public IReadOnlyList<BuilderQuestion> Questions { get; init; } = [];

    /// <summary>Where the question form posts (adding, or saving <see cref="EditingNumber"/>).</summary>
    public string? QuestionAction { get; init; }

    /// <summary>The number of the question being edited; null when the form adds one.</summary>
    public int? EditingNumber { get; init; }

    /// <summary>The page's address without a question being edited, to stop editing.</summary>
    public string? AddUrl { get; init; }

    /// <summary>Where a listed question's move and remove forms post: under this path, "/{questionId}/move" or "/remove".</summary>
    public string? QuestionsPath { get; init; }

    /// <summary>The questions a show-if rule may depend on, as (id, label).</summary>
    public IReadOnlyList<(string Id, string Label)> RuleSources { get; init; } = [];

    /// <summary>The organisation's consultations a new survey may belong to, as (id, title).</summary>
    public IReadOnlyList<(string Id, string Title)> Consultations { get; init; } = [];

    public string? OpenAction { get; init; }
    public string? CloseAction { get; init; }
    public string? Notice { get; init; }
    public IReadOnlyList<string> FormErrors { get; init; } = [];

    public bool Draft => Status is null or "Draft";
}
