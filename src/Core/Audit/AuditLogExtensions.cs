using Engagement.Core.Common;

namespace Engagement.Core.Audit;

/// <summary>The one way use cases write to the audit trail.</summary>
public static class AuditLogExtensions
{
    public static Task RecordAsync(
        this IAuditLog log, TimeProvider clock, Actor actor, string organisationId, string action,
        string targetType, string targetId, string? detail = null, CancellationToken ct = default) =>
        log.AppendAsync(new AuditEntry
        {
            Id = Ids.New(),
            OrganisationId = organisationId,
            Actor = actor,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            At = clock.GetUtcNow(),
            Detail = detail,
        }, ct);
}
