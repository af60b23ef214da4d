using Engagement.Core.Common;
using Engagement.GraphQL.Errors;

namespace Engagement.Api.Composition;

/// <summary>
/// Answers a request the store could not serve just now (a lock held by another process, a full disk) with 503, a
/// Retry-After and a problem that says so, instead of a 500: on the widget's endpoints, the pages and sign-in. GraphQL
/// reports the same condition as an <c>UNAVAILABLE</c> error of its own.
/// </summary>
internal static partial class StoreUnavailability
{
    public static IApplicationBuilder UseStoreUnavailabilityAnswers(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (StoreUnavailableException.Find(e) is { } unavailable && !http.Response.HasStarted)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Engagement.Store");
            LogUnavailable(logger, http.Request.Path, unavailable.Reason, unavailable.InnerException?.Message ?? unavailable.Message);
            var (reason, message) = ApiErrorCodes.FromStore(unavailable.Reason);
            http.Response.Clear();
            // A lock passes in seconds; space or a failing disk needs someone, so clients should not hammer it.
            http.Response.Headers.RetryAfter = unavailable.Reason == StoreUnavailableReason.Busy ? "5" : "60";
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: message,
                extensions: new Dictionary<string, object?> { ["code"] = ApiErrorCodes.Unavailable, ["reason"] = reason }).ExecuteAsync(http);
        }
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store could not serve {Path} ({Reason}): {Detail}")]
    private static partial void LogUnavailable(ILogger logger, string path, StoreUnavailableReason reason, string detail);
}
