namespace Engagement.Core.Common;

/// <summary>One reason an input was refused: the field concerned, a stable code and a plain-language message.</summary>
public sealed record Error(string Field, string Code, string Message)
{
    public override string ToString() => $"{Field}: {Code} ({Message})";
}

/// <summary>The stable error codes use cases return; API layers map them to HTTP statuses and GraphQL codes.</summary>
public static class ErrorCodes
{
    public const string Required = "REQUIRED";
    public const string TooLong = "TOO_LONG";
    public const string OutOfRange = "OUT_OF_RANGE";
    public const string InvalidFormat = "INVALID_FORMAT";
    public const string UnsupportedLanguage = "UNSUPPORTED_LANGUAGE";
    public const string NotFound = "NOT_FOUND";
    public const string InvalidState = "INVALID_STATE";
    public const string Duplicate = "DUPLICATE";
    public const string Conflict = "CONFLICT";

    /// <summary>A link or token that was genuine but is past its time.</summary>
    public const string Expired = "EXPIRED";

    /// <summary>A single-use link or token that was used already.</summary>
    public const string AlreadyUsed = "ALREADY_USED";
    public const string Rejected = "REJECTED";
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string WrongType = "WRONG_TYPE";
    public const string UnknownOption = "UNKNOWN_OPTION";
    public const string HiddenQuestion = "HIDDEN_QUESTION";
    public const string UnknownQuestion = "UNKNOWN_QUESTION";
}
