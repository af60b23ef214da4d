using Engagement.Core.Common;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>
/// Keyset paging over (ticks, id): the SQL filters with <c>(ticks, id) &gt; (@after_ticks, @after_id)</c>, orders by
/// both ascending and takes <c>@take</c> rows, one more than the page, to learn whether another page follows.
/// </summary>
internal static class Paging
{
    public static SqliteCommand WithPage(this SqliteCommand command, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Limit < 1)
            throw new ArgumentOutOfRangeException(nameof(page), page.Limit, "A page holds at least one item.");
        // Before every real key: no id is empty, and no instant has ticks below zero.
        return command
            .With("@after_ticks", page.After?.CreatedAt.UtcTicks ?? long.MinValue)
            .With("@after_id", page.After?.Id ?? "")
            .With("@take", Size(page) + 1);
    }

    public static Page<T> ToPage<T>(this List<T> rows, PageRequest page, Func<T, PageCursor> cursorOf)
    {
        var size = Size(page);
        if (rows.Count <= size)
            return new Page<T>(rows, null);
        rows.RemoveRange(size, rows.Count - size);
        return new Page<T>(rows, cursorOf(rows[^1]));
    }

    // The use cases validate limits; this cap only stops a caller that skipped them from reading a whole table.
    private static int Size(PageRequest page) => Math.Min(page.Limit, PageRequest.MaxLimit);
}
