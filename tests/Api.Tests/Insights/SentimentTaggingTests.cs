using Engagement.Api.Tests.Hosting;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Insights;
using Engagement.Core.Ratings;
using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Insights;

/// <summary>The running host reads the sentiment of texts made public, after their commit, and resumes after a restart.</summary>
public sealed class SentimentTaggingTests
{
    private static Comment NewComment(string organisationId, string consultationId, string text) => new()
    {
        Id = Ids.New(), ConsultationId = consultationId, OrganisationId = organisationId, ParticipantId = Ids.New(),
        Text = text, Language = "en", Status = CommentStatus.Published, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Published_comments_and_rating_comments_are_tagged_and_a_restart_resumes_from_the_checkpoint()
    {
        var directory = Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string organisationId, consultationId;
            Comment first;
            long checkpoint;
            using (var app = new EngagementAppFactory(directory).WithSetting("Seed:DemoData", "false").WithSetting("Insights:Tagging:PollMilliseconds", "50"))
            {
                var organisation = await app.CreateOrganisationAsync();
                organisationId = organisation.Id;
                consultationId = (await app.CreateOpenConsultationAsync(organisationId)).Id;
                var service = await app.CreateServiceAsync(organisationId);
                first = NewComment(organisationId, consultationId, "Thank you, the new bike lanes made my commute so much safer.");
                await app.Storage.Comments.TryAddAsync(first);
                var rating = new ServiceRating
                {
                    Id = Ids.New(), ServiceId = service.Id, OrganisationId = organisationId, Score = 1, Comment = "Three hours on hold, then cut off. Useless.",
                    CommentStatus = CommentStatus.Published, Language = "en", CreatedAt = DateTimeOffset.UtcNow,
                };
                await app.Storage.Ratings.TryAddAsync(rating);

                var tagged = await Eventually.ValueAsync(async () => (await app.Storage.Comments.GetAsync(first.Id))?.Sentiment, "the tagger has tagged the comment");
                var ratingTag = await Eventually.ValueAsync(async () => (await app.Storage.Ratings.ListAsync(service.Id, PageRequest.First(1))).Items[0].CommentSentiment, "the tagger has tagged the rating comment");

                Assert.Equal((SentimentLabel.Positive, "en"), (tagged.Label, tagged.Language));
                Assert.Equal(SentimentLabel.Negative, ratingTag.Label);
                Assert.False(string.IsNullOrEmpty(tagged.ModelVersion));
                checkpoint = await app.Storage.SentimentFeed.GetCheckpointAsync();
                Assert.True(checkpoint > 0);
            }

            // Written while no host runs (as if during a restart): the next host picks it up from the checkpoint.
            using var again = new EngagementAppFactory(directory).WithSetting("Seed:DemoData", "false").WithSetting("Insights:Tagging:PollMilliseconds", "50");
            again.CreateClient();
            var later = NewComment(organisationId, consultationId, "Le déneigement de ma rue est une catastrophe, personne n'est passé depuis trois jours.");
            await again.Storage.Comments.TryAddAsync(later);

            var laterTag = await Eventually.ValueAsync(async () => (await again.Storage.Comments.GetAsync(later.Id))?.Sentiment, "the next host has tagged the comment written while none ran");
            Assert.Equal((SentimentLabel.Negative, "fr"), (laterTag.Label, laterTag.Language));
            Assert.True(await again.Storage.SentimentFeed.GetCheckpointAsync() > checkpoint);
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task With_tagging_off_texts_stay_untagged()
    {
        using var app = SharedHost.NewApp().WithSetting("Insights:Tagging:Enabled", "false");
        var organisation = await app.CreateOrganisationAsync();
        var consultation = await app.CreateOpenConsultationAsync(organisation.Id);
        var comment = NewComment(organisation.Id, consultation.Id, "Great work, thank you all.");
        await app.Storage.Comments.TryAddAsync(comment);

        await Task.Delay(1_000);

        Assert.Null((await app.Storage.Comments.GetAsync(comment.Id))!.Sentiment);
        Assert.Equal(0, await app.Storage.SentimentFeed.GetCheckpointAsync());
    }
}
