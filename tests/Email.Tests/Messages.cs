using Engagement.Core.Common;
using Engagement.Core.Email;
using MimeKit;

namespace Engagement.Email.Tests;

/// <summary>The messages and options the email tests send with, and the checks a delivered copy must pass.</summary>
internal static class Messages
{
    public const string From = "consultations@engagement.example.org";

    /// <summary>A French message whose every text carries accents, guillemets and typographic apostrophes.</summary>
    public static EmailMessage French(string? id = null) => new(
        Id: id ?? Ids.New(),
        To: "citoyenne@example.org",
        ToName: "Élodie Côté",
        Subject: "Résultat de la consultation « Parcs et espaces verts »",
        PlainText: "Bonjour Élodie,\n\nVous avez dit : « plus d’arbres près de l’école ». Voici ce que nous avons fait — merci !\n",
        Html: "<p>Bonjour Élodie,</p><p>Vous avez dit : « plus d’arbres près de l’école ». Voici ce que nous avons fait — merci !</p>",
        Language: "fr",
        ListUnsubscribe: "https://engagement.example.org/fr/desabonnement?jeton=abc123",
        CreatedAt: new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero));

    public static EmailOptions Smtp(int port, TimeSpan? timeout = null) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Security = SmtpSecurity.None,
        FromAddress = From,
        FromName = "Engagement",
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
    };

    public static EmailOptions Files(string directory) => new() { FromAddress = From, OutboxDirectory = directory };

    /// <summary>Checks that a delivered copy is the message sent, every header and both parts intact.</summary>
    public static void AssertDelivered(EmailMessage sent, MimeMessage received)
    {
        Assert.Equal($"{sent.Id}@engagement.example.org", received.MessageId);
        Assert.Equal(sent.Subject, received.Subject);
        Assert.Equal(sent.CreatedAt, received.Date);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(received.To));
        Assert.Equal((sent.To, sent.ToName), (to.Address, to.Name));
        Assert.Equal(From, Assert.IsType<MailboxAddress>(Assert.Single(received.From)).Address);
        Assert.Equal($"<{sent.ListUnsubscribe}>", received.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers[HeaderId.ListUnsubscribePost]);

        var alternative = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Equal(sent.Language, alternative.Headers[HeaderId.ContentLanguage]);
        // Plain text first: mail clients show the last part they can render, so HTML wins where it is understood.
        var plain = Assert.IsType<TextPart>(alternative[0]);
        var html = Assert.IsType<TextPart>(alternative[1]);
        Assert.True(plain.IsPlain);
        Assert.True(html.IsHtml);
        Assert.Equal(Normalise(sent.PlainText), Normalise(plain.Text));
        Assert.Equal(Normalise(sent.Html), Normalise(html.Text));
    }

    // Transport may turn \n into \r\n and add a final line break; neither is a change of the text.
    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
}
