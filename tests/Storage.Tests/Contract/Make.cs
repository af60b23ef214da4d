using Engagement.Core.ApiTokens;
using Engagement.Core.Audit;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Moderation;
using Engagement.Core.Organisations;
using Engagement.Core.Participants;
using Engagement.Core.Ratings;
using Engagement.Core.Screening;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;

using Engagement.Core.Widgets;

namespace Engagement.Storage.Tests.Contract;

/// <summary>Builds valid records with fresh ids and slugs, so tests never collide with one another's data.</summary>
public static class Make
{
    /// <summary>An instant with sub-millisecond ticks and a non-UTC offset, so lossy storage of either shows.</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(-5)).AddTicks(5_358_979);

    /// <summary>Text that breaks naive storage: accents, emoji with joiners and skin tones, right-to-left scripts, quotes.</summary>
    public const string Unicode = "Café naïve — « ça marche » 🚀👩🏽‍💻🇨🇦 مرحبا بالعالم שלום עולם 中文 \"double\" 'single' \\ back\nnew line\ttab";

    public static string Slug(string prefix = "s") => $"{prefix}-{Ids.New()}";

    public static LocalizedText Text(string en, string fr) => LocalizedText.EnFr(en, fr);

    public static Organisation Organisation(string? slug = null, DateTimeOffset? at = null) =>
        new(Ids.New(), slug ?? Slug("org"), Text("Department of Tests " + Unicode, "Ministère des essais " + Unicode), at ?? T0);

    public static Service Service(string organisationId, string? slug = null) =>
        new(Ids.New(), organisationId, slug ?? Slug("svc"), Text("Passport office 🛂", "Bureau des passeports 🛂"),
            Text("Where you renew a passport.", "Où l'on renouvelle un passeport."), T0);

