using Engagement.Core.FollowUps;
using Engagement.Core.Participants;
using Engagement.Core.Webhooks;

namespace Engagement.Api.Composition;

/// <summary>
/// Deletes, at start and then hourly, what the retention settings say is kept no longer: follow-up addresses past their
/// period (FollowUps:RetentionDays), sign-in links (Retention:SignInLinksDays) and finished webhook deliveries
/// (Retention:WebhookDeliveriesDays).
/// </summary>
internal sealed partial class Retention(IServiceScopeFactory scopes, ILogger<Retention> logger) : PeriodicWork(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var (followUps, challenges, deliveries) = (
            await services.GetRequiredService<ForgetExpiredFollowUps>().ExecuteAsync(ct),
            await services.GetRequiredService<ForgetOldEmailChallenges>().ExecuteAsync(ct),
            await services.GetRequiredService<ForgetOldWebhookDeliveries>().ExecuteAsync(ct));
        if (followUps + challenges + deliveries > 0)
            LogDeleted(followUps, challenges, deliveries);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {FollowUps} follow-up addresses, {Challenges} sign-in links and {Deliveries} webhook deliveries")]
    private partial void LogDeleted(int followUps, int challenges, int deliveries);
}
