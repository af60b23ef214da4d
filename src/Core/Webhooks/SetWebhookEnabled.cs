using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Webhooks;

/// <summary>
/// Disables an endpoint (no new deliveries are made for it, and those still waiting fail rather than go out) or enables
/// it again. Audited when it changes.
/// </summary>
public sealed class SetWebhookEnabled(IWebhookStore store, IAuditLog audit, TimeProvider clock) : IUseCase
{
    public sealed record Request(string Id, bool Enabled);

    public async Task<Result<WebhookEndpoint>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var result = await WebhookChanges.ApplyAsync(store, clock, request.Id,
            stored => stored.Enabled == request.Enabled ? stored : stored with { Enabled = request.Enabled }, ct);
        if (!result.Succeeded)
            return Result<WebhookEndpoint>.Fail(result.Errors);
        var (before, after) = result.Value;
        if (!ReferenceEquals(before, after))
            await audit.RecordAsync(clock, actor, after.OrganisationId, after.Enabled ? AuditActions.WebhookEnabled : AuditActions.WebhookDisabled,
                "webhook", after.Id, ct: ct);
        return after;
    }
}
