using Engagement.Core.Common;
using GraphQL;

namespace Engagement.GraphQL.Errors;

/// <summary>Turns a use case's result into the resolved value, or into GraphQL errors carrying field, reason and code.</summary>
public static class DomainErrors
{
    /// <summary>The value of a successful result; otherwise every error is added to the response and null resolves the field.</summary>
    public static T? ValueOrErrors<T>(this Result<T> result, IResolveFieldContext context) where T : class
    {
        if (result.Succeeded)
            return result.Value;
        foreach (var error in result.Errors)
            context.Report(ToExecutionError(error));
        return null;
    }

    /// <summary>Adds an error to the response at this field's path and location, as a thrown error would be.</summary>
    public static void Report(this IResolveFieldContext context, ExecutionError error)
    {
        error.Path = context.ResponsePath;
        error.AddLocation(context.FieldAst, context.Document);
        context.Errors.Add(error);
    }

    public static ExecutionError ToExecutionError(Error error)
    {
        var e = new ExecutionError(error.Message) { Code = ApiErrorCodes.FromDomain(error.Code) };
        e.Extensions ??= new Dictionary<string, object?>();
        e.Extensions["field"] = error.Field;
        e.Extensions["reason"] = error.Code;
        return e;
    }

    /// <summary>An error for a request the API refuses before any use case runs.</summary>
    public static ExecutionError Refusal(string code, string message, string? field = null)
    {
        var e = new ExecutionError(message) { Code = code };
        if (field is not null)
        {
            e.Extensions ??= new Dictionary<string, object?>();
            e.Extensions["field"] = field;
        }
        return e;
    }
}
