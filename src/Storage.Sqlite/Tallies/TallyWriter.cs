using Engagement.Core.Tallies;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>The one way tallies change: inside the write transaction of the record they count.</summary>
internal static class TallyWriter
{
    public static void Apply(this SqliteTransaction tx, TallyDelta delta)
    {
        if (delta.IsEmpty)
            return;
        using var upsert = tx.Command("""
            INSERT INTO tallies (scope, bucket, count) VALUES (@scope, @bucket, @delta)
            ON CONFLICT (scope, bucket) DO UPDATE SET count = count + excluded.count
            """);
        var scope = upsert.Parameters.Add("@scope", SqliteType.Text);
        var bucket = upsert.Parameters.Add("@bucket", SqliteType.Text);
        var amount = upsert.Parameters.Add("@delta", SqliteType.Integer);
        foreach (var change in delta.Changes)
        {
            scope.Value = change.Scope;
            bucket.Value = change.Bucket;
            amount.Value = change.Delta;
            upsert.ExecuteNonQuery();
        }
    }
}
