using Engagement.Api.Settings;
using Engagement.Core.Common;

namespace Engagement.Api.Composition;

/// <summary>Registers settings, the clock, the offered languages and every use case of the core.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddEngagementCore(this IServiceCollection services)
    {
        // Settings are read when first resolved (not while the builder runs) so test hosts can override them.
        services.AddSingleton(sp => EngagementSettings.Load(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => sp.GetRequiredService<EngagementSettings>().Languages);
        services.AddSingleton(sp => new Engagement.Core.Moderation.ReportOptions { Threshold = sp.GetRequiredService<EngagementSettings>().Moderation.ReportThreshold });
        services.AddSingleton(sp =>
        {
            var insights = sp.GetRequiredService<EngagementSettings>().Insights;
            return new Engagement.Insights.InsightsOptions
            {
                TaggingEnabled = insights.TaggingEnabled, TaggingBatchSize = insights.TaggingBatchSize, TaggingPollInterval = insights.TaggingPollInterval,
                TaggingMaxCpuShare = insights.TaggingMaxCpuPercent / 100.0,
                ThemesRefreshInterval = insights.ThemesRefreshInterval, DriftCheckInterval = insights.DriftCheckInterval,
            };
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<EngagementSettings>().Retention);
        services.AddHostedService<Retention>();
        // Moderation replaces this with its screening pipeline.
        services.AddSingleton<Engagement.Core.Screening.ITextScreening, Engagement.Core.Screening.NoScreening>();

        var useCases = typeof(IUseCase).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(IUseCase).IsAssignableFrom(t));
        foreach (var useCase in useCases)
            services.AddScoped(useCase);
        services.AddScoped<Engagement.Core.Moderation.ModerationQueue>();
        // Stateless over the stores: one each, shared by use cases and the live snapshots.
        services.AddSingleton<Engagement.Core.Backlog.BacklogPriority>();
        services.AddSingleton<Engagement.Core.Backlog.BacklogChanges>();
        services.AddSingleton<Engagement.Core.Backlog.EvidenceSources>();
        return services;
    }
}
