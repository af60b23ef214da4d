using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Ratings;
using Engagement.Core.Tallies;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="ITallyStore"/> every adapter honours. Tallies are written by the record stores.</summary>
public abstract class TallyStoreContract : StoreContract
{
    [ContractFact]
    public async Task GetAsync_returns_an_empty_tally_not_null_for_a_scope_never_counted()
    {
        var stores = await CreateStoresAsync();
        var scope = TallyScopes.Service(Ids.New());

        var tally = await stores.Tallies.GetAsync(scope);

        Assert.Equal(scope, tally.Scope);
        Assert.All(tally.Counts.Values, n => Assert.Equal(0, n));
        Assert.Equal(0, tally["score.5"]);
    }

    [ContractFact]
    public async Task GetAsync_returns_the_counts_the_record_stores_wrote_for_the_scope()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());
        await stores.Ratings.AddManyAsync([Make.Rating(organisationId, serviceId, 5), Make.Rating(organisationId, serviceId, 5), Make.Rating(organisationId, serviceId, 3)]);
        await stores.Ratings.TryAddAsync(Make.Rating(organisationId, Ids.New(), 5));

        var tally = await stores.Tallies.GetAsync(TallyScopes.Service(serviceId));

        Assert.Equal(TallyScopes.Service(serviceId), tally.Scope);
        Assert.Equal(2, tally[RatingTallies.ScoreBucket(5)]);
        Assert.Equal(1, tally[RatingTallies.ScoreBucket(3)]);
        Assert.Equal(3, tally.Counts.Values.Sum());
    }

    [ContractFact]
    public async Task GetAsync_reads_a_bucket_brought_back_to_zero_as_zero()
    {
        var stores = await CreateStoresAsync();
        var comment = Make.Comment(Ids.New(), Ids.New());
        await stores.Comments.TryAddAsync(comment);
        var participantId = Ids.New();
        await stores.Comments.SetReactionAsync(comment.Id, participantId, Reaction.Agree, Make.T0);
        await stores.Comments.SetReactionAsync(comment.Id, participantId, null, Make.T0);

        var tally = await stores.Tallies.GetAsync(TallyScopes.Comment(comment.Id));

        // Buckets at zero may be omitted or reported as zero; either reads as zero.
        Assert.Equal(0, tally[CommentTallies.Agree]);
        Assert.True(!tally.Counts.TryGetValue(CommentTallies.Agree, out var agree) || agree == 0);
    }

    [ContractFact]
    public async Task GetManyAsync_returns_one_entry_per_distinct_scope_asked_for_empty_ones_included()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, counted, alsoCounted) = (Ids.New(), Ids.New(), Ids.New());
        await stores.Ratings.TryAddAsync(Make.Rating(organisationId, counted, 4));
        await stores.Ratings.TryAddAsync(Make.Rating(organisationId, alsoCounted, 2));
        var empty = TallyScopes.Service(Ids.New());
        var scopes = new[] { TallyScopes.Service(counted), empty, TallyScopes.Service(alsoCounted), TallyScopes.Service(counted) };

        var tallies = await stores.Tallies.GetManyAsync(scopes);

        Assert.Equal(scopes.Distinct().Order(StringComparer.Ordinal), tallies.Keys.Order(StringComparer.Ordinal));
        Assert.All(tallies, t => Assert.Equal(t.Key, t.Value.Scope));
        Assert.Equal(1, tallies[TallyScopes.Service(counted)]["score.4"]);
        Assert.Equal(1, tallies[TallyScopes.Service(alsoCounted)]["score.2"]);
        Assert.Equal(0, tallies[TallyScopes.Service(counted)]["score.2"]);
        Assert.All(tallies[empty].Counts.Values, n => Assert.Equal(0, n));
    }

    [ContractFact]
    public async Task GetManyAsync_returns_nothing_when_asked_for_no_scopes()
    {
        var stores = await CreateStoresAsync();

        Assert.Empty(await stores.Tallies.GetManyAsync([]));
    }

    [ContractFact]
    public async Task GetManyAsync_reads_scopes_of_different_kinds_in_one_call()
    {
        var stores = await CreateStoresAsync();
        var comment = Make.Comment(Ids.New(), Ids.New());
        await stores.Comments.TryAddAsync(comment);
        await stores.Comments.SetReactionAsync(comment.Id, Ids.New(), Reaction.Disagree, Make.T0);

        var tallies = await stores.Tallies.GetManyAsync([TallyScopes.Consultation(comment.ConsultationId), TallyScopes.Comment(comment.Id)]);

        Assert.Equal(1, tallies[TallyScopes.Consultation(comment.ConsultationId)]["comments.published"]);
        Assert.Equal(1, tallies[TallyScopes.Comment(comment.Id)][CommentTallies.Disagree]);
    }

    [ContractFact]
    public async Task ListLargestAsync_returns_the_scopes_under_the_prefix_with_the_largest_totals_first_and_nothing_else()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());
        const string site = "https://example.gc.ca/";
        // A page address may hold what LIKE would read as wildcards; the prefix must still be taken literally.
        var rated = new (string Page, int[] Scores)[]
        {
            ("a", [5, 4]),
            ("b%_c", [1, 2, 3]),
            ("d", [5]),
            ("e", [2, 2]),
        };
        foreach (var (page, scores) in rated)
            await stores.Ratings.AddManyAsync(scores.Select(s => Make.Rating(organisationId, serviceId, s) with { PageUrl = site + page }).ToList());
        await stores.Ratings.TryAddAsync(Make.Rating(organisationId, Ids.New(), 5) with { PageUrl = site + "a" });
        var prefix = TallyScopes.ServicePagePrefix(serviceId);

        var largest = await stores.Tallies.ListLargestAsync(prefix, 3);

        // Totals 3, 2, 2, 1: the ties by scope, ordinal.
        Assert.Equal([prefix + site + "b%_c", prefix + site + "a", prefix + site + "e"], largest.Select(t => t.Scope));
        Assert.Equal(1, largest[0]["score.1"]);
        Assert.Equal(1, largest[0]["score.3"]);
        Assert.Equal(1, largest[1]["score.5"]);
        Assert.Equal(2, largest[2]["score.2"]);
        Assert.Empty(await stores.Tallies.ListLargestAsync(TallyScopes.ServicePagePrefix(Ids.New()), 10));
        Assert.Equal(4, (await stores.Tallies.ListLargestAsync(prefix, 100)).Count);
    }
}
