using Engagement.Core.Backlog;
using Engagement.Core.Common;

namespace Engagement.Core.Webhooks;

/// <summary>The checks shared by registering and changing an endpoint, so both refuse the same things the same way.</summary>
internal static class WebhookRules
{
    public const int MaxDescription = TextLimits.Name;

    /// <summary>The events as stored: each once, in enum order; the default set when none are named.</summary>
    public static IReadOnlyList<BacklogEventKind> Events(Validator v, IReadOnlyList<BacklogEventKind>? events)
    {
        if (events is null)
            return WebhookEvents.Default;
        if (events.Count == 0)
        {
            v.Add("events", ErrorCodes.Required, "Choose at least one event; to stop deliveries, disable the webhook.");
            return [];
        }
        foreach (var kind in events)
            v.Defined("events", kind);
        return [.. events.Distinct().Order()];
    }

    public static void Description(Validator v, string? description) => v.OptionalText("description", description, MaxDescription);

    public static string? DescriptionOrNull(string? description) => string.IsNullOrWhiteSpace(description) ? null : description;
}

/// <summary>
/// Loads an endpoint, applies a change and writes it under the version it read, again from a fresh read when another
/// admin's write landed in between. The one way webhook use cases change an endpoint.
/// </summary>
internal static class WebhookChanges
{
    private const int MaxAttempts = 5;

    /// <summary>The endpoint before and after; a change returning the endpoint itself writes nothing.</summary>
    public static async Task<Result<(WebhookEndpoint Before, WebhookEndpoint After)>> ApplyAsync(
        IWebhookStore store, TimeProvider clock, string id, Func<WebhookEndpoint, Result<WebhookEndpoint>> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = string.IsNullOrEmpty(id) ? null : await store.GetEndpointAsync(id, ct);
            if (current is null)
                return Result<(WebhookEndpoint, WebhookEndpoint)>.Fail("id", ErrorCodes.NotFound, "There is no such webhook.");
            var changed = change(current);
            if (!changed.Succeeded)
                return Result<(WebhookEndpoint, WebhookEndpoint)>.Fail(changed.Errors);
            if (ReferenceEquals(changed.Value, current))
                return (current, current);
            var updated = changed.Value with { UpdatedAt = clock.GetUtcNow(), Version = current.Version + 1 };
            if (await store.TryUpdateEndpointAsync(updated, current.Version, ct))
                return (current, updated);
        }
        return Result<(WebhookEndpoint, WebhookEndpoint)>.Fail("id", ErrorCodes.Conflict, "The webhook kept changing; try again.");
    }
}
