using Engagement.Core.Audit;
using Engagement.Core.Backlog;
using Engagement.Core.Common;

namespace Engagement.Core.Webhooks;

/// <summary>Changes an endpoint's address, events or description; a null field stays as it is. Audited when something changed.</summary>
public sealed class UpdateWebhook(IWebhookStore store, WebhookOptions options, IAuditLog audit, TimeProvider clock) : IUseCase
{
    /// <summary>Null leaves a field unchanged; an empty description removes it.</summary>
    public sealed record Request(string Id, string? Url = null, IReadOnlyList<BacklogEventKind>? Events = null, string? Description = null);

    public async Task<Result<WebhookEndpoint>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        // Checked before any read, so bad input costs nothing.
        var v = new Validator();
        var url = request.Url is null ? null : WebhookAddresses.Check(v, "url", request.Url, options.AllowPrivateNetworks);
        var events = request.Events is null ? null : WebhookRules.Events(v, request.Events);
        WebhookRules.Description(v, request.Description);
        if (v.HasErrors)
            return Result<WebhookEndpoint>.Fail(v.Errors);

        var result = await WebhookChanges.ApplyAsync(store, clock, request.Id, stored =>
        {
            var description = request.Description is null ? stored.Description : WebhookRules.DescriptionOrNull(request.Description);
            var unchanged = (url ?? stored.Url) == stored.Url && (events ?? stored.Events).SequenceEqual(stored.Events) && description == stored.Description;
            // Nothing to change is not a change: no write, no audit entry.
            return unchanged ? stored : stored with { Url = url ?? stored.Url, Events = events ?? stored.Events, Description = description };
        }, ct);
        if (!result.Succeeded)
            return Result<WebhookEndpoint>.Fail(result.Errors);
        var (before, after) = result.Value;
        if (!ReferenceEquals(before, after))
            await audit.RecordAsync(clock, actor, after.OrganisationId, AuditActions.WebhookUpdated, "webhook", after.Id, Changes(before, after), ct);
        return after;
    }

    // Which fields changed, never their values: a receiver's address may carry a token.
    private static string Changes(WebhookEndpoint before, WebhookEndpoint after) => string.Join(", ", new[]
    {
        before.Url != after.Url ? "url" : null,
        !before.Events.SequenceEqual(after.Events) ? $"events: {string.Join(", ", after.Events.Select(WebhookEvents.NameOf))}" : null,
        before.Description != after.Description ? "description" : null,
    }.Where(c => c is not null));
}
