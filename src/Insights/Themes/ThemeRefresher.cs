using Engagement.Core.Insights;
using Engagement.Core.Organisations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engagement.Insights.Themes;

/// <summary>
/// Learns every organisation's themes again in the background, one organisation at a time, at the configured interval;
/// an organisation whose texts did not change since its snapshot costs one indexed read. Every node runs it: the result
/// is the same from any node, so running twice wastes time but never disagrees.
/// </summary>
internal sealed partial class ThemeRefresher(IServiceScopeFactory scopes, InsightsOptions options, ILogger<ThemeRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAllAsync(stoppingToken);
                await Task.Delay(options.ThemesRefreshInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The last snapshot stays readable; the next round tries again.
                LogFailed(e);
                await Task.Delay(options.ThemesRefreshInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RefreshAllAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var refresh = services.GetRequiredService<RefreshThemes>();
        foreach (var organisation in await services.GetRequiredService<IOrganisationStore>().ListAsync(ct))
        {
            var before = await services.GetRequiredService<IThemeStore>().GetAsync(organisation.Id, ct);
            if (await refresh.ExecuteAsync(organisation.Id, ct) is { } after && after.RefreshedAt != before?.RefreshedAt)
                LogRefreshed(organisation.Id, after.Themes.Count, after.TextsRead);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Themes of organisation {OrganisationId} refreshed: {Themes} themes over {Texts} texts")]
    private partial void LogRefreshed(string organisationId, int themes, int texts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing themes failed; the last themes stay until the next try")]
    private partial void LogFailed(Exception exception);
}
