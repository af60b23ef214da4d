using Engagement.Core.Common;
using Engagement.Core.Organisations;
using Engagement.Core.Tallies;

namespace Engagement.Core.Ratings;

/// <summary>A service's rating summary per page of its site, the most rated pages first, read off the page tallies.</summary>
public sealed class ListPageRatings(IServiceStore services, ITallyStore tallies) : IUseCase
{
    public const int MaxPages = 100;

    public sealed record Request(string ServiceId, int First = 20);

    /// <summary>One page address and its ratings.</summary>
    public sealed record PageRatings(string Page, RatingSummary Summary);

    public async Task<Result<IReadOnlyList<PageRatings>>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        if (request.First is < 1 or > MaxPages)
            return Result<IReadOnlyList<PageRatings>>.Fail("first", ErrorCodes.OutOfRange, $"Ask for 1 to {MaxPages} pages.");
        if (await services.GetAsync(request.ServiceId, ct) is null)
            return Result<IReadOnlyList<PageRatings>>.Fail("serviceId", ErrorCodes.NotFound, "There is no such service.");
        var prefix = TallyScopes.ServicePagePrefix(request.ServiceId);
        var pages = await tallies.ListLargestAsync(prefix, request.First, ct);
        return Result<IReadOnlyList<PageRatings>>.Ok(pages.Select(t => new PageRatings(t.Scope[prefix.Length..], RatingSummary.From(request.ServiceId, t))).ToList());
    }
}
