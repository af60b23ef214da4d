using MongoDB.Bson;

namespace Engagement.Storage.Mongo;

/// <summary>
/// What start-up requires of the server, judged from its <c>buildInfo</c> and <c>hello</c> answers (kept apart from the
/// network so the rules are tested offline): a supported version, and a replica set or sharded cluster, because every
/// record is written in one transaction with the tallies and feeds that count it.
/// </summary>
public static class ServerCheck
{
    public static readonly Version Oldest = new(6, 0);

    /// <summary>Null when the server will do; otherwise the message start-up fails with.</summary>
    public static string? Problem(BsonDocument buildInfo, BsonDocument hello, string where)
    {
        var text = buildInfo.GetValue("version", BsonNull.Value) is BsonString s ? s.Value : null;
        if (text is null || !Version.TryParse(text.Split('-', '+')[0], out var version))
            return $"MongoDB at {where} did not report a version; Engagement needs MongoDB {Oldest} or later.";
        if (version < Oldest)
            return $"MongoDB at {where} is version {text}; Engagement needs MongoDB {Oldest} or later.";
        var isReplicaSet = hello.Contains("setName");
        var isRouter = hello.GetValue("msg", BsonNull.Value) is BsonString { Value: "isdbgrid" };
        if (!isReplicaSet && !isRouter)
            return $"MongoDB at {where} is a standalone server, which cannot run transactions; Engagement writes each record together "
                + "with its tallies in one transaction, so it needs a replica set (a one-node set will do: start mongod with "
                + "--replSet rs0 and run rs.initiate() once) or a sharded cluster.";
        return null;
    }
}
