using Engagement.Api.Settings;

namespace Engagement.Api.Storage;

/// <summary>Picks the storage adapter from Storage:Provider: the one place that knows every provider.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddEngagementStorage(this IServiceCollection services)
    {
        services.AddSingleton<StorageAdapter>(sp =>
        {
            var settings = sp.GetRequiredService<EngagementSettings>();
            return settings.StorageProvider switch
            {
                StorageProviderKind.Sqlite => new SqliteStorageAdapter(settings.SqlitePath),
                StorageProviderKind.Mongo => new MongoStorageAdapter(settings.MongoConnectionString!),
                _ => throw new SettingsException("Storage:Provider", $"no adapter is registered for {settings.StorageProvider}."),
            };
        });
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Organisations);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Services);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Consultations);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Comments);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Surveys);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().SurveyResponses);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Ratings);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Participants);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Tallies);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Audit);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Staff);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().ApiTokens);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().WidgetKeys);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().TermLists);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().ModerationItems);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().CommentReports);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().SentimentFeed);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Themes);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().DriftAlerts);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Backlog);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Outbox);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().FollowUps);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().EmailSuppressions);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().EmailChallenges);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAdapter>().Webhooks);
        // First of all hosted services: they start one after another, so every background worker (whichever module
        // registered it, and whenever) finds the store migrated, and none has to wait for the host to have started.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StorageInitializer>());
        return services;
    }
}
