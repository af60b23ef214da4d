using System.Text.RegularExpressions;
using Engagement.Core.Participants;
using Engagement.Email.Templates;

namespace Engagement.Email.Tests.Templates;

/// <summary>The sign-in link email in English and French: both parts carry the link, its lifetime and the unsubscribe link, and the HTML part encodes every value.</summary>
public sealed partial class EmailVerificationTemplateTests
{
    private const string Link = "https://engage.example.org/en/verify-email?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
    private const string Unsubscribe = "https://engage.example.org/en/unsubscribe?token=xyz";

    private readonly EmailTemplateRenderer _renderer = new();

    [Fact]
    public void The_english_email_carries_the_link_its_lifetime_and_the_unsubscribe_link_in_both_parts()
    {
        var content = _renderer.Render(new EmailVerificationEmail("en", Link, 15), Unsubscribe);

        Assert.Equal("Your sign-in link", content.Subject);
        Assert.Contains("Confirm my email address:\n" + Link, content.PlainText, StringComparison.Ordinal);
        Assert.Contains("The link works once, for 15 minutes.", content.PlainText, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe from these emails: " + Unsubscribe, content.PlainText, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", content.Html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Link}\">Confirm my email address</a>", content.Html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Unsubscribe}\">Unsubscribe from these emails</a>", content.Html, StringComparison.Ordinal);
        Assert.Contains("once, for 15 minutes", content.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_french_email_is_written_in_french()
    {
        var content = _renderer.Render(new EmailVerificationEmail("fr", Link.Replace("/en/", "/fr/", StringComparison.Ordinal), 15), Unsubscribe);

        Assert.Equal("Votre lien de connexion", content.Subject);
        Assert.Contains("Confirmer mon adresse courriel\u00a0:\n" + "https://engage.example.org/fr/verify-email?token=", content.PlainText, StringComparison.Ordinal);
        Assert.Contains("Le lien fonctionne une seule fois, pendant 15 minutes.", content.PlainText, StringComparison.Ordinal);
        Assert.Contains("Se désabonner de ces courriels\u00a0: " + Unsubscribe, content.PlainText, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", content.Html, StringComparison.Ordinal);
        Assert.Contains("Confirmez votre adresse courriel", content.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirm my", content.PlainText + content.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_part_encodes_the_link_so_no_markup_can_ride_in_it()
    {
        const string hostile = "https://engage.example.org/en/verify-email?token=a&b=\"><script>alert(1)</script>";

        var content = _renderer.Render(new EmailVerificationEmail("en", hostile, 15), Unsubscribe);

        Assert.DoesNotContain("<script", content.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("token=a&amp;b=&quot;&gt;&lt;script&gt;", content.Html, StringComparison.Ordinal);
        Assert.Contains(hostile, content.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_email_text_has_both_languages_with_the_same_placeholders()
    {
        Assert.All(EmailTexts.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.En), t.Name);
            Assert.False(string.IsNullOrWhiteSpace(t.Fr), t.Name);
            Assert.Equal(Placeholders(t.En), Placeholders(t.Fr));
        });
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
