using Engagement.Api.Tests.Hosting;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Moderation;

/// <summary>A held text whose queue item a crash lost is in the queue again soon after the next start.</summary>
public sealed class RequeueAfterRestartTests
{
    [Fact]
    public async Task A_held_comment_left_without_a_queue_item_is_queued_when_the_host_starts_again()
    {
        var directory = Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        try
        {
            Comment held;
            using (var first = new EngagementAppFactory(directory).WithSetting("Seed:DemoData", "false"))
            {
                var organisation = await first.CreateOrganisationAsync();
                var consultation = await first.CreateOpenConsultationAsync(organisation.Id);
                var now = DateTimeOffset.UtcNow;
                held = new Comment
                {
                    Id = Ids.New(), ConsultationId = consultation.Id, OrganisationId = organisation.Id, ParticipantId = Ids.New(),
                    Text = "Written, then the process died before queuing it.", Language = "en", Status = CommentStatus.Held,
                    CreatedAt = now, UpdatedAt = now,
                };
                // The text's own write, as PostComment makes it; the queue item that follows it is what the crash lost.
                Assert.True(await first.Storage.Comments.TryAddAsync(held));
                Assert.Null(await first.Storage.ModerationItems.GetOpenAsync(TextKind.Comment, held.Id));
            }

            using var second = new EngagementAppFactory(directory).WithSetting("Seed:DemoData", "false");
            second.CreateClient();

            var item = await Eventually.ValueAsync(() => second.Storage.ModerationItems.GetOpenAsync(TextKind.Comment, held.Id),
                "the restarted host has queued the held comment again");
            Assert.Equal((held.OrganisationId, held.Text), (item.OrganisationId, item.Text));
            Assert.Contains(item.Reasons, r => r.Code == RequeueUnqueuedTexts.RecoveredReason);
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(directory);
        }
    }
}
