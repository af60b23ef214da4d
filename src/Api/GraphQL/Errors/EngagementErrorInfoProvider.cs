using Engagement.Core.Common;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace Engagement.GraphQL.Errors;

/// <summary>
/// Shapes every GraphQL error: one stable <c>extensions.code</c> from <see cref="ApiErrorCodes"/> (the
/// engine's own validation rule travels as <c>extensions.rule</c>), no internal detail for unexpected faults, and
/// <c>UNAVAILABLE</c> with a reason when the store could not serve the request just now.
/// </summary>
internal sealed class EngagementErrorInfoProvider : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var store = executionError is UnhandledError u && StoreUnavailableException.Find(u.InnerException) is { } unavailable
            ? ApiErrorCodes.FromStore(unavailable.Reason)
            : ((string Reason, string Message)?)null;
        var (code, rule, message) = executionError switch
        {
            TimeoutError => (ApiErrorCodes.Timeout, null, "The request took too long and was stopped."),
            // A lock held elsewhere, a full disk: not a fault to hide but a state to report, so clients know to retry.
            _ when store is { } s => (ApiErrorCodes.Unavailable, null, s.Message),
            ValidationError v => (ApiErrorCodes.Validation, v.Code, v.Message),
            DocumentError d => (ApiErrorCodes.Validation, d.Code, d.Message),
            UnhandledError => (ApiErrorCodes.Internal, null, "Something went wrong on our side; the request was not completed."),
            _ when IsOurs(executionError.Code) => (executionError.Code!, null, executionError.Message),
            _ => (ApiErrorCodes.Validation, executionError.Code, executionError.Message),
        };

        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (rule is not null && rule != code)
            extensions["rule"] = rule;
        if (store is { } unavailableStore)
            extensions["reason"] = unavailableStore.Reason;
        if (executionError.Extensions is { } own)
        {
            foreach (var (key, value) in own)
                extensions.TryAdd(key, value);
        }
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static bool IsOurs(string? code) => code is ApiErrorCodes.Validation or ApiErrorCodes.NotFound or ApiErrorCodes.Forbidden
        or ApiErrorCodes.Unauthenticated or ApiErrorCodes.Conflict or ApiErrorCodes.RateLimited or ApiErrorCodes.Timeout or ApiErrorCodes.Unavailable or ApiErrorCodes.Internal;
}
