using Engagement.Core.Insights;
using Engagement.Insights.Background;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engagement.Insights.Themes;

/// <summary>
/// Learns every organisation's themes again at the configured interval; an organisation whose texts did not change since
/// its snapshot costs one indexed read.
/// </summary>
internal sealed partial class ThemeRefresher(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, InsightsOptions options, ILogger<ThemeRefresher> logger)
    : EveryOrganisation(scopes, lifetime, logger)
{
    protected override TimeSpan Interval => options.ThemesRefreshInterval;

    protected override async Task VisitAsync(IServiceProvider services, string organisationId, CancellationToken ct)
    {
        var before = await services.GetRequiredService<IThemeStore>().GetAsync(organisationId, ct);
        if (await services.GetRequiredService<RefreshThemes>().ExecuteAsync(organisationId, ct) is { } after && after.RefreshedAt != before?.RefreshedAt)
            LogRefreshed(organisationId, after.Themes.Count, after.TextsRead);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Themes of organisation {OrganisationId} refreshed: {Themes} themes over {Texts} texts")]
    private partial void LogRefreshed(string organisationId, int themes, int texts);
}
