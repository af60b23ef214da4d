using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Tallies;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="ICommentStore"/> every adapter honours, tallies included.</summary>
public abstract class CommentStoreContract : StoreContract
{
    [ContractFact]
    public async Task TryAddAsync_stores_a_comment_that_GetAsync_returns_with_every_field()
    {
        var stores = await CreateStoresAsync();
        var comment = Make.Comment(Ids.New(), Ids.New());

        Assert.True(await stores.Comments.TryAddAsync(comment));

        Same.Equal(comment, await stores.Comments.GetAsync(comment.Id));
    }

    [ContractFact]
    public async Task TryAddAsync_stores_a_reply_with_its_parent()
    {
        var stores = await CreateStoresAsync();
        var parent = Make.Comment(Ids.New(), Ids.New());
        var reply = Make.Comment(parent.OrganisationId, parent.ConsultationId, parent.Id, CommentStatus.Held);
        await stores.Comments.TryAddAsync(parent);

        Assert.True(await stores.Comments.TryAddAsync(reply));

        var stored = await stores.Comments.GetAsync(reply.Id);
        Same.Equal(reply, stored);
        Assert.True(stored!.IsReply);
    }

    [ContractFact]
    public async Task TryAddAsync_counts_the_comment_in_its_consultations_tally_by_kind_and_status()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, consultationId) = (Ids.New(), Ids.New());
        var first = Make.Comment(organisationId, consultationId);
        await stores.Comments.TryAddAsync(first);
        await stores.Comments.TryAddAsync(Make.Comment(organisationId, consultationId));
        await stores.Comments.TryAddAsync(Make.Comment(organisationId, consultationId, status: CommentStatus.Held));
        await stores.Comments.TryAddAsync(Make.Comment(organisationId, consultationId, first.Id, CommentStatus.Held));

        var tally = await stores.Tallies.GetAsync(TallyScopes.Consultation(consultationId));

        Assert.Equal(2, tally["comments.published"]);
        Assert.Equal(1, tally["comments.held"]);
        Assert.Equal(1, tally["replies.held"]);
        Assert.Equal(0, tally["replies.published"]);
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_id_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Comment(Ids.New(), Ids.New());
        await stores.Comments.TryAddAsync(first);
        var second = Make.Comment(Ids.New(), Ids.New(), id: first.Id);

        Assert.False(await stores.Comments.TryAddAsync(second));

        Same.Equal(first, await stores.Comments.GetAsync(first.Id));
        Assert.DoesNotContain((await stores.Tallies.GetAsync(TallyScopes.Consultation(second.ConsultationId))).Counts, c => c.Value != 0);
        Assert.Equal(1, (await stores.Tallies.GetAsync(TallyScopes.Consultation(first.ConsultationId)))["comments.published"]);
    }

    [ContractFact]
    public async Task GetAsync_returns_null_when_there_is_no_comment_with_the_id()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Comments.GetAsync(Ids.New()));
    }

    [ContractFact]
    public async Task GetManyAsync_skips_missing_ids_and_returns_duplicates_once()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, consultationId) = (Ids.New(), Ids.New());
        var a = Make.Comment(organisationId, consultationId);
        var b = Make.Comment(organisationId, consultationId, a.Id);
        var c = Make.Comment(organisationId, consultationId);
        foreach (var comment in new[] { a, b, c })
            await stores.Comments.TryAddAsync(comment);

        var found = await stores.Comments.GetManyAsync([b.Id, Ids.New(), a.Id, b.Id]);

        Same.Sequence(new[] { a, b }.OrderBy(x => x.Id, StringComparer.Ordinal), found.OrderBy(x => x.Id, StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task GetManyAsync_returns_nothing_when_asked_for_no_ids()
    {
        var stores = await CreateStoresAsync();

        Assert.Empty(await stores.Comments.GetManyAsync([]));
    }

    [ContractFact]
    public async Task ListTopLevelAsync_returns_the_consultations_top_level_comments_oldest_first_without_replies()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, consultationId) = (Ids.New(), Ids.New());
        var late = Make.Comment(organisationId, consultationId, createdAt: Make.T0.AddMinutes(2));
        var early = Make.Comment(organisationId, consultationId, createdAt: Make.T0);
        var reply = Make.Comment(organisationId, consultationId, early.Id, createdAt: Make.T0.AddMinutes(1));
        var elsewhere = Make.Comment(organisationId, Ids.New(), createdAt: Make.T0.AddMinutes(1));
        foreach (var comment in new[] { late, early, reply, elsewhere })
            await stores.Comments.TryAddAsync(comment);

        var page = await stores.Comments.ListTopLevelAsync(consultationId, null, PageRequest.First(10));

        Same.Sequence([early, late], page.Items);
        Assert.Null(page.Next);
    }

    [ContractFact]
    public async Task ListTopLevelAsync_returns_only_the_comments_in_the_status_asked_for()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, consultationId) = (Ids.New(), Ids.New());
        var published = Make.Comment(organisationId, consultationId, createdAt: Make.T0);
        var held = Make.Comment(organisationId, consultationId, status: CommentStatus.Held, createdAt: Make.T0.AddSeconds(1));
        var hidden = Make.Comment(organisationId, consultationId, status: CommentStatus.Hidden, createdAt: Make.T0.AddSeconds(2));
        foreach (var comment in new[] { published, held, hidden })
            await stores.Comments.TryAddAsync(comment);

        Same.Sequence([held], (await stores.Comments.ListTopLevelAsync(consultationId, CommentStatus.Held, PageRequest.First(10))).Items);
        Same.Sequence([published], (await stores.Comments.ListTopLevelAsync(consultationId, CommentStatus.Published, PageRequest.First(10))).Items);
        Assert.Empty((await stores.Comments.ListTopLevelAsync(consultationId, CommentStatus.Rejected, PageRequest.First(10))).Items);
        Same.Sequence([published, held, hidden], (await stores.Comments.ListTopLevelAsync(consultationId, null, PageRequest.First(10))).Items);
    }

    [ContractFact]
    public async Task ListTopLevelAsync_pages_through_equal_creation_times_by_id_with_cursors()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, consultationId) = (Ids.New(), Ids.New());
        // Seven share one instant, so only the id can order them; the others bracket them, one at another offset.
        var comments = Enumerable.Range(0, 7).Select(_ => Make.Comment(organisationId, consultationId, createdAt: Make.T0))
            .Append(Make.Comment(organisationId, consultationId, createdAt: Make.T0.AddTicks(-1)))
            .Append(Make.Comment(organisationId, consultationId, createdAt: Make.T0.AddTicks(1).ToOffset(TimeSpan.FromHours(9))))
            .Append(Make.Comment(organisationId, consultationId, createdAt: Make.T0.AddTicks(1)))
            .ToArray();
        foreach (var comment in comments.Reverse())
            await stores.Comments.TryAddAsync(comment);

        var seen = new List<Comment>();
        var pages = 0;
        PageCursor? after = null;
        do
        {
            var page = await stores.Comments.ListTopLevelAsync(consultationId, CommentStatus.Published, new PageRequest(after, 3));
            Assert.InRange(page.Items.Count, 1, 3);
            seen.AddRange(page.Items);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(4, pages);
        Same.Sequence(comments.InPageOrder(c => c.CreatedAt, c => c.Id), seen);
    }

    [ContractFact]
    public async Task ListTopLevelAsync_returns_a_null_cursor_when_the_page_ends_exactly_at_the_last_comment()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, consultationId) = (Ids.New(), Ids.New());
        var comments = Enumerable.Range(0, 4).Select(i => Make.Comment(organisationId, consultationId, createdAt: Make.T0.AddSeconds(i))).ToArray();
        foreach (var comment in comments)
            await stores.Comments.TryAddAsync(comment);

        var first = await stores.Comments.ListTopLevelAsync(consultationId, null, PageRequest.First(2));
        var second = await stores.Comments.ListTopLevelAsync(consultationId, null, new PageRequest(first.Next, 2));

        Assert.Equal(PageCursor.Of(comments[1].CreatedAt, comments[1].Id), first.Next);
        Same.Sequence(comments[2..], second.Items);
        Assert.Null(second.Next);
    }

    [ContractFact]
    public async Task ListTopLevelAsync_returns_an_empty_last_page_for_an_unknown_consultation()
    {
        var stores = await CreateStoresAsync();

        var page = await stores.Comments.ListTopLevelAsync(Ids.New(), null, PageRequest.First(10));

        Assert.Empty(page.Items);
        Assert.Null(page.Next);
    }

    [ContractFact]
    public async Task ListRepliesAsync_returns_the_replies_to_all_the_given_comments_oldest_first()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, consultationId) = (Ids.New(), Ids.New());
        var a = Make.Comment(organisationId, consultationId);
        var b = Make.Comment(organisationId, consultationId);
        var other = Make.Comment(organisationId, consultationId);
        var a2 = Make.Comment(organisationId, consultationId, a.Id, createdAt: Make.T0.AddMinutes(3));
        var b1 = Make.Comment(organisationId, consultationId, b.Id, createdAt: Make.T0.AddMinutes(2));
        var a1 = Make.Comment(organisationId, consultationId, a.Id, createdAt: Make.T0.AddMinutes(1));
        var otherReply = Make.Comment(organisationId, consultationId, other.Id, createdAt: Make.T0.AddMinutes(1));
        var sameTime = Enumerable.Range(0, 3).Select(_ => Make.Comment(organisationId, consultationId, b.Id, createdAt: Make.T0.AddMinutes(4))).ToArray();
        foreach (var comment in new[] { a, b, other, a2, b1, a1, otherReply }.Concat(sameTime))
            await stores.Comments.TryAddAsync(comment);

        var replies = await stores.Comments.ListRepliesAsync([a.Id, b.Id, Ids.New(), a.Id], null);

        Same.Sequence(new[] { a1, b1, a2 }.Concat(sameTime.OrderBy(c => c.Id, StringComparer.Ordinal)), replies);
    }

    [ContractFact]
    public async Task ListRepliesAsync_returns_only_the_replies_in_the_status_asked_for()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, consultationId) = (Ids.New(), Ids.New());
        var parent = Make.Comment(organisationId, consultationId);
        var published = Make.Comment(organisationId, consultationId, parent.Id, createdAt: Make.T0.AddMinutes(1));
        var held = Make.Comment(organisationId, consultationId, parent.Id, CommentStatus.Held, Make.T0.AddMinutes(2));
        foreach (var comment in new[] { parent, published, held })
            await stores.Comments.TryAddAsync(comment);

        Same.Sequence([published], await stores.Comments.ListRepliesAsync([parent.Id], CommentStatus.Published));
        Same.Sequence([held], await stores.Comments.ListRepliesAsync([parent.Id], CommentStatus.Held));
        Same.Sequence([published, held], await stores.Comments.ListRepliesAsync([parent.Id], null));
    }

    [ContractFact]
    public async Task ListRepliesAsync_returns_nothing_when_asked_for_no_parents()
    {
        var stores = await CreateStoresAsync();

        Assert.Empty(await stores.Comments.ListRepliesAsync([], null));
    }

    [ContractFact]
    public async Task SetStatusAsync_moves_the_comment_to_the_status_and_stamps_UpdatedAt()
    {
        var stores = await CreateStoresAsync();
        var comment = Make.Comment(Ids.New(), Ids.New());
        await stores.Comments.TryAddAsync(comment);
        var at = Make.T0.AddHours(1).ToOffset(TimeSpan.FromHours(1));

        var change = await stores.Comments.SetStatusAsync(comment.Id, CommentStatus.Hidden, at);

        var expected = comment with { Status = CommentStatus.Hidden, UpdatedAt = at };
        Same.Equal(expected, change!.Comment);
        Assert.Equal(CommentStatus.Published, change.Previous);
        Same.Equal(expected, await stores.Comments.GetAsync(comment.Id));
    }

    [ContractFact]
    public async Task SetStatusAsync_moves_one_count_from_the_old_status_to_the_new_in_the_same_commit()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, consultationId) = (Ids.New(), Ids.New());
        var comment = Make.Comment(organisationId, consultationId);
        await stores.Comments.TryAddAsync(comment);
        await stores.Comments.TryAddAsync(Make.Comment(organisationId, consultationId));

        await stores.Comments.SetStatusAsync(comment.Id, CommentStatus.Held, Make.T0.AddHours(1));

        var tally = await stores.Tallies.GetAsync(TallyScopes.Consultation(consultationId));
        Assert.Equal(1, tally["comments.published"]);
        Assert.Equal(1, tally["comments.held"]);
    }

    [ContractFact]
    public async Task SetStatusAsync_moves_a_replys_count_between_the_reply_buckets()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, consultationId) = (Ids.New(), Ids.New());
        var parent = Make.Comment(organisationId, consultationId);
        var reply = Make.Comment(organisationId, consultationId, parent.Id);
        await stores.Comments.TryAddAsync(parent);
        await stores.Comments.TryAddAsync(reply);

        await stores.Comments.SetStatusAsync(reply.Id, CommentStatus.Rejected, Make.T0.AddHours(1));

        var tally = await stores.Tallies.GetAsync(TallyScopes.Consultation(consultationId));
        Assert.Equal(1, tally["comments.published"]);
        Assert.Equal(0, tally["replies.published"]);
        Assert.Equal(1, tally["replies.rejected"]);
    }

    [ContractFact]
    public async Task SetStatusAsync_to_the_status_the_comment_already_has_changes_no_tally()
    {
        var stores = await CreateStoresAsync();
        var comment = Make.Comment(Ids.New(), Ids.New(), status: CommentStatus.Held);
        await stores.Comments.TryAddAsync(comment);
        var at = Make.T0.AddHours(2);

        var change = await stores.Comments.SetStatusAsync(comment.Id, CommentStatus.Held, at);

        Same.Equal(comment with { UpdatedAt = at }, change!.Comment);
        Assert.Equal(CommentStatus.Held, change.Previous);
        var tally = await stores.Tallies.GetAsync(TallyScopes.Consultation(comment.ConsultationId));
        Assert.Equal(1, tally["comments.held"]);
        Assert.Equal(1, tally.Counts.Values.Sum());
    }

    [ContractFact]
    public async Task SetStatusAsync_returns_null_and_changes_nothing_when_the_id_is_unknown()
    {
        var stores = await CreateStoresAsync();
        var id = Ids.New();

        Assert.Null(await stores.Comments.SetStatusAsync(id, CommentStatus.Hidden, Make.T0));

        Assert.Null(await stores.Comments.GetAsync(id));
    }

    [ContractFact]
    public async Task SetStatusAsync_moves_the_comment_between_the_status_filtered_lists()
    {
        var stores = await CreateStoresAsync();
        var comment = Make.Comment(Ids.New(), Ids.New());
        await stores.Comments.TryAddAsync(comment);

        await stores.Comments.SetStatusAsync(comment.Id, CommentStatus.Held, Make.T0.AddHours(1));

        Assert.Empty((await stores.Comments.ListTopLevelAsync(comment.ConsultationId, CommentStatus.Published, PageRequest.First(5))).Items);
        Assert.Single((await stores.Comments.ListTopLevelAsync(comment.ConsultationId, CommentStatus.Held, PageRequest.First(5))).Items);
    }

    [ContractFact]
    public async Task SetTextAsync_replaces_the_text_and_stamps_UpdatedAt_leaving_the_status_and_every_tally()
    {
        var stores = await CreateStoresAsync();
        var comment = Make.Comment(Ids.New(), Ids.New(), status: CommentStatus.Hidden);
        await stores.Comments.TryAddAsync(comment);
        await stores.Comments.SetReactionAsync(comment.Id, Ids.New(), Reaction.Agree, Make.T0);
        var consultationTally = await stores.Tallies.GetAsync(TallyScopes.Consultation(comment.ConsultationId));
        var at = Make.T0.AddHours(3).ToOffset(TimeSpan.FromHours(2));

        var updated = await stores.Comments.SetTextAsync(comment.Id, "Appelez-moi au [téléphone] « ici » 🚲", at);

        var expected = comment with { Text = "Appelez-moi au [téléphone] « ici » 🚲", UpdatedAt = at };
        Same.Equal(expected, updated);
        Same.Equal(expected, await stores.Comments.GetAsync(comment.Id));
        Same.Equal(consultationTally, await stores.Tallies.GetAsync(TallyScopes.Consultation(comment.ConsultationId)));
        Assert.Equal(1, (await stores.Tallies.GetAsync(TallyScopes.Comment(comment.Id)))[CommentTallies.Agree]);
        Same.Sequence([expected], (await stores.Comments.ListTopLevelAsync(comment.ConsultationId, CommentStatus.Hidden, PageRequest.First(5))).Items);
    }

    [ContractFact]
    public async Task SetTextAsync_returns_null_and_creates_nothing_when_the_id_is_unknown()
    {
        var stores = await CreateStoresAsync();
        var id = Ids.New();

        Assert.Null(await stores.Comments.SetTextAsync(id, "Nothing here", Make.T0));

        Assert.Null(await stores.Comments.GetAsync(id));
    }

    [ContractFact]
    public async Task SetReactionAsync_adds_a_reaction_counts_it_and_returns_null_when_there_was_none()
    {
        var stores = await CreateStoresAsync();
        var comment = await AddCommentAsync(stores);
        var participantId = Ids.New();

        var previous = await stores.Comments.SetReactionAsync(comment.Id, participantId, Reaction.Agree, Make.T0);

        Assert.Null(previous);
        var tally = await stores.Tallies.GetAsync(TallyScopes.Comment(comment.Id));
        Assert.Equal(1, tally[CommentTallies.Agree]);
        Assert.Equal(0, tally[CommentTallies.Disagree]);
        Assert.Equal(Reaction.Agree, (await stores.Comments.GetReactionsAsync(participantId, [comment.Id]))[comment.Id]);
    }

    [ContractFact]
    public async Task SetReactionAsync_replacing_a_reaction_moves_the_count_and_returns_the_replaced_one()
    {
        var stores = await CreateStoresAsync();
        var comment = await AddCommentAsync(stores);
        var participantId = Ids.New();
        await stores.Comments.SetReactionAsync(comment.Id, participantId, Reaction.Agree, Make.T0);

        var previous = await stores.Comments.SetReactionAsync(comment.Id, participantId, Reaction.Disagree, Make.T0.AddMinutes(1));

        Assert.Equal(Reaction.Agree, previous);
        var tally = await stores.Tallies.GetAsync(TallyScopes.Comment(comment.Id));
        Assert.Equal(0, tally[CommentTallies.Agree]);
        Assert.Equal(1, tally[CommentTallies.Disagree]);
        Assert.Equal(Reaction.Disagree, (await stores.Comments.GetReactionsAsync(participantId, [comment.Id]))[comment.Id]);
    }

    [ContractFact]
    public async Task SetReactionAsync_with_null_removes_the_reaction_and_its_count()
    {
        var stores = await CreateStoresAsync();
        var comment = await AddCommentAsync(stores);
        var participantId = Ids.New();
        await stores.Comments.SetReactionAsync(comment.Id, participantId, Reaction.Disagree, Make.T0);

        var previous = await stores.Comments.SetReactionAsync(comment.Id, participantId, null, Make.T0.AddMinutes(1));

        Assert.Equal(Reaction.Disagree, previous);
        Assert.Equal(0, (await stores.Tallies.GetAsync(TallyScopes.Comment(comment.Id)))[CommentTallies.Disagree]);
        Assert.Empty(await stores.Comments.GetReactionsAsync(participantId, [comment.Id]));
    }

    [ContractFact]
    public async Task SetReactionAsync_with_null_when_there_is_no_reaction_changes_nothing()
    {
        var stores = await CreateStoresAsync();
        var comment = await AddCommentAsync(stores);

        var previous = await stores.Comments.SetReactionAsync(comment.Id, Ids.New(), null, Make.T0);

        Assert.Null(previous);
        Assert.DoesNotContain((await stores.Tallies.GetAsync(TallyScopes.Comment(comment.Id))).Counts, c => c.Value != 0);
    }

    [ContractFact]
    public async Task SetReactionAsync_repeating_the_same_reaction_counts_it_once()
    {
        var stores = await CreateStoresAsync();
        var comment = await AddCommentAsync(stores);
        var participantId = Ids.New();
        await stores.Comments.SetReactionAsync(comment.Id, participantId, Reaction.Agree, Make.T0);

        var previous = await stores.Comments.SetReactionAsync(comment.Id, participantId, Reaction.Agree, Make.T0.AddMinutes(1));

        Assert.Equal(Reaction.Agree, previous);
        Assert.Equal(1, (await stores.Tallies.GetAsync(TallyScopes.Comment(comment.Id)))[CommentTallies.Agree]);
    }

    [ContractFact]
    public async Task SetReactionAsync_counts_each_participant_separately()
    {
        var stores = await CreateStoresAsync();
        var comment = await AddCommentAsync(stores);

        await stores.Comments.SetReactionAsync(comment.Id, Ids.New(), Reaction.Agree, Make.T0);
        await stores.Comments.SetReactionAsync(comment.Id, Ids.New(), Reaction.Agree, Make.T0);
        await stores.Comments.SetReactionAsync(comment.Id, Ids.New(), Reaction.Disagree, Make.T0);

        var tally = await stores.Tallies.GetAsync(TallyScopes.Comment(comment.Id));
        Assert.Equal(2, tally[CommentTallies.Agree]);
        Assert.Equal(1, tally[CommentTallies.Disagree]);
    }

    [ContractFact]
    public async Task SetReactionAsync_keeps_one_reaction_per_participant_under_concurrent_calls()
    {
        var stores = await CreateStoresAsync();
        var comment = await AddCommentAsync(stores);
        var participantId = Ids.New();

        var previous = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => stores.Comments.SetReactionAsync(comment.Id, participantId, Reaction.Agree, Make.T0))));

        Assert.Single(previous, p => p is null);
        Assert.Equal(1, (await stores.Tallies.GetAsync(TallyScopes.Comment(comment.Id)))[CommentTallies.Agree]);
    }

    [ContractFact]
    public async Task SetReactionAsync_leaves_counts_matching_the_last_reaction_after_concurrent_changes()
    {
        var stores = await CreateStoresAsync();
        var comment = await AddCommentAsync(stores);
        var participantId = Ids.New();
        Reaction?[] choices = [Reaction.Agree, Reaction.Disagree, null];

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => stores.Comments.SetReactionAsync(comment.Id, participantId, choices[i % 3], Make.T0))));

        var tally = await stores.Tallies.GetAsync(TallyScopes.Comment(comment.Id));
        var mine = await stores.Comments.GetReactionsAsync(participantId, [comment.Id]);
        Assert.Equal(mine.ContainsKey(comment.Id) ? 1 : 0, tally[CommentTallies.Agree] + tally[CommentTallies.Disagree]);
        Assert.Equal(mine.TryGetValue(comment.Id, out var r) && r == Reaction.Agree ? 1 : 0, tally[CommentTallies.Agree]);
    }

    [ContractFact]
    public async Task GetReactionsAsync_returns_the_participants_reactions_keyed_by_comment_and_leaves_out_the_rest()
    {
        var stores = await CreateStoresAsync();
        var a = await AddCommentAsync(stores);
        var b = await AddCommentAsync(stores);
        var c = await AddCommentAsync(stores);
        var participantId = Ids.New();
        await stores.Comments.SetReactionAsync(a.Id, participantId, Reaction.Agree, Make.T0);
        await stores.Comments.SetReactionAsync(b.Id, participantId, Reaction.Disagree, Make.T0);
        await stores.Comments.SetReactionAsync(c.Id, Ids.New(), Reaction.Agree, Make.T0);

        var mine = await stores.Comments.GetReactionsAsync(participantId, [a.Id, b.Id, c.Id, Ids.New()]);

        Assert.Equal(
            new Dictionary<string, Reaction> { [a.Id] = Reaction.Agree, [b.Id] = Reaction.Disagree }.OrderBy(p => p.Key),
            mine.OrderBy(p => p.Key));
    }

    [ContractFact]
    public async Task GetReactionsAsync_returns_nothing_when_asked_for_no_comments()
    {
        var stores = await CreateStoresAsync();

        Assert.Empty(await stores.Comments.GetReactionsAsync(Ids.New(), []));
    }

    private static async Task<Comment> AddCommentAsync(StoreSet stores)
    {
        var comment = Make.Comment(Ids.New(), Ids.New());
        Assert.True(await stores.Comments.TryAddAsync(comment));
        return comment;
    }

    [ContractFact]
    public async Task ListAwaitingReviewAsync_pages_held_and_hidden_texts_written_before_the_instant_oldest_first()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, consultationId) = (Ids.New(), Ids.New());
        var held = Make.Comment(organisationId, consultationId, status: CommentStatus.Held, createdAt: Make.T0);
        var hiddenReply = Make.Comment(organisationId, consultationId, held.Id, CommentStatus.Hidden, createdAt: Make.T0.AddSeconds(1));
        var heldLater = Make.Comment(organisationId, consultationId, status: CommentStatus.Held, createdAt: Make.T0.AddSeconds(10));
        foreach (var comment in new[]
        {
            heldLater, hiddenReply, held,
            Make.Comment(organisationId, consultationId, status: CommentStatus.Published, createdAt: Make.T0),
            Make.Comment(organisationId, consultationId, status: CommentStatus.Rejected, createdAt: Make.T0),
        })
            await stores.Comments.TryAddAsync(comment);

        var found = new List<Comment>();
        PageCursor? after = null;
        do
        {
            var page = await stores.Comments.ListAwaitingReviewAsync(Make.T0.AddSeconds(5), new PageRequest(after, 1));
            found.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        Same.Sequence([held, hiddenReply], found.Where(c => c.OrganisationId == organisationId).ToList());
    }
}
