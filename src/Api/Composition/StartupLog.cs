using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Engagement.Api.Composition;

/// <summary>Logs, once the server listens, the addresses a newcomer can open.</summary>
public static partial class StartupLog
{
    public static WebApplication LogServedUrls(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
                LogServing(app.Logger, address.TrimEnd('/'));
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement is serving {Address}  (health: {Address}/health/live, {Address}/health/ready)")]
    private static partial void LogServing(ILogger logger, string address);
}
