using Engagement.Core.Common;

namespace Engagement.Core.Audit;

/// <summary>The append-only audit trail. Every adapter honours the rules stated on each method.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry durably. Entries are never changed or removed through this port; a repeated id is ignored.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken ct = default);

    /// <summary>
    /// One page of an organisation's entries, oldest first by (time, id), optionally only those about one
    /// target record.
    /// </summary>
    Task<Page<AuditEntry>> ListAsync(string organisationId, string? targetId, PageRequest page, CancellationToken ct = default);

    /// <summary>How many of the organisation's entries have this action and were written at or after <paramref name="since"/>.</summary>
    Task<int> CountAsync(string organisationId, string action, DateTimeOffset since, CancellationToken ct = default);
}
