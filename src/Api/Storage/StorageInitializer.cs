namespace Engagement.Api.Storage;

/// <summary>Prepares the store (schema, indexes) before the host accepts requests.</summary>
internal sealed partial class StorageInitializer(StorageAdapter storage, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.InitializeAsync(cancellationToken);
        LogReady(storage.Describe());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Store ready: {Store}")]
    private partial void LogReady(string store);
}
