using System.Globalization;
using System.Text;

namespace Engagement.Core.Common;

/// <summary>
/// A request for one page of a list ordered by (creation time, id): the cursor of the last item seen and a size.
/// Use cases validate the size; adapters refuse a size below 1 (ArgumentOutOfRangeException) and cap it at <see cref="MaxLimit"/>.
/// </summary>
public sealed record PageRequest(PageCursor? After, int Limit)
{
    public const int MaxLimit = 200;

    public static PageRequest First(int limit) => new(null, limit);
}

/// <summary>A position in a list ordered by (creation time, id); opaque to clients.</summary>
public readonly record struct PageCursor(DateTimeOffset CreatedAt, string Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{Id}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Reads a cursor a client sent back; false for anything that does not decode to a position. Cursors are
    /// not signed: a forged one only moves the reader within a list it may already read.
    /// </summary>
    public static bool TryDecode(string? text, out PageCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 200)
            return false;
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var raw = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var colon = raw.IndexOf(':');
            if (colon <= 0 || !long.TryParse(raw.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks)
                return false;
            cursor = new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), raw[(colon + 1)..]);
            return cursor.Id.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static PageCursor Of(DateTimeOffset createdAt, string id) => new(createdAt, id);
}

/// <summary>One page of items and the cursor to continue from, null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, PageCursor? Next);
