using Engagement.Core.Common;
using Engagement.Core.Organisations;
using Engagement.Core.Ratings;
using Engagement.Core.Tallies;

namespace Engagement.Core.Insights;

/// <summary>A service's ratings and their comments' sentiment over a period: ratings, average, satisfaction with its 95% interval, sentiment mix.</summary>
public sealed record ServicePeriod(DateOnly Start, DateOnly End, RatingSummary Ratings, SentimentMix Sentiment);

/// <summary>A service's insights: all-time figures and one entry per period of the range.</summary>
/// <param name="Themes">The organisation's latest themes as heard in this service's rating comments, largest first.</param>
public sealed record ServiceInsights(
    Service Service, InsightsRange Range, RatingSummary Overall, SentimentMix OverallSentiment, IReadOnlyList<ServicePeriod> Periods, IReadOnlyList<ThemeCount> Themes);

/// <summary>Reads a service's insights off its tallies (one for all time, one per day of the range): never the ratings themselves.</summary>
public sealed class GetServiceInsights(IServiceStore services, ITallyStore tallies, IThemeStore themes, TimeProvider clock) : IUseCase
{
    public sealed record Request(string ServiceId, DateOnly? From, DateOnly? To, InsightsGranularity Granularity);

    public async Task<Result<ServiceInsights>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var ranged = InsightsRange.Of(request.From, request.To, request.Granularity, TallyScopes.DayOf(clock.GetUtcNow()));
        if (!ranged.Succeeded)
            return Result<ServiceInsights>.Fail(ranged.Errors);
        var range = ranged.Value;
        if (await services.GetAsync(request.ServiceId, ct) is not { } service)
            return Result<ServiceInsights>.Fail("serviceId", ErrorCodes.NotFound, "There is no such service.");
        var overall = await tallies.GetAsync(TallyScopes.Service(service.Id), ct);
        var periods = await range.ReadAsync(tallies, day => TallyScopes.ServiceDay(service.Id, day), ct);
        return new ServiceInsights(service, range, RatingSummary.From(service.Id, overall), SentimentMix.From(overall),
            [.. periods.Select(p => new ServicePeriod(p.Start, p.End, RatingSummary.From(service.Id, p.Tally), SentimentMix.From(p.Tally)))],
            ThemeSnapshot.CountsIn(await themes.GetAsync(service.OrganisationId, ct), TallyScopes.Service(service.Id)));
    }
}
