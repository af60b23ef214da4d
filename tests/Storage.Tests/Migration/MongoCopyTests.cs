using Engagement.Core.Backlog;
using Engagement.Core.Email;
using Engagement.Storage.Migration;
using Engagement.Storage.Mongo;
using Engagement.Storage.Sqlite;
using Engagement.Storage.Tests.Contract;
using Engagement.Storage.Tests.Mongo;
using Engagement.Storage.Tests.Sqlite;
using MongoDB.Driver;

namespace Engagement.Storage.Tests.Migration;

/// <summary>
/// The seeded file copied into a real MongoDB through <see cref="MongoMigrationSink"/>, then read through the Mongo stores
/// themselves: each answers as the SQLite store does over the file, and the sequences continue after the copied ones.
/// Skipped, with the reason, when no MongoDB is configured.
/// </summary>
[MongoContract]
public sealed class MongoCopyTests
{
    [ContractFact]
    public async Task The_mongo_stores_answer_from_the_copy_as_the_sqlite_stores_do_from_the_file()
    {
        using var file = await SeededSqlite.CreateAsync();
        var url = new MongoUrlBuilder(MongoFixture.ConnectionString) { DatabaseName = $"engagement_test_{Guid.NewGuid():N}" };
        using var storage = new MongoStorage(url.ToString());
        try
        {
            CopyReport report;
            using (var source = SqliteMigrationSource.Open(file.Path))
                report = await new StoreCopy(source, new MongoMigrationSink(storage), MigrationPlan.Engagement(), TextWriter.Null).RunAsync(2);
            Assert.True(report.Succeeded);
            Assert.Contains(report.Tables, t => t is { Table: "staff_grants", SourceCount: 3, Ok: true });

            using var db = new SqliteDatabase(file.Path);
            var (sqlite, mongo) = (SqliteFixture.For(db), MongoFixture.For(storage));
            var organisationId = file.OrganisationId;

            foreach (var hash in Column(file.Path, "SELECT token_hash FROM participants WHERE token_hash IS NOT NULL UNION ALL SELECT token_hash FROM participant_tokens"))
                Same.Equal(await sqlite.Participants.GetByTokenHashAsync(hash), await mongo.Participants.GetByTokenHashAsync(hash));
            foreach (var organisation in Column(file.Path, "SELECT DISTINCT organisation_id FROM staff_grants"))
                Same.Sequence(await sqlite.Staff.ListByOrganisationAsync(organisation), await mongo.Staff.ListByOrganisationAsync(organisation));
            Same.Sequence(await sqlite.TermLists.ListAsync(organisationId), await mongo.TermLists.ListAsync(organisationId));
            foreach (var comment in Column(file.Path, "SELECT DISTINCT comment_id FROM comment_reports"))
                Assert.Equal(await sqlite.CommentReports.CountAsync(comment, DateTimeOffset.MinValue), await mongo.CommentReports.CountAsync(comment, DateTimeOffset.MinValue));
            Assert.Equal(await sqlite.SentimentFeed.GetCheckpointAsync(), await mongo.SentimentFeed.GetCheckpointAsync());
            Assert.Equal(await sqlite.Webhooks.GetFanOutCheckpointAsync(), await mongo.Webhooks.GetFanOutCheckpointAsync());
            Same.Sequence(await sqlite.Themes.ListRecentTextsAsync(organisationId, 100), await mongo.Themes.ListRecentTextsAsync(organisationId, 100));
            Assert.Equal(await sqlite.Themes.WatermarkAsync(organisationId), await mongo.Themes.WatermarkAsync(organisationId));
            Same.Equal(await sqlite.Themes.GetAsync(organisationId), await mongo.Themes.GetAsync(organisationId));
            Same.Sequence(await sqlite.Backlog.ReadEventsAsync(0, 100), await mongo.Backlog.ReadEventsAsync(0, 100));
            foreach (var status in Enum.GetValues<OutboxStatus>())
                Same.Sequence(await sqlite.Outbox.ListAsync(status, 100), await mongo.Outbox.ListAsync(status, 100));
            foreach (var list in Enum.GetValues<MailingList>())
            {
                var hashes = Column(file.Path, $"SELECT address_hash FROM email_suppressions WHERE list = '{list}'");
                Assert.Equal((await sqlite.EmailSuppressions.SuppressedAsync(list, hashes)).Order(StringComparer.Ordinal),
                    (await mongo.EmailSuppressions.SuppressedAsync(list, hashes)).Order(StringComparer.Ordinal));
            }
            foreach (var hash in Column(file.Path, "SELECT token_hash FROM email_challenges"))
                Same.Equal(await sqlite.EmailChallenges.GetByTokenHashAsync(hash), await mongo.EmailChallenges.GetByTokenHashAsync(hash));
            foreach (var id in Column(file.Path, "SELECT id FROM webhook_deliveries"))
                Same.Equal(await sqlite.Webhooks.GetDeliveryAsync(id), await mongo.Webhooks.GetDeliveryAsync(id));

            // The next backlog write on Mongo continues the copied event sequence, as the next write on SQLite would have.
            var last = (await mongo.Backlog.ReadEventsAsync(0, 100))[^1];
            var item = last.Item;
            var started = item with { Status = BacklogStatus.InProgress, UpdatedAt = item.UpdatedAt.AddMinutes(1), Version = item.Version + 1 };
            Assert.True(await mongo.Backlog.TryUpdateAsync(started, item.Version, BacklogWrite.Between(item, started)));
            Assert.Equal([last.Sequence + 1], (await mongo.Backlog.ReadEventsAsync(last.Sequence, 10)).Select(e => e.Sequence));
        }
        finally
        {
            await storage.Database.Client.DropDatabaseAsync(url.DatabaseName);
        }
    }

    private static List<string> Column(string path, string sql) => [.. SqliteRows.Read(path, sql).Select(row => (string)row[0]!)];
}
