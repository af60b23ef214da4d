using Engagement.Core.Email;
using Engagement.Core.FollowUps;
using Engagement.Email.Templates;

namespace Engagement.Email.Tests.Templates;

/// <summary>The email templates: both languages complete, the two bodies saying the same, user text encoded, the unsubscribe link in both.</summary>
public sealed class EmailTemplateRendererTests
{
    private const string Unsubscribe = "https://engage.example.org/fr/unsubscribe?token=abc&x=1";
    private readonly EmailTemplateRenderer _renderer = new();

    [Fact]
    public void Every_text_exists_in_English_and_French()
    {
        foreach (var (name, en, fr) in EmailTexts.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(en), name);
            Assert.False(string.IsNullOrWhiteSpace(fr), name);
            Assert.NotEqual(en, fr);
        }
    }

    [Theory]
    [InlineData("en", "You said, we did", "See what changed")]
    [InlineData("fr", "Vous avez dit, nous avons fait", "Voir ce qui a changé")]
    public void The_shipped_email_is_written_in_the_contributors_language(string language, string subject, string link)
    {
        var content = _renderer.Render(new ImprovementShippedEmail(language, "Longer hours", "Open until 8 pm.", "Passport office", "https://engage.example.org/p"), Unsubscribe);

        Assert.StartsWith(subject, content.Subject);
        Assert.Contains(link, content.PlainText);
        Assert.Contains($"lang=\"{language}\"", content.Html);
        Assert.Contains("Open until 8 pm.", content.PlainText);
        Assert.Contains("Passport office", content.Html);
    }

    [Fact]
    public void User_text_is_encoded_in_the_HTML_part_and_left_as_written_in_the_plain_part()
    {
        var content = _renderer.Render(new ImprovementShippedEmail("en", "<img src=x onerror=alert(1)>", "Fixed \"it\" & <script>alert(1)</script>",
            "<b>Service</b>", "https://engage.example.org/p?a=1&b=2"), Unsubscribe);

        Assert.DoesNotContain("<script", content.Html);
        Assert.DoesNotContain("<img", content.Html);
        Assert.DoesNotContain("<b>", content.Html);
        Assert.Contains("&lt;script&gt;", content.Html);
        Assert.Contains("href=\"https://engage.example.org/p?a=1&amp;b=2\"", content.Html);
        Assert.Contains("Fixed \"it\" & <script>alert(1)</script>", content.PlainText);
    }

    [Fact]
    public void The_subject_stays_on_one_short_line()
    {
        var content = _renderer.Render(new ImprovementShippedEmail("en", "Line one\r\nBcc: evil@example.org\n" + new string('x', 500), "Note", null, null), null);

        Assert.DoesNotContain('\n', content.Subject);
        Assert.DoesNotContain('\r', content.Subject);
        Assert.True(content.Subject.Length <= 160, content.Subject);
    }

    [Fact]
    public void The_unsubscribe_link_is_in_both_parts_when_given()
    {
        var content = _renderer.Render(new ImprovementShippedEmail("fr", "T", "N", null, null), Unsubscribe);
        var none = _renderer.Render(new ImprovementShippedEmail("fr", "T", "N", null, null), null);

        Assert.Contains(Unsubscribe, content.PlainText);
        Assert.Contains("href=\"https://engage.example.org/fr/unsubscribe?token=abc&amp;x=1\"", content.Html);
        Assert.Contains("Se désabonner", content.Html);
        Assert.DoesNotContain("unsubscribe", none.PlainText);
    }

    [Fact]
    public void A_template_the_renderer_does_not_know_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _renderer.Render(new Unknown("en"), null));
    }

    private sealed record Unknown(string Language) : EmailTemplate(Language);
}
