namespace Engagement.Api.Composition;

/// <summary>Quiet framework logs by default: one line per request would drown the log under widget traffic.</summary>
public static class LoggingDefaults
{
    public static WebApplicationBuilder AddEngagementLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        return builder;
    }
}
