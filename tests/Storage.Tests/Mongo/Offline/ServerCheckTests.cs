using Engagement.Storage.Mongo;
using MongoDB.Bson;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What start-up accepts of a server, from the answers a real server gives to buildInfo and hello.</summary>
public sealed class ServerCheckTests
{
    private static readonly BsonDocument ReplicaSet = new() { { "isWritablePrimary", true }, { "setName", "rs0" } };

    [Theory]
    [InlineData("6.0.0")]
    [InlineData("7.0.14")]
    [InlineData("8.0.4-rc1")]
    public void A_supported_replica_set_member_is_accepted(string version)
    {
        Assert.Null(ServerCheck.Problem(new BsonDocument("version", version), ReplicaSet, "db:27017"));
    }

    [Fact]
    public void A_mongos_router_is_accepted()
    {
        Assert.Null(ServerCheck.Problem(new BsonDocument("version", "7.0.1"), new BsonDocument("msg", "isdbgrid"), "db:27017"));
    }

    [Fact]
    public void A_standalone_server_is_refused_with_how_to_make_it_a_replica_set()
    {
        var problem = ServerCheck.Problem(new BsonDocument("version", "7.0.1"), new BsonDocument("isWritablePrimary", true), "db:27017");
        Assert.NotNull(problem);
        Assert.Contains("standalone", problem, StringComparison.Ordinal);
        Assert.Contains("--replSet", problem, StringComparison.Ordinal);
        Assert.Contains("db:27017", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5.0.26")]
    [InlineData("4.4.0")]
    public void An_old_server_is_refused_naming_both_versions(string version)
    {
        var problem = ServerCheck.Problem(new BsonDocument("version", version), ReplicaSet, "db:27017");
        Assert.NotNull(problem);
        Assert.Contains(version, problem, StringComparison.Ordinal);
        Assert.Contains("6.0", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_without_a_version_is_refused()
    {
        Assert.NotNull(ServerCheck.Problem([], ReplicaSet, "db:27017"));
    }
}

/// <summary>What start-up does when no MongoDB answers, and what the log line names.</summary>
public sealed class MongoStorageStartupTests
{
    private const string Unreachable = "mongodb://app:s3cret@127.0.0.1:9,127.0.0.1:10/engagement?serverSelectionTimeoutMS=300&connectTimeoutMS=300";

    [Fact]
    public async Task InitializeAsync_fails_with_a_message_naming_the_servers_and_the_setting_never_the_password()
    {
        using var storage = new MongoStorage(Unreachable);

        var error = await Assert.ThrowsAsync<MongoStartupException>(() => storage.InitializeAsync());

        Assert.Contains("127.0.0.1:9,127.0.0.1:10", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Mongo", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsHealthyAsync_is_false_rather_than_throwing_when_no_server_answers()
    {
        using var storage = new MongoStorage(Unreachable);

        Assert.False(await storage.IsHealthyAsync());
    }

    [Fact]
    public void Describe_names_hosts_and_database_but_not_credentials()
    {
        using var storage = new MongoStorage(Unreachable);

        Assert.Equal("MongoDB 127.0.0.1:9,127.0.0.1:10/engagement", storage.Describe());
    }

    [Fact]
    public void The_database_defaults_to_engagement()
    {
        using var storage = new MongoStorage("mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=300");

        Assert.Equal("engagement", storage.Database.DatabaseNamespace.DatabaseName);
    }
}
