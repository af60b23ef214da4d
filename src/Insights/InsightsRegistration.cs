using System.Diagnostics;
using Engagement.Core.Insights;
using Engagement.Core.Screening;
using Engagement.Insights.Sentiment;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engagement.Insights;

/// <summary>
/// Registers insights: the sentiment model (also moderation's abuse signal, in place of its no-model default) and the
/// background tagger, which needs the store's <see cref="ISentimentFeed"/> and the core's <see cref="TagSentiment"/>.
/// </summary>
public static class InsightsRegistration
{
    public static IServiceCollection AddEngagementInsights(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => SentimentModel.LoadShipped());
        services.TryAddSingleton<ISentimentScorer>(sp => sp.GetRequiredService<SentimentModel>());
        // Whether moderation registered its default before or after us, the model's abuse score is the one used.
        services.RemoveAll<IAbuseScorer>();
        services.AddSingleton<IAbuseScorer>(sp => sp.GetRequiredService<SentimentModel>());
        services.AddHostedService<LoadModelsAtStart>();
        services.TryAddSingleton(new InsightsOptions());
        services.AddHostedService<Tagging.SentimentTagger>();
        services.TryAddSingleton<IThemeDiscovery, Themes.ThemeDiscoveryAdapter>();
        services.AddHostedService<Themes.ThemeRefresher>();
        services.AddHostedService<Drift.DriftWatcher>();
        return services;
    }
}

/// <summary>Loads the models while the host starts, so the first text scored does not wait for them and a broken model fails the start.</summary>
internal sealed partial class LoadModelsAtStart(IServiceProvider services, ILogger<LoadModelsAtStart> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var model = services.GetRequiredService<SentimentModel>();
        LogLoaded(model.ModelVersion, watch.ElapsedMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sentiment model {Version} loaded in {Milliseconds} ms")]
    private partial void LogLoaded(string version, long milliseconds);
}
