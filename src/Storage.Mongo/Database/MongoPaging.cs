using Engagement.Core.Common;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// Keyset paging over (instant, _id), the same order as every adapter's: filter after the cursor, sort by both
/// ascending, take one more than the page to learn whether another follows.
/// </summary>
internal static class MongoPaging
{
    /// <summary>Documents after the cursor: later instant, or the same instant and a greater id. Everything when no cursor.</summary>
    public static FilterDefinition<T> After<T>(string instantField, PageRequest page)
    {
        if (page.After is not { } after)
            return Builders<T>.Filter.Empty;
        var ticks = Instant.TicksOf(instantField);
        var f = Builders<T>.Filter;
        return f.Or(
            f.Gt(ticks, after.CreatedAt.UtcTicks),
            f.And(f.Eq(ticks, after.CreatedAt.UtcTicks), f.Gt("_id", after.Id)));
    }

    /// <summary>Oldest first by (instant, _id).</summary>
    public static SortDefinition<T> Oldest<T>(string instantField) =>
        Builders<T>.Sort.Ascending(Instant.TicksOf(instantField)).Ascending("_id");

    /// <summary>Newest first by (instant, _id), both descending.</summary>
    public static SortDefinition<T> Newest<T>(string instantField) =>
        Builders<T>.Sort.Descending(Instant.TicksOf(instantField)).Descending("_id");

    /// <summary>One more than the page holds; the cap only stops a caller that skipped the use case's validation.</summary>
    public static int Take(PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Limit < 1)
            throw new ArgumentOutOfRangeException(nameof(page), page.Limit, "A page holds at least one item.");
        return Math.Min(page.Limit, PageRequest.MaxLimit) + 1;
    }

    public static Page<T> ToPage<T>(List<T> rows, PageRequest page, Func<T, PageCursor> cursorOf)
    {
        var size = Take(page) - 1;
        if (rows.Count <= size)
            return new Page<T>(rows, null);
        rows.RemoveRange(size, rows.Count - size);
        return new Page<T>(rows, cursorOf(rows[^1]));
    }

    /// <summary>An ascending compound index key over (prefix fields…, instant ticks, _id), the shape every paged query uses.</summary>
    public static BsonDocument Keys(string instantField, params string[] prefix)
    {
        var keys = new BsonDocument();
        foreach (var p in prefix)
            keys.Add(p, 1);
        keys.Add(Instant.TicksOf(instantField), 1);
        keys.Add("_id", 1);
        return keys;
    }
}
