namespace Engagement.Web.Participants;

/// <summary>What the page a sign-in link opens shows: the button that uses it, what using it did, or why it cannot be used.</summary>
public enum VerifyEmailView
{
    /// <summary>A usable link: a button to use it (opening the link must not use it, as mail scanners open links too).</summary>
    Confirm,

    Verified,
    Expired,
    AlreadyUsed,

    /// <summary>A link cut short, altered or made up.</summary>
    NotValid,
}

/// <summary>The page a sign-in link opens, in each of its <see cref="VerifyEmailView"/>s.</summary>
public sealed record VerifyEmailPageModel
{
    public required string Language { get; init; }
    public required VerifyEmailView View { get; init; }

    /// <summary>The address, masked, on the confirmation and success views.</summary>
    public string? MaskedAddress { get; init; }

    /// <summary>The link's token, carried by the confirmation form.</summary>
    public string? Token { get; init; }

    /// <summary>Where the confirmation form posts.</summary>
    public string? FormAction { get; init; }

    /// <summary>A participant token issued by using the link, shown once; null when the participant that asked keeps its own.</summary>
    public string? ParticipantToken { get; init; }

    /// <summary>The same page in the other language; null where the page is an answer that cannot be shown again.</summary>
    public string? OtherLanguageUrl { get; init; }

    /// <summary>The form asking for a new link, on the expired view; other refusals link to the request page.</summary>
    public RequestLinkFormModel? RequestForm { get; init; }

    public required string RequestUrl { get; init; }

    /// <summary>How long a link works, to say so on the expired view.</summary>
    public required int LinkLifetimeMinutes { get; init; }
}

/// <summary>The form that asks for a sign-in link: one email field.</summary>
public sealed record RequestLinkFormModel
{
    public required string Language { get; init; }
    public required string FormAction { get; init; }

    /// <summary>The address as typed, shown again after an error.</summary>
    public string? Email { get; init; }

    /// <summary>A message per field ("email", "form"), already in the page's language.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}

/// <summary>The page that asks for a sign-in link, and the page that says it is on its way.</summary>
public sealed record VerifyEmailRequestPageModel
{
    public required string Language { get; init; }
    public required string OtherLanguageUrl { get; init; }

    /// <summary>True once a request was accepted: the page then says where to look, whatever happened to the address.</summary>
    public bool Sent { get; init; }

    public required int LinkLifetimeMinutes { get; init; }
    public required RequestLinkFormModel Form { get; init; }
}
