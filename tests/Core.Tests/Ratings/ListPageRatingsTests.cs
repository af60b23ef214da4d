using Engagement.Core.Common;
using Engagement.Core.Ratings;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Ratings;

/// <summary>A service's ratings page by page: the most rated pages first, each with its own summary.</summary>
public sealed class ListPageRatingsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private const string Site = "https://www.example.ca";

    private async Task RateAsync(string serviceId, string? page, params int[] scores)
    {
        foreach (var score in scores)
            ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(serviceId, score, "en", PageUrl: page)));
    }

    private Task<Result<IReadOnlyList<ListPageRatings.PageRatings>>> ListAsync(string serviceId, int first = 20) =>
        _platform.ListPageRatings.ExecuteAsync(new ListPageRatings.Request(serviceId, first));

    [Fact]
    public async Task List_gives_the_most_rated_pages_first_each_with_its_summary()
    {
        var service = await _platform.CreateServiceAsync();
        await RateAsync(service.Id, Site + "/en/apply", 5, 4);
        await RateAsync(service.Id, Site + "/en/renew", 1, 2, 3);
        await RateAsync(service.Id, Site + "/fr/renouveler", 5);

        var pages = ResultAssert.Succeeded(await ListAsync(service.Id));

        Assert.Equal([Site + "/en/renew", Site + "/en/apply", Site + "/fr/renouveler"], pages.Select(p => p.Page));
        var renew = pages[0].Summary;
        Assert.Equal((service.Id, 3L, 2.0, 0.0), (renew.ServiceId, renew.Count, renew.Average, renew.Csat));
        Assert.Equal([1L, 1, 1, 0, 0], renew.Distribution);
        var apply = pages[1].Summary;
        Assert.Equal((2L, 4.5, 1.0), (apply.Count, apply.Average, apply.Csat));
        Assert.True(apply.SmallSample);
        Assert.Equal(1, pages[2].Summary.Count);
    }

    [Fact]
    public async Task List_orders_pages_with_as_many_ratings_by_their_address()
    {
        var service = await _platform.CreateServiceAsync();
        await RateAsync(service.Id, Site + "/b", 3);
        await RateAsync(service.Id, Site + "/c", 3);
        await RateAsync(service.Id, Site + "/a", 3);

        var pages = ResultAssert.Succeeded(await ListAsync(service.Id));

        Assert.Equal([Site + "/a", Site + "/b", Site + "/c"], pages.Select(p => p.Page));
    }

    [Fact]
    public async Task List_counts_a_page_once_whatever_query_or_fragment_it_was_rated_with()
    {
        var service = await _platform.CreateServiceAsync();
        await RateAsync(service.Id, Site + "/en/apply?step=1", 4);
        await RateAsync(service.Id, Site + "/en/apply#form", 2);

        var page = Assert.Single(ResultAssert.Succeeded(await ListAsync(service.Id)));

        Assert.Equal((Site + "/en/apply", 2L), (page.Page, page.Summary.Count));
    }

    [Fact]
    public async Task List_leaves_out_ratings_without_a_page()
    {
        var service = await _platform.CreateServiceAsync();
        await RateAsync(service.Id, null, 5, 5, 5);
        await RateAsync(service.Id, Site + "/en/apply", 1);

        var page = Assert.Single(ResultAssert.Succeeded(await ListAsync(service.Id)));

        Assert.Equal(1, page.Summary.Count);
    }

    [Fact]
    public async Task List_of_a_service_without_page_ratings_is_empty()
    {
        var service = await _platform.CreateServiceAsync();

        Assert.Empty(ResultAssert.Succeeded(await ListAsync(service.Id)));
    }

    [Fact]
    public async Task List_gives_at_most_the_first_pages_asked_for()
    {
        var service = await _platform.CreateServiceAsync();
        await RateAsync(service.Id, Site + "/one", 4, 4, 4);
        await RateAsync(service.Id, Site + "/two", 4, 4);
        await RateAsync(service.Id, Site + "/three", 4);

        Assert.Equal([Site + "/one", Site + "/two"], ResultAssert.Succeeded(await ListAsync(service.Id, first: 2)).Select(p => p.Page));
        Assert.Equal([Site + "/one"], ResultAssert.Succeeded(await ListAsync(service.Id, first: 1)).Select(p => p.Page));
        Assert.Equal(3, ResultAssert.Succeeded(await ListAsync(service.Id, first: ListPageRatings.MaxPages)).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public async Task List_is_refused_when_first_is_outside_one_to_a_hundred(int first)
    {
        var service = await _platform.CreateServiceAsync();

        ResultAssert.FailedOnly(await ListAsync(service.Id, first), "first", ErrorCodes.OutOfRange);
    }

    [Fact]
    public async Task List_is_refused_when_the_service_is_unknown() =>
        ResultAssert.FailedOnly(await ListAsync(Ids.New()), "serviceId", ErrorCodes.NotFound);

    [Fact]
    public async Task List_leaves_out_the_pages_of_another_service()
    {
        var service = await _platform.CreateServiceAsync();
        var sibling = await _platform.CreateServiceAsync(service.OrganisationId);
        await RateAsync(service.Id, Site + "/en/apply", 4);
        await RateAsync(sibling.Id, Site + "/en/apply", 1, 1);
        await RateAsync(sibling.Id, Site + "/en/other", 2);

        var page = Assert.Single(ResultAssert.Succeeded(await ListAsync(service.Id)));

        Assert.Equal((Site + "/en/apply", 1L, 4.0), (page.Page, page.Summary.Count, page.Summary.Average));
        Assert.Equal(2, ResultAssert.Succeeded(await ListAsync(sibling.Id)).Count);
    }

    [Fact]
    public async Task List_keeps_page_addresses_with_percent_and_underscore_apart()
    {
        var service = await _platform.CreateServiceAsync();
        await RateAsync(service.Id, Site + "/en/a_b", 4);
        await RateAsync(service.Id, Site + "/en/a%25b", 4, 4);

        var pages = ResultAssert.Succeeded(await ListAsync(service.Id));

        Assert.Equal([(Site + "/en/a%25b", 2L), (Site + "/en/a_b", 1L)], pages.Select(p => (p.Page, p.Summary.Count)));
    }

    [Fact]
    public async Task List_agrees_with_the_service_summary_when_every_rating_names_its_page()
    {
        var service = await _platform.CreateServiceAsync();
        await RateAsync(service.Id, Site + "/a", 5, 4, 1);
        await RateAsync(service.Id, Site + "/b", 2, 5);

        var pages = ResultAssert.Succeeded(await ListAsync(service.Id));
        var summary = ResultAssert.Succeeded(await _platform.GetRatingSummary.ExecuteAsync(service.Id));

        Assert.Equal(summary.Count, pages.Sum(p => p.Summary.Count));
        Assert.Equal(summary.Distribution, Enumerable.Range(0, 5).Select(i => pages.Sum(p => p.Summary.Distribution[i])));
    }
}
