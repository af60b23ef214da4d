using Engagement.Api.Settings;
using StackExchange.Redis;

namespace Engagement.Api.Live;

/// <summary>
/// The node's one connection to Redis, shared by the SignalR backplane, the data-protection key store and the ready
/// check, so the health probe reports the very connection live updates travel on. Opened on first use; while Redis
/// is away the multiplexer keeps retrying in the background (AbortOnConnectFail is off) instead of failing start-up.
/// </summary>
internal sealed partial class RedisConnection(EngagementSettings settings, ILogger<RedisConnection> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;

    public RedisSettings Settings { get; } = settings.Redis
        ?? throw new InvalidOperationException($"{RedisSettings.Setting} is not set; RedisConnection is registered only when it is.");

    /// <summary>The shared multiplexer; returns while Redis is still down (it connects when Redis answers).</summary>
    public async Task<IConnectionMultiplexer> GetAsync()
    {
        if (Volatile.Read(ref _multiplexer) is { } open)
            return open;
        await _opening.WaitAsync();
        try
        {
            if (_multiplexer is null)
            {
                var multiplexer = await ConnectionMultiplexer.ConnectAsync(Settings.Options.Clone());
                multiplexer.ConnectionFailed += (_, e) => LogConnectionFailed(logger, e.EndPoint?.ToString(), e.FailureType);
                multiplexer.ConnectionRestored += (_, e) => LogConnectionRestored(logger, e.EndPoint?.ToString());
                if (!multiplexer.IsConnected)
                    LogNotYetConnected(logger);
                Volatile.Write(ref _multiplexer, multiplexer);
            }
            return _multiplexer;
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>For callers that cannot await (the data-protection key store reads its keys synchronously).</summary>
    public IDatabase Database => GetAsync().GetAwaiter().GetResult().GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is { } multiplexer)
            await multiplexer.DisposeAsync();
        _opening.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost Redis at {EndPoint} ({FailureType}); live updates between nodes pause until it reconnects.")]
    private static partial void LogConnectionFailed(ILogger logger, string? endPoint, ConnectionFailureType failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {EndPoint} reconnected; live updates between nodes resume.")]
    private static partial void LogConnectionRestored(ILogger logger, string? endPoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis does not answer yet; this node serves requests and keeps trying to connect.")]
    private static partial void LogNotYetConnected(ILogger logger);
}
