using Engagement.Core.Common;

namespace Engagement.GraphQL.Errors;

/// <summary>The stable <c>extensions.code</c> values of GraphQL errors, and how domain error codes map onto them.</summary>
public static class ApiErrorCodes
{
    public const string Validation = "VALIDATION";
    public const string NotFound = "NOT_FOUND";
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Conflict = "CONFLICT";
    public const string RateLimited = "RATE_LIMITED";
    public const string Timeout = "TIMEOUT";
    public const string Internal = "INTERNAL";

    /// <summary>The API code for a domain error code; the domain code itself travels as <c>extensions.reason</c>.</summary>
    public static string FromDomain(string domainCode) => domainCode switch
    {
        ErrorCodes.NotFound => NotFound,
        ErrorCodes.Forbidden => Forbidden,
        ErrorCodes.Unauthenticated => Unauthenticated,
        ErrorCodes.Duplicate or ErrorCodes.Conflict or ErrorCodes.InvalidState => Conflict,
        _ => Validation,
    };
}
