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
