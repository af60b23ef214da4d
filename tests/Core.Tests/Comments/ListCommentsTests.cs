using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Comments;

/// <summary>Reading a consultation thread page by page, with counts and the viewer's own reactions.</summary>
public sealed class ListCommentsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private Task<Result<ListComments.Thread>> ListAsync(string consultationId, string? after = null, int limit = ListComments.DefaultLimit, string? participantId = null) =>
        _platform.ListComments.ExecuteAsync(new ListComments.Request(consultationId, after, limit, participantId));

    private async Task ReactAsync(Comment comment, string participantId, Reaction reaction) =>
        ResultAssert.Succeeded(await _platform.ReactToComment.ExecuteAsync(new ReactToComment.Request(comment.Id, participantId, reaction)));

    [Fact]
    public async Task List_gives_top_level_comments_with_their_replies_counts_and_the_viewers_reaction()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var viewer = await _platform.RegisterParticipantAsync();
        var other = await _platform.RegisterParticipantAsync();
        var first = await _platform.PostCommentAsync(consultation, "First");
        _platform.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await _platform.PostCommentAsync(consultation, "Second");
        _platform.Clock.Advance(TimeSpan.FromSeconds(1));
        var reply = await _platform.PostCommentAsync(consultation, "Reply to first", parentId: first.Id);
        await ReactAsync(first, viewer.Id, Reaction.Agree);
        await ReactAsync(first, other.Id, Reaction.Agree);
        await ReactAsync(second, other.Id, Reaction.Disagree);
        await ReactAsync(reply, viewer.Id, Reaction.Disagree);

        var thread = ResultAssert.Succeeded(await ListAsync(consultation.Id, participantId: viewer.Id));

        Assert.Null(thread.NextCursor);
        Assert.Equal([first.Id, second.Id], thread.Items.Select(i => i.Comment.Id));
        var firstItem = thread.Items[0];
        Assert.Equal((2L, 0L, Reaction.Agree), (firstItem.Agree, firstItem.Disagree, firstItem.MyReaction));
        var replyItem = Assert.Single(firstItem.Replies);
        Assert.Equal((reply.Id, 0L, 1L, Reaction.Disagree), (replyItem.Comment.Id, replyItem.Agree, replyItem.Disagree, replyItem.MyReaction));
        Assert.Empty(replyItem.Replies);
        var secondItem = thread.Items[1];
        Assert.Equal((0L, 1L, (Reaction?)null), (secondItem.Agree, secondItem.Disagree, secondItem.MyReaction));
        Assert.Empty(secondItem.Replies);
    }

    [Fact]
    public async Task List_without_a_viewer_shows_no_own_reaction()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await _platform.PostCommentAsync(consultation);
        await ReactAsync(comment, (await _platform.RegisterParticipantAsync()).Id, Reaction.Agree);

        var item = Assert.Single(ResultAssert.Succeeded(await ListAsync(consultation.Id)).Items);

        Assert.Equal((1L, (Reaction?)null), (item.Agree, item.MyReaction));
    }

    [Fact]
    public async Task List_pages_through_every_comment_once_in_order()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var posted = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            posted.Add((await _platform.PostCommentAsync(consultation, $"Comment {i}")).Id);
            _platform.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = ResultAssert.Succeeded(await ListAsync(consultation.Id, cursor, limit: 3));
            Assert.InRange(page.Items.Count, 1, 3);
            seen.AddRange(page.Items.Select(i => i.Comment.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(posted, seen);
    }

    [Fact]
    public async Task List_pages_through_comments_posted_in_the_same_instant()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var posted = new HashSet<string>();
        for (var i = 0; i < 7; i++)
            posted.Add((await _platform.PostCommentAsync(consultation, $"Comment {i}")).Id);

        var seen = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = ResultAssert.Succeeded(await ListAsync(consultation.Id, cursor, limit: 2));
            seen.AddRange(page.Items.Select(i => i.Comment.Id));
            cursor = page.NextCursor;
            if (cursor is null)
                break;
        }

        Assert.Null(cursor);
        Assert.Equal(posted.Count, seen.Count);
        Assert.Equal(posted, seen.ToHashSet());
    }

    [Fact]
    public async Task List_gives_no_cursor_when_the_last_page_is_exactly_full()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        for (var i = 0; i < 2; i++)
            await _platform.PostCommentAsync(consultation);

        var first = ResultAssert.Succeeded(await ListAsync(consultation.Id, limit: 2));

        Assert.Equal(2, first.Items.Count);
        Assert.Null(first.NextCursor);
    }

    [Theory]
    [InlineData(CommentStatus.Held)]
    [InlineData(CommentStatus.Rejected)]
    [InlineData(CommentStatus.Hidden)]
    public async Task List_leaves_out_comments_and_replies_that_are_not_published(CommentStatus status)
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var shown = await _platform.PostCommentAsync(consultation, "Shown");
        var notShown = await _platform.PostCommentAsync(consultation, "Not shown");
        var shownReply = await _platform.PostCommentAsync(consultation, "Shown reply", parentId: shown.Id);
        var notShownReply = await _platform.PostCommentAsync(consultation, "Not shown reply", parentId: shown.Id);
        await _platform.SetCommentStatusAsync(notShown, status);
        await _platform.SetCommentStatusAsync(notShownReply, status);

        var thread = ResultAssert.Succeeded(await ListAsync(consultation.Id));

        var item = Assert.Single(thread.Items);
        Assert.Equal(shown.Id, item.Comment.Id);
        Assert.Equal(shownReply.Id, Assert.Single(item.Replies).Comment.Id);
    }

    [Fact]
    public async Task List_of_a_consultation_without_comments_is_empty()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();

        var thread = ResultAssert.Succeeded(await ListAsync(consultation.Id, participantId: (await _platform.RegisterParticipantAsync()).Id));

        Assert.Empty(thread.Items);
        Assert.Null(thread.NextCursor);
    }

    [Fact]
    public async Task List_is_refused_when_the_consultation_is_unknown()
    {
        ResultAssert.FailedOnly(await ListAsync(Ids.New()), "consultationId", ErrorCodes.NotFound);
    }

    [Fact]
    public async Task List_accepts_the_largest_page()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        await _platform.PostCommentAsync(consultation);

        Assert.Single(ResultAssert.Succeeded(await ListAsync(consultation.Id, limit: PageRequest.MaxLimit)).Items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(PageRequest.MaxLimit + 1)]
    [InlineData(int.MaxValue)]
    public async Task List_is_refused_when_the_limit_is_out_of_range(int limit)
    {
        var consultation = await _platform.CreateOpenConsultationAsync();

        ResultAssert.FailedOnly(await ListAsync(consultation.Id, limit: limit), "limit", ErrorCodes.OutOfRange);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-cursor")]
    [InlineData("Zm9vYmFy")]
    [InlineData("!!!")]
    public async Task List_is_refused_when_the_cursor_was_not_given_by_the_platform(string cursor)
    {
        var consultation = await _platform.CreateOpenConsultationAsync();

        ResultAssert.FailedOnly(await ListAsync(consultation.Id, cursor), "after", ErrorCodes.InvalidFormat);
    }

    [Fact]
    public async Task List_reports_a_bad_cursor_and_a_bad_limit_together()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();

        var result = await ListAsync(consultation.Id, "garbage!", 0);

        ResultAssert.Failed(result, "after", ErrorCodes.InvalidFormat);
        ResultAssert.Failed(result, "limit", ErrorCodes.OutOfRange);
    }
}
