namespace Engagement.Core.Common;

/// <summary>Who performs an action, as recorded in the audit log: a staff member, a participant, or the system.</summary>
public sealed record Actor(ActorKind Kind, string Id)
{
    public static Actor System { get; } = new(ActorKind.System, "system");

    public static Actor Staff(string id) => new(ActorKind.Staff, id);

    public static Actor Participant(string id) => new(ActorKind.Participant, id);

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Id}";
}

/// <summary>The kinds of actor.</summary>
public enum ActorKind
{
    System,
    Staff,
    Participant,
}
