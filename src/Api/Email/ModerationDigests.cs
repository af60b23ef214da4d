using Engagement.Api.Composition;
using Engagement.Core.Notifications;
using Engagement.Core.Organisations;

namespace Engagement.Api.Email;

/// <summary>
/// Sends each organisation's moderators the digest of the last complete period (Notifications:DigestMinutes). It looks
/// several times a period, and a period's digest is one message per moderator however often it looks or how many nodes
/// do (the message ids name the period).
/// </summary>
internal sealed partial class ModerationDigests(IServiceScopeFactory scopes, Settings.EngagementSettings settings, ILogger<ModerationDigests> logger)
    : PeriodicWork(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromTicks(Math.Clamp(settings.ModerationDigestPeriod.Ticks / 4, TimeSpan.FromSeconds(15).Ticks, TimeSpan.FromMinutes(5).Ticks));

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var digest = services.GetRequiredService<SendModerationDigest>();
        foreach (var organisation in await services.GetRequiredService<IOrganisationStore>().ListAsync(ct))
        {
            var written = await digest.ExecuteAsync(organisation.Id, settings.ModerationDigestPeriod, ct);
            if (written > 0)
                LogWritten(written, organisation.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Count} moderation digests for organisation {OrganisationId}")]
    private partial void LogWritten(int count, string organisationId);
}
