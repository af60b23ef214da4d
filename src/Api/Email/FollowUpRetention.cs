using Engagement.Api.Composition;
using Engagement.Core.FollowUps;

namespace Engagement.Api.Email;

/// <summary>
/// Deletes expired follow-up addresses at start and then hourly: an address is kept only as long as the retention
/// setting says, whether or not an improvement used it.
/// </summary>
internal sealed partial class FollowUpRetention(IServiceScopeFactory scopes, ILogger<FollowUpRetention> logger) : PeriodicWork(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var deleted = await services.GetRequiredService<ForgetExpiredFollowUps>().ExecuteAsync(ct);
        if (deleted > 0)
            LogDeleted(deleted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired follow-up addresses")]
    private partial void LogDeleted(int count);
}
