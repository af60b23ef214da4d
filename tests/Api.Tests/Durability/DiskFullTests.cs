using System.Net;
using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Xunit.Abstractions;

namespace Engagement.Api.Tests.Durability;

/// <summary>
/// The disk under the data directory fills up while the host serves: writes are refused with a clear, retryable error
/// and leave nothing behind, what was acknowledged before stays, reads go on, and writes succeed again once space
/// returns, without a restart.
/// </summary>
[Trait("Category", "Process")]
[Trait("Category", "Durability")]
[Collection(DrillCollection.Name)]
public sealed class DiskFullTests(ITestOutputHelper output)
{
    // Enough attempts for the store's write-ahead log to need space it no longer has, whatever it had spare.
    private const int AttemptsWhileFull = 40;

    [SmallDiskFact]
    public async Task Writes_fail_with_UNAVAILABLE_on_a_full_disk_lose_nothing_acknowledged_and_succeed_once_space_returns()
    {
        var workDir = Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using var disk = SmallDisk.Mount(Path.Combine(workDir, "data"), megabytes: 8);
            var databasePath = Path.Combine(disk.Path, "engagement.db");
            var (serviceId, consultationId, surveyId, widgetKey) = await DrillSetup.CreateWhatTheWritesNeedAsync(disk.Path);
            using var host = HostProcess.Start(workDir, "--urls", "http://127.0.0.1:0", "--Seed:DemoData=false");
            using var http = new HttpClient { BaseAddress = await host.WaitUntilServingAsync(), Timeout = TimeSpan.FromSeconds(60) };
            var client = new GraphQLClient(http);

            var acknowledged = new List<(string Page, string Id)>();
            var tokens = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                var page = $"https://drill.example/before/{i}";
                acknowledged.Add((page, (await client.QueryAsync(DrillSetup.Rate, DrillSetup.Rating(serviceId, page))).AssertOk().At("submitRating.id").GetString()!));
                tokens.Add((await client.QueryAsync(DrillSetup.Register)).AssertOk().At("registerParticipant.participantToken").GetString()!);
            }
            var commentId = (await client.QueryAsync(DrillSetup.Post, DrillSetup.Comment(consultationId, tokens[0], "Written before the disk filled up."))).AssertOk().At("postComment.id").GetString()!;
            var responseId = (await client.QueryAsync(DrillSetup.Answer, DrillSetup.Response(surveyId, tokens[0], 3))).AssertOk().At("submitSurveyResponse.id").GetString()!;

            var filled = disk.Fill("filler");
            var whileFull = new List<(string Page, GraphQLResponse Answer)>();
            for (var i = 0; i < AttemptsWhileFull; i++)
            {
                var page = $"https://drill.example/full/{i}";
                whileFull.Add((page, await client.QueryAsync(DrillSetup.Rate, DrillSetup.Rating(serviceId, page))));
            }
            var commentWhileFull = await client.QueryAsync(DrillSetup.Post, DrillSetup.Comment(consultationId, tokens[1], "Written while the disk was full."));
            var responseWhileFull = await client.QueryAsync(DrillSetup.Answer, DrillSetup.Response(surveyId, tokens[1], 5));
            var read = await client.QueryAsync("query($id: ID!) { service(id: $id) { ratingSummary { count } } }", new { id = serviceId });
            using var widget = await DrillSetup.PostWidgetRatingAsync(http, widgetKey, "https://drill.example/widget-full");
            var widgetProblem = JsonDocument.Parse(await widget.Content.ReadAsStringAsync()).RootElement;

            File.Delete(Path.Combine(disk.Path, "filler"));
            var comment = (await client.QueryAsync(DrillSetup.Post, DrillSetup.Comment(consultationId, tokens[1], "Written while the disk was full."))).AssertOk();
            var response = (await client.QueryAsync(DrillSetup.Answer, DrillSetup.Response(surveyId, tokens[1], 5))).AssertOk();
            var after = (await client.QueryAsync(DrillSetup.Rate, DrillSetup.Rating(serviceId, "https://drill.example/after"))).AssertOk();
            using var widgetAgain = await DrillSetup.PostWidgetRatingAsync(http, widgetKey, "https://drill.example/widget-full");

            var refused = whileFull.Where(w => w.Answer.HasErrors).ToList();
            var taken = whileFull.Where(w => !w.Answer.HasErrors).ToList();
            output.WriteLine($"Filled the 8 MB disk with a {filled / 1024} KiB file; of {AttemptsWhileFull} ratings while full, {taken.Count} were still taken (space the log already had) and {refused.Count} refused.");
            output.WriteLine($"First refusal: {refused.FirstOrDefault().Answer}");
            output.WriteLine($"Widget while full: {(int)widget.StatusCode} Retry-After {widget.Headers.RetryAfter} {widgetProblem}");

            Assert.NotEmpty(refused);
            foreach (var (_, answer) in refused)
                DrillSetup.AssertUnavailable(answer, "STORE_FULL");
            DrillSetup.AssertUnavailable(commentWhileFull, "STORE_FULL");
            DrillSetup.AssertUnavailable(responseWhileFull, "STORE_FULL");
            Assert.Equal(5 + taken.Count, read.AssertOk().At("service.ratingSummary.count").GetInt32());
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "60"), (widget.StatusCode, widget.Headers.RetryAfter?.ToString()));
            Assert.Equal(("UNAVAILABLE", "STORE_FULL"), (widgetProblem.GetProperty("code").GetString(), widgetProblem.GetProperty("reason").GetString()));
            Assert.Equal(HttpStatusCode.Created, widgetAgain.StatusCode);

            // A kill and a restart on the same disk: what was acknowledged before, during and after is there once.
            Assert.Equal(HostProcess.KilledBySigkill, await host.KillAsync());
            using var restarted = HostProcess.Start(workDir, "--urls", "http://127.0.0.1:0", "--Seed:DemoData=false");
            await restarted.WaitUntilServingAsync();
            using (var store = new StoreAudit(databasePath))
            {
                var ratings = store.RatingsByPage(serviceId);
                foreach (var (page, id) in acknowledged.Concat(taken.Select(t => (t.Page, t.Answer.At("submitRating.id").GetString()!))))
                    Assert.Equal([id], ratings[page]);
                Assert.All(refused, r => Assert.False(ratings.ContainsKey(r.Page), $"{r.Page} was refused but is stored."));
                Assert.Equal([after.At("submitRating.id").GetString()!], ratings["https://drill.example/after"]);
                Assert.Single(ratings["https://drill.example/widget-full"]);
                var comments = store.CommentsByText(consultationId);
                Assert.Equal([commentId], comments["Written before the disk filled up."]);
                Assert.Equal([comment.At("postComment.id").GetString()!], comments["Written while the disk was full."]);
                var responses = store.ResponsesByParticipant(surveyId).Values.ToList();
                Assert.All(responses, ids => Assert.Single(ids));
                Assert.Equal(new[] { responseId, response.At("submitSurveyResponse.id").GetString()! }.Order(StringComparer.Ordinal),
                    responses.SelectMany(ids => ids).Order(StringComparer.Ordinal));
                var (compared, mismatches) = store.CheckTallies(serviceId, consultationId, surveyId);
                Assert.Empty(mismatches);
                output.WriteLine($"After a restart: every acknowledged write stored once, every refused one absent; {compared} tally buckets equal their records.");
            }
            Assert.Equal(HostProcess.KilledBySigkill, await restarted.KillAsync());
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(workDir);
        }
    }
}
