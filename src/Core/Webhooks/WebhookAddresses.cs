using System.Net;
using System.Net.Sockets;
using Engagement.Core.Common;

namespace Engagement.Core.Webhooks;

/// <summary>
/// Which addresses the platform posts deliveries to. A webhook makes the platform call out to an address an admin typed,
/// so it must not become a way into the platform's own network: only https to public addresses, unless the deployment
/// allows private networks (a test rig, a receiver beside the platform), and then plain http only to this machine.
/// Names are checked again when connecting, against the addresses they resolve to (the sender's job).
/// </summary>
public static class WebhookAddresses
{
    /// <summary>The address as stored, or null with every problem added to <paramref name="v"/> under <paramref name="field"/>.</summary>
    public static string? Check(Validator v, string field, string? url, bool allowPrivateNetworks)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            v.Add(field, ErrorCodes.Required, "Give the receiver's address, such as https://tracker.example.org/hooks/engagement.");
            return null;
        }
        if (url.Length > TextLimits.PageUrl)
        {
            v.Add(field, ErrorCodes.TooLong, $"Addresses are limited to {TextLimits.PageUrl} characters.");
            return null;
        }
        var problem = Problem(url, allowPrivateNetworks);
        if (problem is null)
            return url;
        v.Add(field, ErrorCodes.InvalidFormat, problem);
        return null;
    }

    private static string? Problem(string url, bool allowPrivateNetworks)
    {
        // Uri would quietly trim spaces and drop control characters; what is stored must be what is called.
        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
            return "Give a full web address starting with https://.";
        if (uri.UserInfo.Length > 0)
            return "An address may not carry a user name or password; put a token in the path or query instead.";
        if (uri.Fragment.Length > 0)
            return "An address may not end with a #fragment: it is never sent to the receiver.";
        var loopback = IsLoopbackName(uri);
        if (uri.Scheme == "http" && !(allowPrivateNetworks && loopback))
            return allowPrivateNetworks
                ? "Give an https:// address; plain http is accepted only for a receiver on this machine (localhost)."
                : "Give an https:// address: deliveries are signed, but their content must not travel in clear.";
        if (!allowPrivateNetworks && (loopback || (LiteralAddress(uri) is { } ip && !IsPublic(ip))))
            return "This address is on a private or local network; the platform only calls public addresses.";
        return null;
    }

    // "localhost." is the same name as "localhost"; every *.localhost name is this machine too (RFC 6761).
    private static bool IsLoopbackName(Uri uri)
    {
        var host = uri.IdnHost.TrimEnd('.');
        return uri.IsLoopback || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    // The address an IP host names (Uri has already read decimal and octal IPv4 forms into dotted ones).
    private static IPAddress? LiteralAddress(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : null;

    /// <summary>
    /// Whether an address is on the public internet: not loopback, private (RFC 1918, IPv6 unique local), link-local,
    /// shared (carrier-grade NAT), unspecified, multicast, reserved or documentation. IPv4 inside IPv6 (mapped, NAT64) is
    /// judged as the IPv4 address it carries.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return false;
        var v6 = address.GetAddressBytes();
        // 64:ff9b::/96 translates to the IPv4 address in its last four bytes.
        if (v6[0] == 0 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b && v6.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            return IsPublic(new IPAddress(v6.AsSpan(12, 4)));
        return !(IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
            // 2001:db8::/32, documentation.
            || (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8));
    }
}
