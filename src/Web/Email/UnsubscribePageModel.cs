namespace Engagement.Web.Email;

/// <summary>Where an unsubscribe link stands, as the page tells the person.</summary>
public enum UnsubscribeStep
{
    /// <summary>A valid link, opened: asks to confirm (a GET never unsubscribes: mail scanners follow links).</summary>
    Confirm,

    Done,
    Expired,
    Invalid,
}

/// <summary>What the unsubscribe page shows.</summary>
public sealed record UnsubscribePageModel
{
    public required string Language { get; init; }
    public required UnsubscribeStep Step { get; init; }

    /// <summary>The list's key ("FollowUps", "ModerationDigest"…), named on the page in its language.</summary>
    public string? List { get; init; }

    /// <summary>The address, masked ("j***@example.org").</summary>
    public string? MaskedAddress { get; init; }

    /// <summary>The link's token, posted back by the confirm button.</summary>
    public string? Token { get; init; }

    public required string FormAction { get; init; }
    public required string OtherLanguageUrl { get; init; }
}
