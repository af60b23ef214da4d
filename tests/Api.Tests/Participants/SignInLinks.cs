using System.Text.RegularExpressions;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Email;

namespace Engagement.Api.Tests.Participants;

/// <summary>Reads the sign-in links a host wrote, from its outbox, as the person would from the email.</summary>
internal static partial class SignInLinks
{
    public static string NewAddress() => $"citizen-{Guid.NewGuid():N}@example.org";

    /// <summary>The emails written to this address, sent or not, oldest first.</summary>
    public static async Task<List<EmailMessage>> EmailsToAsync(EngagementAppFactory app, string address)
    {
        var outbox = app.Get<IOutboxStore>();
        // Pending before sent: a message moves only that way, so one read or the other sees it.
        var pending = await outbox.ListAsync(OutboxStatus.Pending, 100_000);
        var sent = await outbox.ListAsync(OutboxStatus.Sent, 100_000);
        return [.. pending.Concat(sent).Select(e => e.Message).Where(m => m.To == address).DistinctBy(m => m.Id).OrderBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <summary>The path (with its token) of the one link sent to this address, and the token.</summary>
    public static async Task<(string Path, string Token)> LinkSentToAsync(EngagementAppFactory app, string address)
    {
        var email = Assert.Single(await EmailsToAsync(app, address));
        var link = Link().Match(email.PlainText);
        Assert.True(link.Success, email.PlainText);
        return (new Uri(link.Value).PathAndQuery, link.Groups["token"].Value);
    }

    [GeneratedRegex(@"https?://[^/\s]+/(?<lang>[a-z]+)/verify-email\?token=(?<token>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])")]
    private static partial Regex Link();
}
