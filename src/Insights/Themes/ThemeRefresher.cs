using Engagement.Core.Insights;
using Engagement.Insights.Background;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engagement.Insights.Themes;

/// <summary>
/// Learns every organisation's themes again at the configured interval; an organisation whose texts did not change since
/// its snapshot costs one indexed read.
/// </summary>
internal sealed partial class ThemeRefresher(IServiceScopeFactory scopes, InsightsOptions options, TimeProvider clock, ILogger<ThemeRefresher> logger)
    : EveryOrganisation(scopes, logger)
{
    protected override TimeSpan Interval => options.ThemesRefreshInterval;

    protected override async Task VisitAsync(IServiceProvider services, string organisationId, CancellationToken ct)
    {
        // A snapshot stamped from now on is one this call made; an older one was left as it was (texts unchanged).
        var from = clock.GetUtcNow();
        if (await services.GetRequiredService<RefreshThemes>().ExecuteAsync(organisationId, ct) is { } after && after.RefreshedAt >= from)
            LogRefreshed(organisationId, after.Themes.Count, after.TextsRead);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Themes of organisation {OrganisationId} refreshed: {Themes} themes over {Texts} texts")]
    private partial void LogRefreshed(string organisationId, int themes, int texts);
}
