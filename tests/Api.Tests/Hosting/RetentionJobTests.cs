using Engagement.Core.Common;
using Engagement.Core.FollowUps;
using Engagement.Core.Participants;
using Engagement.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Engagement.Core.Tests.Support;
using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Hosting;

/// <summary>
/// The host's retention job, as it runs at start, deletes what its settings (Retention:SignInLinksDays,
/// Retention:WebhookDeliveriesDays, FollowUps:RetentionDays) say is too old and keeps what is younger, on a clock the test
/// sets. The use cases it calls are tested one by one in Core.Tests; this proves the settings reach them and the job runs.
/// </summary>
public sealed class RetentionJobTests
{
    private static readonly DateTimeOffset Start = new(2031, 5, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task At_start_the_job_deletes_exactly_what_the_configured_retention_periods_have_passed()
    {
        var clock = new ManualClock { UtcNow = Start };
        var directory = Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        // Periods unlike the defaults (7, 90 and 365 days), so a setting the job ignored would show.
        EngagementAppFactory App() => new EngagementAppFactory(directory)
            .WithSetting("Seed:DemoData", "false").WithSetting("Retention:SignInLinksDays", "3")
            .WithSetting("Retention:WebhookDeliveriesDays", "30").WithSetting("FollowUps:RetentionDays", "60")
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var mark = Guid.NewGuid().ToString("N")[..8];
        var (oldLink, fiveDayLink, youngLink) = ($"old.{mark}@example.org", $"five.{mark}@example.org", $"young.{mark}@example.org");
        string organisationId, oldComment, youngComment;
        WebhookDelivery oldDelivery, youngDelivery;
        var end = Start.AddDays(61);
        try
        {
            using (var app = App())
            {
                var org = await app.CreateOrganisationAsync();
                organisationId = org.Id;
                var consultation = await app.CreateOpenConsultationAsync(org.Id);
                // 61 days old at the end: past every configured period, within the default ones of deliveries and follow-ups.
                await RequestLinkAsync(app, oldLink);
                oldComment = await CommentWithFollowUpAsync(app, consultation.Id, $"anne.{mark}@example.org");
                oldDelivery = await DeliveredAsync(app, org.Id, clock.UtcNow);
                // 5 days old: past the configured 3 days, within the default 7.
                clock.UtcNow = end.AddDays(-5);
                await RequestLinkAsync(app, fiveDayLink);
                // 2 days old: within every period.
                clock.UtcNow = end.AddDays(-2);
                await RequestLinkAsync(app, youngLink);
                youngComment = await CommentWithFollowUpAsync(app, consultation.Id, $"bob.{mark}@example.org");
                youngDelivery = await DeliveredAsync(app, org.Id, clock.UtcNow);
            }

            clock.UtcNow = end;
            using (var restarted = App())
            {
                var webhooks = restarted.Get<IWebhookStore>();
                // The job deletes deliveries last in its round, so once the old one is gone the round has finished.
                await Eventually.UntilAsync(async () => await webhooks.GetDeliveryAsync(oldDelivery.Id) is null,
                    "the retention job has deleted the 61-day-old webhook delivery");

                var challenges = restarted.Get<IEmailChallengeStore>();
                var since = Start.AddDays(-1);
                Assert.Equal(0, await challenges.CountSinceAsync(oldLink, since));
                Assert.Equal(0, await challenges.CountSinceAsync(fiveDayLink, since));
                Assert.Equal(1, await challenges.CountSinceAsync(youngLink, since));
                Assert.NotNull(await webhooks.GetDeliveryAsync(youngDelivery.Id));
                // Listed as of long before, so an address still stored shows even if the list hid expired ones.
                var followUps = await restarted.Get<IFollowUpStore>().ListForContributionsAsync(organisationId, [oldComment, youngComment], Start.AddYears(-1));
                Assert.Equal([youngComment], followUps.Select(f => f.ContributionId));
            }
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(directory);
        }
    }

    private static async Task RequestLinkAsync(EngagementAppFactory app, string address) =>
        Assert.True((await app.Get<RequestEmailVerification>().ExecuteAsync(new(address, "en"))).Succeeded);

    private static async Task<string> CommentWithFollowUpAsync(EngagementAppFactory app, string consultationId, string address) =>
        (await app.Anonymous().QueryAsync("mutation($input: PostCommentInput!) { postComment(input: $input) { id } }", new { input = new
        {
            consultationId, participantToken = await app.RegisterParticipantAsync(), text = "The ramp is broken.", language = "en", followUpEmail = address,
        } })).AssertOk().At("postComment.id").GetString()!;

    /// <summary>A delivery the receiver accepted at <paramref name="at"/>, for an endpoint that does not exist (nothing else touches it).</summary>
    private static async Task<WebhookDelivery> DeliveredAsync(EngagementAppFactory app, string organisationId, DateTimeOffset at)
    {
        var webhooks = app.Get<IWebhookStore>();
        var delivery = new WebhookDelivery
        {
            Id = WebhookDelivery.IdOf(1, "ep" + Guid.NewGuid().ToString("N")), EndpointId = "ep-retention", OrganisationId = organisationId, EventSequence = 1,
            Event = "backlog.created", Payload = "{}", Status = WebhookDeliveryStatus.Pending, Attempts = 0,
            // Due long after the test, so the host's dispatcher never takes it before it is marked delivered.
            NextAttemptAt = at.AddYears(10), CreatedAt = at,
        };
        await webhooks.AddDeliveriesAsync([delivery], await webhooks.GetFanOutCheckpointAsync());
        await webhooks.MarkDeliveredAsync(delivery.Id, at, 200);
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await webhooks.GetDeliveryAsync(delivery.Id))!.Status);
        return delivery;
    }
}
