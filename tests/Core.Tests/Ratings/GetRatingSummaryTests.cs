using Engagement.Core.Common;
using Engagement.Core.Ratings;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Ratings;

/// <summary>A service's rating summary: count, average, CSAT and distribution.</summary>
public sealed class GetRatingSummaryTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    [Fact]
    public async Task Summary_gives_the_count_average_csat_and_distribution()
    {
        var service = await _platform.CreateServiceAsync();
        foreach (var score in new[] { 5, 4, 4, 2, 1 })
            ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(service.Id, score, "en")));

        var summary = ResultAssert.Succeeded(await _platform.GetRatingSummary.ExecuteAsync(service.Id));

        Assert.Equal(service.Id, summary.ServiceId);
        Assert.Equal(5, summary.Count);
        Assert.Equal(3.2, summary.Average!.Value, 10);
        Assert.Equal(0.6, summary.Csat!.Value, 10);
        Assert.Equal([1L, 1, 0, 2, 1], summary.Distribution);
    }

    [Fact]
    public async Task Summary_moves_with_each_accepted_rating_and_ignores_refused_ones()
    {
        var service = await _platform.CreateServiceAsync();
        ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(service.Id, 1, "en")));
        Assert.False((await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(service.Id, 6, "en"))).Succeeded);
        Assert.False((await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(service.Id, 5, "de"))).Succeeded);
        ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(service.Id, 5, "fr")));

        var summary = ResultAssert.Succeeded(await _platform.GetRatingSummary.ExecuteAsync(service.Id));

        Assert.Equal((2L, 3.0, 0.5), (summary.Count, summary.Average, summary.Csat));
        Assert.Equal([1L, 0, 0, 0, 1], summary.Distribution);
    }

    [Fact]
    public async Task Summary_of_a_service_without_ratings_has_no_average()
    {
        var service = await _platform.CreateServiceAsync();

        var summary = ResultAssert.Succeeded(await _platform.GetRatingSummary.ExecuteAsync(service.Id));

        Assert.Equal(0, summary.Count);
        Assert.Null(summary.Average);
        Assert.Null(summary.Csat);
        Assert.Equal([0L, 0, 0, 0, 0], summary.Distribution);
    }

    [Fact]
    public async Task Summary_counts_only_the_service_asked_for()
    {
        var service = await _platform.CreateServiceAsync();
        var sibling = await _platform.CreateServiceAsync(service.OrganisationId);
        ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(sibling.Id, 2, "en")));

        Assert.Equal(0, ResultAssert.Succeeded(await _platform.GetRatingSummary.ExecuteAsync(service.Id)).Count);
        Assert.Equal(1, ResultAssert.Succeeded(await _platform.GetRatingSummary.ExecuteAsync(sibling.Id)).Count);
    }

    [Fact]
    public async Task Summary_is_refused_for_an_unknown_service()
    {
        ResultAssert.FailedOnly(await _platform.GetRatingSummary.ExecuteAsync(Ids.New()), "serviceId", ErrorCodes.NotFound);
    }
}
