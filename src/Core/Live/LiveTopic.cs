namespace Engagement.Core.Live;

/// <summary>The kinds of thing people watch live; each names the id its topic carries.</summary>
public enum LiveTopicKind
{
    /// <summary>A consultation's comment counts and reactions; the id is the consultation's.</summary>
    Consultation,

    /// <summary>A survey's results; the id is the survey's.</summary>
    Survey,

    /// <summary>A service's rating summary; the id is the service's.</summary>
    Service,

    /// <summary>The held-comment counts staff of one organisation watch; the id is the organisation's.</summary>
    ModerationQueue,

    /// <summary>The improvement backlog board of one organisation (staff); the id is the organisation's.</summary>
    Backlog,
}

/// <summary>One thing people watch live (a consultation, a survey, a service, an organisation's moderation queue).</summary>
public readonly record struct LiveTopic(LiveTopicKind Kind, string Id)
{
    public static LiveTopic Consultation(string consultationId) => new(LiveTopicKind.Consultation, consultationId);

    public static LiveTopic Survey(string surveyId) => new(LiveTopicKind.Survey, surveyId);

    public static LiveTopic Service(string serviceId) => new(LiveTopicKind.Service, serviceId);

    public static LiveTopic ModerationQueue(string organisationId) => new(LiveTopicKind.ModerationQueue, organisationId);

    public static LiveTopic Backlog(string organisationId) => new(LiveTopicKind.Backlog, organisationId);

    /// <summary>A stable name ("consultation:abc", "moderation-queue:org1"), used as the group and sent with each update.</summary>
    public string Name => $"{KindName(Kind)}:{Id}";

    public override string ToString() => Name;

    private static string KindName(LiveTopicKind kind) => kind switch
    {
        LiveTopicKind.Consultation => "consultation",
        LiveTopicKind.Survey => "survey",
        LiveTopicKind.Service => "service",
        LiveTopicKind.ModerationQueue => "moderation-queue",
        LiveTopicKind.Backlog => "backlog",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