    public static Consultation Consultation(
        string organisationId, string? slug = null, DateTimeOffset? createdAt = null, ConsultationStatus status = ConsultationStatus.Draft) =>
        new()
        {
            Id = Ids.New(),
            OrganisationId = organisationId,
            Slug = slug ?? Slug("con"),
            Title = Text("Parks " + Unicode, "Parcs " + Unicode),
            Summary = Text("What should change?", "Que faut-il changer ?"),
            Body = Text("Long body\nwith lines", "Corps long\navec des lignes"),
            Status = status,
            IdentityPolicy = IdentityPolicy.VerifiedEmailRequired,
            OpensAt = T0.AddDays(1),
            ClosesAt = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2)).AddTicks(1),
            Outcome = new LocalizedText([new("en", "We will plant trees."), new("fr", "Nous planterons des arbres."), new("iu", "ᐃᓄᒃᑎᑐᑦ")]),
            CreatedAt = createdAt ?? T0,
            UpdatedAt = (createdAt ?? T0).AddMinutes(5),
            Version = 1,
        };

    public static Comment Comment(
        string organisationId, string consultationId, string? parentId = null, CommentStatus status = CommentStatus.Published,
        DateTimeOffset? createdAt = null, string? participantId = null, string? id = null) =>
        new()
        {
            Id = id ?? Ids.New(),
            ConsultationId = consultationId,
            OrganisationId = organisationId,
            ParentId = parentId,
            ParticipantId = participantId ?? Ids.New(),
            Text = Unicode,
            Language = "fr",
            Status = status,
            CreatedAt = createdAt ?? T0,
            UpdatedAt = createdAt ?? T0,
        };

    public static Survey Survey(string organisationId, string? slug = null, DateTimeOffset? createdAt = null, SurveyStatus status = SurveyStatus.Draft) =>
        new()
        {
            Id = Ids.New(),
            OrganisationId = organisationId,
            ConsultationId = Ids.New(),
            Slug = slug ?? Slug("srv"),
            Title = Text("Your visit " + Unicode, "Votre visite " + Unicode),
            Description = Text("Two minutes.", "Deux minutes."),
            Status = status,
            IdentityPolicy = IdentityPolicy.AnonymousAllowed,
            Questions =
            [
                new Question
                {
                    Id = "colour",
                    Type = QuestionType.SingleChoice,
                    Prompt = Text("Favourite colour?", "Couleur préférée ?"),
                    Required = true,
                    Options = [new QuestionOption("red", Text("Red", "Rouge")), new QuestionOption("blue", Text("Blue 💙", "Bleu 💙"))],
                },
                new Question
                {
                    Id = "topics",
                    Type = QuestionType.MultipleChoice,
                    Prompt = Text("Topics?", "Sujets ?"),
                    Options = [new QuestionOption("a", Text("A", "A")), new QuestionOption("b", Text("B", "B"))],
                    ShowIf = new ShowIfRule("colour", ShowIfOperator.Equals, "red"),
                },
                new Question { Id = "score", Type = QuestionType.Rating, Prompt = Text("Rate us", "Notez-nous") },
                new Question { Id = "nps", Type = QuestionType.Nps, Prompt = Text("Recommend?", "Recommander ?"), ShowIf = new ShowIfRule("score", ShowIfOperator.Answered) },
                new Question { Id = "ok", Type = QuestionType.YesNo, Prompt = Text("OK?", "D'accord ?"), ShowIf = new ShowIfRule("colour", ShowIfOperator.NotEquals, "blue") },
                new Question { Id = "short", Type = QuestionType.ShortText, Prompt = Text("One word", "Un mot") },
                new Question { Id = "note", Type = QuestionType.LongText, Prompt = Text("Anything else? " + Unicode, "Autre chose ? " + Unicode) },
            ],
            CreatedAt = createdAt ?? T0,
            UpdatedAt = createdAt ?? T0,
            Version = 1,
        };

    /// <summary>A response answering every kind of question; see <see cref="Survey"/>.</summary>
    public static SurveyResponse Response(string organisationId, string surveyId, string? participantId = null, DateTimeOffset? submittedAt = null) =>
        new()
        {
            Id = Ids.New(),
            SurveyId = surveyId,
            OrganisationId = organisationId,
            ParticipantId = participantId ?? Ids.New(),
            Language = "fr",
            Answers = new Dictionary<string, Answer>
            {
                ["colour"] = Answer.Choice("red"),
                ["topics"] = Answer.Choice("a", "b"),
                ["score"] = Answer.Of(4),
                ["nps"] = Answer.Of(0),
                ["ok"] = Answer.Of(true),
                ["note"] = Answer.OfText(Unicode),
            },
            SubmittedAt = submittedAt ?? T0,
        };

    public static ServiceRating Rating(string organisationId, string serviceId, int score = 4, DateTimeOffset? createdAt = null, string? id = null) =>
        new()
        {
            Id = id ?? Ids.New(),
            ServiceId = serviceId,
            OrganisationId = organisationId,
            Score = score,
            Comment = Unicode,
            PageUrl = "https://example.gc.ca/passports?lang=fr&q=%C3%A9t%C3%A9#top",
            Language = "fr",
            ParticipantId = Ids.New(),
            CreatedAt = createdAt ?? T0,
        };

    public static Participant Anonymous(string? tokenHash = null) =>
        new()
        {
            Id = Ids.New(),
            Kind = ParticipantKind.Anonymous,
            TokenHash = tokenHash ?? ParticipantTokens.Hash(ParticipantTokens.NewToken()),
            CreatedAt = T0,
        };

    public static Participant Verified(string? email = null) =>
        new()
        {
            Id = Ids.New(),
            Kind = ParticipantKind.VerifiedEmail,
            Email = email ?? $"{Ids.New()}@example.org",
            EmailVerifiedAt = T0.AddHours(1),
            CreatedAt = T0,
        };

    public static AuditEntry Audit(string organisationId, string? targetId = null, DateTimeOffset? at = null, string? detail = "Published -> Hidden: spam « pub » 🚫") =>
        new()
        {
            Id = Ids.New(),
            OrganisationId = organisationId,
            Actor = Actor.Staff(Ids.New()),
            Action = AuditActions.CommentStatusChanged,
            TargetType = "comment",
            TargetId = targetId ?? Ids.New(),
            At = at ?? T0,
            Detail = detail,
        };

    /// <summary>A staff member with every optional field set: an admin grant in the organisation and a moderator grant elsewhere.</summary>
    public static StaffMember Staff(string? organisationId = null, string? email = null, string? externalSubject = null) =>
        new()
        {
            Id = Ids.New(),
            Email = email ?? $"staff-{Ids.New()}@example.gc.ca",
            DisplayName = "Élodie O'Brien-Tremblay 👩🏽‍💻 مرحبا",
            PasswordHash = "pbkdf2-sha512$210000$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=",
            ExternalSubject = externalSubject ?? $"oidc|{Ids.New()}",
            Grants = [new RoleGrant(organisationId ?? Ids.New(), Role.Admin), new RoleGrant(Ids.New(), Role.Moderator)],
            FailedSignIns = 3,
            LockedUntil = T0.AddMinutes(15),
            Disabled = true,
            CreatedAt = T0,
            UpdatedAt = T0.AddMinutes(1),
            Version = 1,
        };

    /// <summary>An API token that expires, not revoked.</summary>
    public static ApiToken ApiToken(string organisationId, DateTimeOffset? createdAt = null, string? tokenHash = null) =>
        new()
        {
            Id = Ids.New(),
            OrganisationId = organisationId,
            Name = "Power BI « export » 📊",
            Role = Role.Analyst,
            TokenHash = tokenHash ?? SecretTokens.Hash(SecretTokens.NewToken()),
            Prefix = "eng_Ab-1",
            CreatedBy = Ids.New(),
            CreatedAt = createdAt ?? T0,
            ExpiresAt = T0.AddDays(90).AddTicks(7),
        };

    /// <summary>An enabled key with every optional field set.</summary>
    public static WidgetKey WidgetKey(string organisationId, string serviceId, DateTimeOffset? createdAt = null) =>
        new()
        {
            Id = Ids.New(),
            Key = Core.Widgets.WidgetKey.NewKey(),
            OrganisationId = organisationId,
            ServiceId = serviceId,
            AllowedOrigins = ["https://www.example.gc.ca", "https://*.example.gc.ca", "http://localhost:*"],
            PagePattern = "https://www.example.gc.ca/fr/été/*",
            Question = Text("How was it « today »?", "Comment était-ce « aujourd’hui »? 🙂"),
            Language = "fr",
            ShowAverage = true,
            Enabled = true,
            CreatedAt = createdAt ?? T0,
            UpdatedAt = (createdAt ?? T0).AddTicks(3),
        };

    /// <summary>
    /// An escalated item with every optional field set (consultation, reports, a live claim, a decision) and reasons of
    /// every severity, for a new text unless <paramref name="targetId"/> names one.
    /// </summary>
    public static ModerationItem ModerationItem(
        string organisationId, string? targetId = null, ModerationItemStatus status = ModerationItemStatus.Escalated,
        int risk = 31, int reach = 42, DateTimeOffset? createdAt = null, TextKind kind = TextKind.Comment, string? id = null) =>
        new()
        {
            Id = id ?? Ids.New(),
            OrganisationId = organisationId,
            Kind = kind,
            TargetId = targetId ?? Ids.New(),
            ConsultationId = Ids.New(),
            Text = "Appelez-moi au [téléphone masqué] " + Unicode,
            Language = "fr",
            Source = ModerationSource.Reports,
            Reasons =
            [
                new ScreeningReason("pii.phone", ReasonSeverity.Info, "Numéro masqué « 613 »"),
                new ScreeningReason("term.suspect", ReasonSeverity.Hold, "Terme suspect : 🤬"),
                new ScreeningReason("term.blocked", ReasonSeverity.Reject, "Terme bloqué : שלום مرحبا"),
            ],
            Reports = new Dictionary<string, int> { ["spam"] = 2, ["offensive"] = 1, ["personal_information"] = 3 },
            Risk = risk,
            Reach = reach,
            Status = status,
            ClaimedBy = "staff-" + Ids.New(),
            ClaimedUntil = (createdAt ?? T0).AddMinutes(10).AddTicks(9),
            Decision = ModerationDecision.RedactedAndApproved,
            DecisionReason = "Numéro retiré « par précaution » ✂️",
            DecidedBy = "staff-" + Ids.New(),
            DecidedAt = new DateTimeOffset(2025, 3, 15, 1, 2, 3, TimeSpan.FromHours(5.5)).AddTicks(7),
            CreatedAt = createdAt ?? T0,
            Version = 1,
        };

    /// <summary>The order every paged list promises: by instant (not local clock time), then id, ordinal.</summary>
    public static IEnumerable<T> InPageOrder<T>(this IEnumerable<T> items, Func<T, DateTimeOffset> at, Func<T, string> id) =>
        items.OrderBy(x => at(x).UtcTicks).ThenBy(id, StringComparer.Ordinal);
}
