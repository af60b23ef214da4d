using Engagement.Core.Audit;
using Engagement.Core.Backlog;
using Engagement.Core.Common;
using Engagement.Core.Organisations;

namespace Engagement.Core.Webhooks;

/// <summary>
/// Registers an enabled endpoint for the organisation's backlog events (by default new items and status changes) with a
/// fresh signing secret, which is returned this once. Audited.
/// </summary>
public sealed class RegisterWebhook(IOrganisationStore organisations, IWebhookStore store, WebhookOptions options, IAuditLog audit, TimeProvider clock) : IUseCase
{
    /// <summary>Each endpoint multiplies every backlog write into one more request; a bound keeps that in proportion.</summary>
    public const int MaxPerOrganisation = 20;

    /// <param name="Events">The events wanted; null for <see cref="WebhookEvents.Default"/>.</param>
    public sealed record Request(string OrganisationId, string Url, IReadOnlyList<BacklogEventKind>? Events = null, string? Description = null);

    /// <param name="Secret">The signing secret, to show the admin once; it is never returned again.</param>
    public sealed record Registered(WebhookEndpoint Webhook, string Secret);

    public async Task<Result<Registered>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        var url = WebhookAddresses.Check(v, "url", request.Url, options.AllowPrivateNetworks);
        var events = WebhookRules.Events(v, request.Events);
        WebhookRules.Description(v, request.Description);
        if (v.HasErrors)
            return Result<Registered>.Fail(v.Errors);
        if (string.IsNullOrEmpty(request.OrganisationId) || await organisations.GetAsync(request.OrganisationId, ct) is null)
            return Result<Registered>.Fail("organisationId", ErrorCodes.NotFound, "There is no such organisation.");
        if ((await store.ListEndpointsAsync(request.OrganisationId, ct)).Count >= MaxPerOrganisation)
            return Result<Registered>.Fail("organisationId", ErrorCodes.OutOfRange,
                $"An organisation may register at most {MaxPerOrganisation} webhooks; delete one it no longer uses.");

        var now = clock.GetUtcNow();
        var endpoint = new WebhookEndpoint
        {
            Id = Ids.New(),
            OrganisationId = request.OrganisationId,
            Url = url!,
            Secret = WebhookEndpoint.NewSecret(),
            Events = events,
            Enabled = true,
            Description = WebhookRules.DescriptionOrNull(request.Description),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        // A fresh time-ordered id never collides; a false here means a broken store.
        if (!await store.TryAddEndpointAsync(endpoint, ct))
            throw new InvalidOperationException("A freshly generated webhook id collided with an existing one.");
        await audit.RecordAsync(clock, actor, endpoint.OrganisationId, AuditActions.WebhookRegistered, "webhook", endpoint.Id,
            $"{new Uri(endpoint.Url).IdnHost}: {string.Join(", ", endpoint.Events.Select(WebhookEvents.NameOf))}", ct);
        return new Registered(endpoint, endpoint.Secret);
    }
}
