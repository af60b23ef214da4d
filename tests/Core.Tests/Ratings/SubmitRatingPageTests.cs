using Engagement.Core.Common;
using Engagement.Core.Ratings;
using Engagement.Core.Tallies;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Ratings;

/// <summary>A rating's page: kept as scheme, host, port and path only, and counted in the page's own tally as well as the service's.</summary>
public sealed class SubmitRatingPageTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private const string Page = "https://www.example.ca/en/services/passport";

    private async Task<ServiceRating> RateAsync(string serviceId, string? pageUrl, int score = 4, string? widgetKeyId = null)
    {
        var rating = ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(
            new SubmitRating.Request(serviceId, score, "en", PageUrl: pageUrl, WidgetKeyId: widgetKeyId)));
        _platform.Clock.Advance(TimeSpan.FromSeconds(1));
        return (await _platform.Ratings.ListAsync(serviceId, PageRequest.First(PageRequest.MaxLimit))).Items.Single(r => r.Id == rating.Id);
    }

    [Theory]
    [InlineData(Page, Page)]
    [InlineData(Page + "?case=A123&email=jane%40mail.ca", Page)]
    [InlineData(Page + "#status", Page)]
    [InlineData("https://jane:secret@www.example.ca/en/services/passport", Page)]
    [InlineData("HTTPS://WWW.EXAMPLE.CA:443/en/services/passport", Page)]
    [InlineData("https://www.example.ca/EN/Services", "https://www.example.ca/EN/Services")]
    public async Task Submit_keeps_only_the_scheme_host_port_and_path_of_the_page(string given, string kept)
    {
        var service = await _platform.CreateServiceAsync();

        Assert.Equal(kept, (await RateAsync(service.Id, given)).PageUrl);
    }

    [Fact]
    public async Task Submit_counts_the_rating_in_the_services_tally_and_in_its_pages_tally()
    {
        var service = await _platform.CreateServiceAsync();

        await RateAsync(service.Id, Page + "?q=1", score: 2);

        Assert.Equal(1, (await _platform.TallyAsync(TallyScopes.Service(service.Id)))[RatingTallies.ScoreBucket(2)]);
        var page = await _platform.TallyAsync(TallyScopes.ServicePage(service.Id, Page));
        Assert.Equal([KeyValuePair.Create(RatingTallies.ScoreBucket(2), 1L)], page.Counts.Where(c => c.Value != 0));
    }

    [Fact]
    public async Task Submit_counts_every_spelling_of_one_page_in_one_page_tally()
    {
        var service = await _platform.CreateServiceAsync();

        await RateAsync(service.Id, Page, score: 5);
        await RateAsync(service.Id, Page + "?utm_source=mail", score: 5);
        await RateAsync(service.Id, "https://WWW.example.ca:443/en/services/passport#top", score: 3);

        var page = await _platform.TallyAsync(TallyScopes.ServicePage(service.Id, Page));
        Assert.Equal((2L, 1L), (page[RatingTallies.ScoreBucket(5)], page[RatingTallies.ScoreBucket(3)]));
        Assert.Single(ResultAssert.Succeeded(await _platform.ListPageRatings.ExecuteAsync(new ListPageRatings.Request(service.Id))));
    }

    [Fact]
    public async Task Submit_without_a_page_counts_in_the_services_tally_only()
    {
        var service = await _platform.CreateServiceAsync();

        await RateAsync(service.Id, null, score: 3);

        Assert.Equal(1, (await _platform.TallyAsync(TallyScopes.Service(service.Id)))[RatingTallies.ScoreBucket(3)]);
        Assert.Empty(ResultAssert.Succeeded(await _platform.ListPageRatings.ExecuteAsync(new ListPageRatings.Request(service.Id))));
    }

    [Fact]
    public async Task Submit_records_the_widget_key_the_rating_came_through()
    {
        var service = await _platform.CreateServiceAsync();
        var widgetKeyId = Ids.New();

        Assert.Equal(widgetKeyId, (await RateAsync(service.Id, Page, widgetKeyId: widgetKeyId)).WidgetKeyId);
        Assert.Null((await RateAsync(service.Id, Page)).WidgetKeyId);
    }

    [Theory]
    [InlineData("http://[::1]:8080/en/services/passport")]
    [InlineData("https://[2001:db8::1]/en")]
    public async Task Submit_keeps_an_ipv6_page_as_a_usable_address_or_refuses_it(string pageUrl)
    {
        // The stored page is shown, linked and counted by address: it must still parse as one.
        var service = await _platform.CreateServiceAsync();

        var result = await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(service.Id, 4, "en", PageUrl: pageUrl));

        if (result.Succeeded)
        {
            var stored = Assert.Single((await _platform.Ratings.ListAsync(service.Id, PageRequest.First(10))).Items).PageUrl;
            Assert.True(stored is not null && Uri.TryCreate(stored, UriKind.Absolute, out _), $"'{pageUrl}' was stored as '{stored}'.");
        }
        else
        {
            ResultAssert.FailedOnly(result, "pageUrl", ErrorCodes.InvalidFormat);
        }
    }
}
