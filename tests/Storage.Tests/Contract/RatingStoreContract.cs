using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Ratings;
using Engagement.Core.Tallies;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IRatingStore"/> every adapter honours, tallies included.</summary>
public abstract class RatingStoreContract : StoreContract
{
    [ContractFact]
    public async Task TryAddAsync_stores_a_rating_that_ListAsync_returns_with_every_field()
    {
        var stores = await CreateStoresAsync();
        var rating = Make.Rating(Ids.New(), Ids.New());

        Assert.True(await stores.Ratings.TryAddAsync(rating));

        Same.Sequence([rating], (await stores.Ratings.ListAsync(rating.ServiceId, PageRequest.First(10))).Items);
    }

    [ContractFact]
    public async Task TryAddAsync_round_trips_an_anonymous_rating_without_comment_or_page()
    {
        var stores = await CreateStoresAsync();
        var rating = Make.Rating(Ids.New(), Ids.New()) with { Comment = null, PageUrl = null, ParticipantId = null };

        await stores.Ratings.TryAddAsync(rating);

        Same.Sequence([rating], (await stores.Ratings.ListAsync(rating.ServiceId, PageRequest.First(10))).Items);
    }

    [ContractFact]
    public async Task TryAddAsync_counts_the_score_in_the_services_tally()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());

        await stores.Ratings.TryAddAsync(Make.Rating(organisationId, serviceId, 5));
        await stores.Ratings.TryAddAsync(Make.Rating(organisationId, serviceId, 5));
        await stores.Ratings.TryAddAsync(Make.Rating(organisationId, serviceId, 1));

        var summary = RatingSummary.From(serviceId, await stores.Tallies.GetAsync(TallyScopes.Service(serviceId)));
        Assert.Equal([1L, 0, 0, 0, 2], summary.Distribution);
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_id_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Rating(Ids.New(), Ids.New(), 2);
        await stores.Ratings.TryAddAsync(first);
        var second = Make.Rating(Ids.New(), Ids.New(), 5, id: first.Id);

        Assert.False(await stores.Ratings.TryAddAsync(second));

        Same.Sequence([first], (await stores.Ratings.ListAsync(first.ServiceId, PageRequest.First(10))).Items);
        Assert.Empty((await stores.Ratings.ListAsync(second.ServiceId, PageRequest.First(10))).Items);
        Assert.Equal(0, (await stores.Tallies.GetAsync(TallyScopes.Service(second.ServiceId)))["score.5"]);
        Assert.Equal(1, (await stores.Tallies.GetAsync(TallyScopes.Service(first.ServiceId)))["score.2"]);
    }

    [ContractFact]
    public async Task TryAddAsync_accepts_every_one_of_many_concurrent_ratings_and_counts_each()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => stores.Ratings.TryAddAsync(Make.Rating(organisationId, serviceId, i % 5 + 1)))));

        Assert.All(results, Assert.True);
        var summary = RatingSummary.From(serviceId, await stores.Tallies.GetAsync(TallyScopes.Service(serviceId)));
        Assert.Equal([8L, 8, 8, 8, 8], summary.Distribution);
    }

    [ContractFact]
    public async Task AddManyAsync_adds_every_rating_and_its_tally_and_returns_how_many()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());
        var ratings = Enumerable.Range(0, 10).Select(i => Make.Rating(organisationId, serviceId, i % 5 + 1, Make.T0.AddSeconds(i))).ToArray();

        Assert.Equal(10, await stores.Ratings.AddManyAsync(ratings));

        Same.Sequence(ratings, (await stores.Ratings.ListAsync(serviceId, PageRequest.First(50))).Items);
        var summary = RatingSummary.From(serviceId, await stores.Tallies.GetAsync(TallyScopes.Service(serviceId)));
        Assert.Equal([2L, 2, 2, 2, 2], summary.Distribution);
    }

    [ContractFact]
    public async Task AddManyAsync_skips_ratings_whose_id_is_already_stored_and_does_not_count_them()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());
        var stored = Make.Rating(organisationId, serviceId, 1, Make.T0);
        await stores.Ratings.TryAddAsync(stored);
        var fresh = Make.Rating(organisationId, serviceId, 3, Make.T0.AddSeconds(1));

        var added = await stores.Ratings.AddManyAsync([Make.Rating(organisationId, serviceId, 5, id: stored.Id), fresh]);

        Assert.Equal(1, added);
        Same.Sequence([stored, fresh], (await stores.Ratings.ListAsync(serviceId, PageRequest.First(10))).Items);
        var summary = RatingSummary.From(serviceId, await stores.Tallies.GetAsync(TallyScopes.Service(serviceId)));
        Assert.Equal([1L, 0, 1, 0, 0], summary.Distribution);
    }

    [ContractFact]
    public async Task AddManyAsync_keeps_the_first_of_ratings_repeating_an_id_within_the_batch()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());
        var first = Make.Rating(organisationId, serviceId, 2);
        var repeat = Make.Rating(organisationId, serviceId, 4, id: first.Id);

        Assert.Equal(1, await stores.Ratings.AddManyAsync([first, repeat, repeat]));

        Same.Sequence([first], (await stores.Ratings.ListAsync(serviceId, PageRequest.First(10))).Items);
        var summary = RatingSummary.From(serviceId, await stores.Tallies.GetAsync(TallyScopes.Service(serviceId)));
        Assert.Equal([0L, 1, 0, 0, 0], summary.Distribution);
    }

    [ContractFact]
    public async Task AddManyAsync_adds_nothing_from_an_empty_batch()
    {
        var stores = await CreateStoresAsync();

        Assert.Equal(0, await stores.Ratings.AddManyAsync([]));
    }

    [ContractFact]
    public async Task AddManyAsync_adds_none_of_the_batch_when_one_rating_cannot_be_stored()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());
        // A rating without an id is refused by every store; it comes last so the others were already written.
        var batch = Enumerable.Range(0, 5).Select(_ => Make.Rating(organisationId, serviceId)).Append(Make.Rating(organisationId, serviceId) with { Id = null! }).ToArray();

        await Assert.ThrowsAnyAsync<Exception>(() => stores.Ratings.AddManyAsync(batch));

        Assert.Empty((await stores.Ratings.ListAsync(serviceId, PageRequest.First(10))).Items);
        Assert.Equal(0, (await stores.Tallies.GetAsync(TallyScopes.Service(serviceId)))["score.4"]);
    }

    [ContractFact]
    public async Task ListAsync_pages_through_the_services_ratings_oldest_first_by_creation_time_and_id()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());
        var ratings = Enumerable.Range(0, 6).Select(_ => Make.Rating(organisationId, serviceId, createdAt: Make.T0))
            .Concat(Enumerable.Range(1, 4).Select(i => Make.Rating(organisationId, serviceId, createdAt: Make.T0.AddMilliseconds(i).ToOffset(TimeSpan.FromHours(i)))))
            .ToArray();
        await stores.Ratings.AddManyAsync([.. ratings, Make.Rating(organisationId, Ids.New())]);

        var seen = new List<ServiceRating>();
        var page = await stores.Ratings.ListAsync(serviceId, PageRequest.First(4));
        seen.AddRange(page.Items);
        while (page.Next is { } next)
        {
            Assert.Equal(PageCursor.Of(page.Items[^1].CreatedAt, page.Items[^1].Id), next);
            page = await stores.Ratings.ListAsync(serviceId, new PageRequest(next, 4));
            seen.AddRange(page.Items);
        }

        Same.Sequence(ratings.InPageOrder(r => r.CreatedAt, r => r.Id), seen);
    }

    [ContractFact]
    public async Task ListAsync_never_returns_more_than_the_maximum_page_size()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());
        await stores.Ratings.AddManyAsync(Enumerable.Range(0, PageRequest.MaxLimit + 5).Select(_ => Make.Rating(organisationId, serviceId)).ToArray());

        var page = await stores.Ratings.ListAsync(serviceId, PageRequest.First(PageRequest.MaxLimit * 2));

        Assert.Equal(PageRequest.MaxLimit, page.Items.Count);
        Assert.NotNull(page.Next);
    }

    [ContractFact]
    public async Task ListAsync_returns_an_empty_last_page_for_a_service_without_ratings()
    {
        var stores = await CreateStoresAsync();

        var page = await stores.Ratings.ListAsync(Ids.New(), PageRequest.First(10));

        Assert.Empty(page.Items);
        Assert.Null(page.Next);
    }

    [ContractFact]
    public async Task SetCommentStatusAsync_changes_only_the_comment_status_and_refuses_a_rating_without_a_comment()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());
        var withComment = Make.Rating(organisationId, serviceId, 2) with { CommentStatus = CommentStatus.Held };
        var without = Make.Rating(organisationId, serviceId, 5) with { Comment = null, CommentStatus = null };
        await stores.Ratings.TryAddAsync(withComment);
        await stores.Ratings.TryAddAsync(without);
        var tallyBefore = await stores.Tallies.GetAsync(TallyScopes.Service(serviceId));

        var updated = await stores.Ratings.SetCommentStatusAsync(withComment.Id, CommentStatus.Published);

        Same.Equal(withComment with { CommentStatus = CommentStatus.Published }, updated);
        Assert.Null(await stores.Ratings.SetCommentStatusAsync(without.Id, CommentStatus.Published));
        Assert.Null(await stores.Ratings.SetCommentStatusAsync(Ids.New(), CommentStatus.Published));
        var page = await stores.Ratings.ListAsync(serviceId, PageRequest.First(10));
        Same.Equal(withComment with { CommentStatus = CommentStatus.Published }, page.Items.Single(r => r.Id == withComment.Id));
        Same.Equal(without, page.Items.Single(r => r.Id == without.Id));
        Assert.Equal(tallyBefore.Counts, (await stores.Tallies.GetAsync(TallyScopes.Service(serviceId))).Counts);
    }

    [ContractFact]
    public async Task ListHeldCommentsAsync_pages_ratings_whose_comment_is_held_and_follows_status_changes()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());
        var held = Make.Rating(organisationId, serviceId, 1, Make.T0) with { CommentStatus = CommentStatus.Held };
        var heldToo = Make.Rating(organisationId, Ids.New(), 2, Make.T0.AddSeconds(1)) with { CommentStatus = CommentStatus.Held };
        var heldLater = Make.Rating(organisationId, serviceId, 2, Make.T0.AddSeconds(10)) with { CommentStatus = CommentStatus.Held };
        await stores.Ratings.TryAddAsync(held);
        await stores.Ratings.AddManyAsync([heldToo, heldLater,
            Make.Rating(organisationId, serviceId, 5, Make.T0) with { CommentStatus = CommentStatus.Published },
            Make.Rating(organisationId, serviceId, 5, Make.T0) with { Comment = null }]);

        async Task<List<ServiceRating>> HeldAsync()
        {
            var found = new List<ServiceRating>();
            PageCursor? after = null;
            do
            {
                var page = await stores.Ratings.ListHeldCommentsAsync(Make.T0.AddSeconds(5), new PageRequest(after, 1));
                found.AddRange(page.Items);
                after = page.Next;
            }
            while (after is not null);
            return found.Where(r => r.OrganisationId == organisationId).ToList();
        }

        Same.Sequence([held, heldToo], await HeldAsync());
        await stores.Ratings.SetCommentStatusAsync(held.Id, CommentStatus.Rejected);
        Same.Sequence([heldToo], await HeldAsync());
    }
}
