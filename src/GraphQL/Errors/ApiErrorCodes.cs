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

    /// <summary>The store could not serve the request just now (<c>extensions.reason</c> says why); the caller may try again.</summary>
    public const string Unavailable = "UNAVAILABLE";

    public const string Internal = "INTERNAL";

    /// <summary>The <c>extensions.reason</c> of an <see cref="Unavailable"/> error, and the message people read.</summary>
    public static (string Reason, string Message) FromStore(StoreUnavailableReason reason) => reason switch
    {
        StoreUnavailableReason.Busy => ("STORE_BUSY", "The service is busy and nothing was saved; please try again in a moment."),
        StoreUnavailableReason.Full => ("STORE_FULL", "The service has run out of storage space and nothing was saved; please try again later."),
        _ => ("STORE_FAILING", "The service could not reach its storage, so this may not have been saved; check before you try again."),
    };

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
