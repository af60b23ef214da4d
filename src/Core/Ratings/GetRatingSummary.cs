using Engagement.Core.Common;
using Engagement.Core.Organisations;
using Engagement.Core.Tallies;

namespace Engagement.Core.Ratings;

/// <summary>A service's rating summary, read off its tally in one store call.</summary>
public sealed class GetRatingSummary(IServiceStore services, ITallyStore tallies) : IUseCase
{
    public async Task<Result<RatingSummary>> ExecuteAsync(string serviceId, CancellationToken ct = default)
    {
        if (await services.GetAsync(serviceId, ct) is null)
            return Result<RatingSummary>.Fail("serviceId", ErrorCodes.NotFound, "There is no such service.");
        return RatingSummary.From(serviceId, await tallies.GetAsync(TallyScopes.Service(serviceId), ct));
    }
}
