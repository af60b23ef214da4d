using System.Text;
using Engagement.Core.Common;

namespace Engagement.Core.Tests.Common;

/// <summary>Page cursors survive a round trip and anything the platform did not produce is refused.</summary>
public sealed class PageCursorTests
{
    private static string Base64Url(string raw) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public void Encode_then_TryDecode_gives_the_same_position()
    {
        var cursor = PageCursor.Of(new DateTimeOffset(2030, 3, 14, 9, 26, 53, 589, TimeSpan.Zero).AddTicks(7), Ids.New());
        Assert.True(PageCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor, decoded);
        Assert.Equal(cursor.CreatedAt.UtcTicks, decoded.CreatedAt.UtcTicks);
    }

    [Fact]
    public void Encode_then_TryDecode_keeps_the_instant_of_a_time_with_an_offset()
    {
        var cursor = PageCursor.Of(new DateTimeOffset(2030, 3, 14, 5, 0, 0, TimeSpan.FromHours(-4)), "id-1");
        Assert.True(PageCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor.CreatedAt.UtcDateTime, decoded.CreatedAt.UtcDateTime);
        Assert.Equal("id-1", decoded.Id);
    }

    [Fact]
    public void Encode_then_TryDecode_keeps_an_id_with_colons_and_unicode()
    {
        var cursor = PageCursor.Of(DateTimeOffset.UnixEpoch, "a:b:é👍");
        Assert.True(PageCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor, decoded);
    }

    [Fact]
    public void Encode_is_url_safe()
    {
        for (var i = 0; i < 50; i++)
        {
            var encoded = PageCursor.Of(DateTimeOffset.UnixEpoch.AddTicks(i * 7919), Ids.New() + new string('?', i % 4)).Encode();
            Assert.DoesNotContain('+', encoded);
            Assert.DoesNotContain('/', encoded);
            Assert.DoesNotContain('=', encoded);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a cursor!")]
    [InlineData("%%%%")]
    [InlineData("====")]
    [InlineData("a")]
    public void TryDecode_refuses_text_that_is_not_base64(string? text)
    {
        Assert.False(PageCursor.TryDecode(text, out var cursor));
        Assert.Equal(default, cursor);
    }

    [Theory]
    [InlineData("no colon at all")]
    [InlineData(":only-an-id")]
    [InlineData("123:")]
    [InlineData("abc:id")]
    [InlineData("-5:id")]
    [InlineData("+5:id")]
    [InlineData(" 5:id")]
    [InlineData("5.0:id")]
    [InlineData("1e3:id")]
    [InlineData("99999999999999999999999:id")]
    [InlineData("3155378976000000000:id")]
    public void TryDecode_refuses_a_forged_cursor(string raw)
    {
        Assert.False(PageCursor.TryDecode(Base64Url(raw), out _));
    }

    [Fact]
    public void TryDecode_accepts_the_largest_instant()
    {
        Assert.True(PageCursor.TryDecode(Base64Url($"{DateTimeOffset.MaxValue.UtcTicks}:id"), out var cursor));
        Assert.Equal(DateTimeOffset.MaxValue, cursor.CreatedAt);
    }

    [Fact]
    public void TryDecode_refuses_an_overlong_text_before_decoding_it()
    {
        var longId = PageCursor.Of(DateTimeOffset.UnixEpoch, new string('x', 300)).Encode();
        Assert.False(PageCursor.TryDecode(longId, out _));
        Assert.False(PageCursor.TryDecode(new string('A', 100_000), out _));
    }
}
