using System.Net;
using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Engagement.Api.Tests.Durability;

/// <summary>
/// Another process holds the store's write lock (a backup tool, a bulk import, a stuck script) while the host serves:
/// writes are refused with a clear, retryable error and leave nothing behind; reads go on; once the lock is released the
/// same writes succeed.
/// </summary>
[Trait("Category", "Process")]
[Trait("Category", "Durability")]
[Collection(DrillCollection.Name)]
public sealed class StoreLockedTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Writes_fail_with_UNAVAILABLE_while_another_process_holds_the_write_lock_and_succeed_once_it_is_released()
    {
        var workDir = Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        var dataDir = Path.Combine(workDir, "data");
        var databasePath = Path.Combine(dataDir, "engagement.db");
        try
        {
            var (serviceId, consultationId, surveyId, widgetKey) = await DrillSetup.CreateWhatTheWritesNeedAsync(dataDir);
            using var host = HostProcess.Start(workDir, "--urls", "http://127.0.0.1:0", "--Seed:DemoData=false");
            using var http = new HttpClient { BaseAddress = await host.WaitUntilServingAsync(), Timeout = TimeSpan.FromSeconds(60) };
            var client = new GraphQLClient(http);
            var token = (await client.QueryAsync("mutation { registerParticipant { participantToken } }")).AssertOk().At("registerParticipant.participantToken").GetString()!;
            (await client.QueryAsync(DrillSetup.Rate, DrillSetup.Rating(serviceId, "https://drill.example/before"))).AssertOk();

            GraphQLResponse[] refused;
            GraphQLResponse read;
            HttpStatusCode widgetStatus;
            string? widgetRetryAfter;
            JsonElement widgetProblem;
            // Not pooled, so closing it really drops the lock (and the file handle).
            await using (var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString()))
            {
                await holder.OpenAsync();
                await using (var begin = holder.CreateCommand())
                {
                    // In WAL mode EXCLUSIVE takes the one write lock and keeps it until the transaction ends; readers go on.
                    begin.CommandText = "BEGIN EXCLUSIVE; INSERT INTO checkpoints (name, value) VALUES ('drill-lock', 1);";
                    await begin.ExecuteNonQueryAsync();
                }
                refused = await Task.WhenAll(
                    client.QueryAsync(DrillSetup.Rate, DrillSetup.Rating(serviceId, "https://drill.example/locked")),
                    client.QueryAsync(DrillSetup.Post, DrillSetup.Comment(consultationId, token, "Written while the store was locked.")),
                    client.QueryAsync(DrillSetup.Answer, DrillSetup.Response(surveyId, token, 4)));
                read = await client.QueryAsync("query($id: ID!) { service(id: $id) { ratingSummary { count } } }", new { id = serviceId });
                using (var widget = await DrillSetup.PostWidgetRatingAsync(http, widgetKey, "https://drill.example/widget-locked"))
                {
                    (widgetStatus, widgetRetryAfter) = (widget.StatusCode, widget.Headers.RetryAfter?.ToString());
                    widgetProblem = JsonDocument.Parse(await widget.Content.ReadAsStringAsync()).RootElement.Clone();
                }
                await using var rollback = holder.CreateCommand();
                rollback.CommandText = "ROLLBACK;";
                await rollback.ExecuteNonQueryAsync();
            }

            var rating = (await client.QueryAsync(DrillSetup.Rate, DrillSetup.Rating(serviceId, "https://drill.example/locked"))).AssertOk();
            var comment = (await client.QueryAsync(DrillSetup.Post, DrillSetup.Comment(consultationId, token, "Written while the store was locked."))).AssertOk();
            var response = (await client.QueryAsync(DrillSetup.Answer, DrillSetup.Response(surveyId, token, 4))).AssertOk();
            using var widgetAgain = await DrillSetup.PostWidgetRatingAsync(http, widgetKey, "https://drill.example/widget-locked");

            foreach (var answer in refused)
            {
                output.WriteLine($"While locked: {answer}");
                DrillSetup.AssertUnavailable(answer, "STORE_BUSY");
            }
            Assert.Equal(1, read.AssertOk().At("service.ratingSummary.count").GetInt32());
            output.WriteLine($"Widget while locked: {(int)widgetStatus} Retry-After {widgetRetryAfter} {widgetProblem}");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "5"), (widgetStatus, widgetRetryAfter));
            Assert.Equal(("UNAVAILABLE", "STORE_BUSY"), (widgetProblem.GetProperty("code").GetString(), widgetProblem.GetProperty("reason").GetString()));
            Assert.Contains("nothing was saved", widgetProblem.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Created, widgetAgain.StatusCode);
            using var store = new StoreAudit(databasePath);
            // Each write is stored once: the refused attempt left nothing, the retry everything.
            Assert.Equal([rating.At("submitRating.id").GetString()!], store.RatingsByPage(serviceId)["https://drill.example/locked"]);
            Assert.Single(store.RatingsByPage(serviceId)["https://drill.example/widget-locked"]);
            Assert.Equal([comment.At("postComment.id").GetString()!], store.CommentsByText(consultationId)["Written while the store was locked."]);
            Assert.Equal([response.At("submitSurveyResponse.id").GetString()!], Assert.Single(store.ResponsesByParticipant(surveyId)).Value);
            var (compared, mismatches) = store.CheckTallies(serviceId, consultationId, surveyId);
            Assert.Empty(mismatches);
            Assert.True(compared > 0);
            Assert.Equal(HostProcess.KilledBySigkill, await host.KillAsync());
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(workDir);
        }
    }
}
