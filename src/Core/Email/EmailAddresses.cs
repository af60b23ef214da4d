using Engagement.Core.Common;

namespace Engagement.Core.Email;

/// <summary>How an email address is compared and, where only its identity is needed, stored.</summary>
public static class EmailAddresses
{
    /// <summary>The address as compared: trimmed and lower-cased (the local part's case is not kept, as every provider we meet ignores it).</summary>
    public static string Normalise(string address) => address.Trim().ToLowerInvariant();

    /// <summary>The hash under which an address is kept where the address itself is not needed (unsubscribes): hex SHA-256 of the normal form.</summary>
    public static string Hash(string address) => SecretTokens.Hash(Normalise(address));
}
