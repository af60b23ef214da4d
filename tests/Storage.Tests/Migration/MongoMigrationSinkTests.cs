using Engagement.Storage.Migration;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Mongo.Offline;
using MongoDB.Bson;
using Queries = Engagement.Storage.Migration.MongoMigrationSink.Queries;

namespace Engagement.Storage.Tests.Migration;

/// <summary>
/// What the Mongo sink sends, rendered without a server and checked in under Mongo/Expected/MongoMigrationSink: replace-or-insert
/// by _id (a batch written twice changes nothing), a counter that only rises, and checkpoints that read back as written.
/// </summary>
public sealed class MongoMigrationSinkTests
{
    static MongoMigrationSinkTests() => BsonMaps.Register();

    [Fact]
    public void A_copied_document_replaces_the_one_with_its_id_or_is_inserted()
    {
        var document = new BsonDocument { { "_id", new BsonDocument { { "commentId", "c-1" }, { "participantId", "p-1" } } }, { "reaction", "Agree" } };

        var model = Queries.Upsert(document);

        Assert.True(model.IsUpsert);
        Assert.Same(document, model.Replacement);
        var rendered = new BsonDocument { { "filter", Rendered.Of(model.Filter) }, { "replacement", model.Replacement }, { "upsert", model.IsUpsert } };
        Approved.Matches("MongoMigrationSink/Upsert", rendered);
    }

    [Fact]
    public void A_document_without_an_id_is_never_sent()
    {
        Assert.Throws<ArgumentException>(() => Queries.Upsert(new BsonDocument("reaction", "Agree")));
    }

    [Fact]
    public void A_counter_is_raised_with_max_so_a_rerun_never_lowers_it()
    {
        var (filter, update) = Queries.Raise(Storage.Mongo.TextFeed.Counter, "value", 42);

        Approved.Matches("MongoMigrationSink/Raise", new BsonDocument { { "filter", Rendered.Of(filter) }, { "update", Rendered.Of(update) } });
    }

    [Fact]
    public void A_checkpoint_reads_back_as_it_was_saved()
    {
        var checkpoint = new MigrationCheckpoint("comment_reactions", new BsonArray { "c-9", "p-3" }, 1_234, "sqlite:720896:638680000000000000");

        var document = Queries.Document(checkpoint);

        Assert.Equal("comment_reactions", document["_id"].AsString);
        Assert.Equal(checkpoint, Queries.CheckpointOf(document));
        Approved.Matches("MongoMigrationSink/ById", Rendered.Of(Queries.ById("comment_reactions")));
    }

    [Fact]
    public void The_sink_names_the_server_and_database_but_never_the_credentials()
    {
        using var storage = new MongoStorage("mongodb://copier:s3cret@db1.example.org:27017,db2.example.org:27017/engagement?replicaSet=rs0");

        var described = new MongoMigrationSink(storage).Describe();

        Assert.Contains("db1.example.org:27017", described, StringComparison.Ordinal);
        Assert.Contains("/engagement", described, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", described, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoints_live_in_a_collection_no_store_uses()
    {
        var collections = typeof(MongoSchema.Collections).GetFields().Select(f => (string)f.GetValue(null)!);
        Assert.DoesNotContain(MongoMigrationSink.CheckpointCollection, collections);
        Assert.DoesNotContain(MongoMigrationSink.CheckpointCollection, MigrationPlan.Engagement().Tables.Select(t => t.Collection));
    }
}
