using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace Engagement.GraphQL.Errors;

/// <summary>
/// Shapes every GraphQL error: one stable <c>extensions.code</c> from <see cref="ApiErrorCodes"/> (the
/// engine's own validation rule travels as <c>extensions.rule</c>), and no internal detail for unexpected faults.
/// </summary>
internal sealed class EngagementErrorInfoProvider : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var (code, rule, message) = executionError switch
        {
            TimeoutError => (ApiErrorCodes.Timeout, null, "The request took too long and was stopped."),
            ValidationError v => (ApiErrorCodes.Validation, v.Code, v.Message),
            DocumentError d => (ApiErrorCodes.Validation, d.Code, d.Message),
            UnhandledError => (ApiErrorCodes.Internal, null, "Something went wrong on our side; the request was not completed."),
            _ when IsOurs(executionError.Code) => (executionError.Code!, null, executionError.Message),
            _ => (ApiErrorCodes.Validation, executionError.Code, executionError.Message),
        };

        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (rule is not null && rule != code)
            extensions["rule"] = rule;
        if (executionError.Extensions is { } own)
        {
            foreach (var (key, value) in own)
                extensions.TryAdd(key, value);
        }
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static bool IsOurs(string? code) => code is ApiErrorCodes.Validation or ApiErrorCodes.NotFound or ApiErrorCodes.Forbidden
        or ApiErrorCodes.Unauthenticated or ApiErrorCodes.Conflict or ApiErrorCodes.RateLimited or ApiErrorCodes.Timeout or ApiErrorCodes.Internal;
}
