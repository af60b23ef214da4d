namespace Engagement.Core.Email;

/// <summary>What kind of email a person can stop receiving, one unsubscribe each.</summary>
public enum MailingList
{
    /// <summary>"You said, we did": news of improvements that feedback a citizen gave led to.</summary>
    FollowUps,

    /// <summary>Moderators' digest of newly held items.</summary>
    ModerationDigest,

    /// <summary>Analysts' notices of drift alerts.</summary>
    DriftAlerts,

    /// <summary>Sign-in and verification links: only ever sent on request, but a request can be made by someone else.</summary>
    SignInLinks,
}

/// <summary>The addresses that asked to receive no more email of a kind, kept as hashes of the address.</summary>
public interface IEmailSuppressionStore
{
    /// <summary>Records that the address (by <see cref="EmailAddresses.Hash"/>) wants none of this list; doing it again changes nothing.</summary>
    Task SuppressAsync(MailingList list, string addressHash, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Of these address hashes, the ones that want none of this list.</summary>
    Task<IReadOnlySet<string>> SuppressedAsync(MailingList list, IReadOnlyCollection<string> addressHashes, CancellationToken ct = default);
}
