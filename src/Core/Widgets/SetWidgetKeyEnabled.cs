using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Widgets;

/// <summary>Disables a key (every use of it is then refused as if it did not exist) or enables it again.</summary>
public sealed class SetWidgetKeyEnabled(IWidgetKeyStore keys, IAuditLog audit, TimeProvider clock) : IUseCase
{
    public sealed record Request(string Id, bool Enabled);

    public async Task<Result<WidgetKey>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var stored = await keys.GetAsync(request.Id, ct);
        if (stored is null)
            return Result<WidgetKey>.Fail("id", ErrorCodes.NotFound, "There is no such widget key.");
        if (stored.Enabled == request.Enabled)
            return stored;
        var updated = stored with { Enabled = request.Enabled, UpdatedAt = clock.GetUtcNow() };
        if (!await keys.UpdateAsync(updated, ct))
            return Result<WidgetKey>.Fail("id", ErrorCodes.NotFound, "There is no such widget key.");
        await audit.RecordAsync(clock, actor, updated.OrganisationId, request.Enabled ? AuditActions.WidgetKeyEnabled : AuditActions.WidgetKeyDisabled,
            "widget_key", updated.Id, ct: ct);
        return updated;
    }
}
