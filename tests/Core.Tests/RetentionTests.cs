using Engagement.Core.Common;
using Engagement.Core.Webhooks;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests;

/// <summary>The retention jobs delete what the retention settings say, when they say, and nothing else.</summary>
public sealed class RetentionTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    [Fact]
    public async Task Sign_in_links_are_deleted_once_their_retention_has_passed()
    {
        // Long after every other test's clock, so only this test's links are old enough.
        _platform.Clock.UtcNow = ManualClock.Start.AddYears(40);
        _platform.Retention = new RetentionOptions { SignInLinks = TimeSpan.FromDays(7) };
        var address = $"élodie-{Guid.NewGuid():N}@exemple.ca";
        ResultAssert.Succeeded(await _platform.RequestEmailVerification.ExecuteAsync(new(address, "fr")));
        var since = _platform.Clock.GetUtcNow();

        _platform.Clock.Advance(TimeSpan.FromDays(6));
        await _platform.ForgetOldEmailChallenges.ExecuteAsync();
        Assert.Equal(1, await _platform.EmailChallenges.CountSinceAsync(address, since));
        _platform.Clock.Advance(TimeSpan.FromDays(2));
        await _platform.ForgetOldEmailChallenges.ExecuteAsync();

        Assert.Equal(0, await _platform.EmailChallenges.CountSinceAsync(address, since));
    }

    [Fact]
    public async Task Finished_webhook_deliveries_are_deleted_after_their_retention_and_pending_ones_never()
    {
        _platform.Clock.UtcNow = ManualClock.Start.AddYears(41);
        _platform.Retention = new RetentionOptions { WebhookDeliveries = TimeSpan.FromDays(30) };
        var now = _platform.Clock.GetUtcNow();
        WebhookDelivery Delivery(long sequence) => new()
        {
            Id = WebhookDelivery.IdOf(sequence, "ep" + Guid.NewGuid().ToString("N")), EndpointId = "ep", OrganisationId = Ids.New(), EventSequence = sequence,
            Event = "backlog.created", Payload = "{}", Status = WebhookDeliveryStatus.Pending, Attempts = 0, NextAttemptAt = now, CreatedAt = now,
        };
        var (delivered, pending) = (Delivery(1), Delivery(2));
        await _platform.Webhooks.AddDeliveriesAsync([delivered, pending], await _platform.Webhooks.GetFanOutCheckpointAsync());
        await _platform.Webhooks.MarkDeliveredAsync(delivered.Id, now, 200);

        _platform.Clock.Advance(TimeSpan.FromDays(29));
        await _platform.ForgetOldWebhookDeliveries.ExecuteAsync();
        Assert.NotNull(await _platform.Webhooks.GetDeliveryAsync(delivered.Id));
        _platform.Clock.Advance(TimeSpan.FromDays(2));
        await _platform.ForgetOldWebhookDeliveries.ExecuteAsync();

        Assert.Null(await _platform.Webhooks.GetDeliveryAsync(delivered.Id));
        Assert.NotNull(await _platform.Webhooks.GetDeliveryAsync(pending.Id));
    }
}
