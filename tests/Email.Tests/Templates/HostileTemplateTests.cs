using System.Net;
using System.Text.RegularExpressions;
using Engagement.Core.Email;
using Engagement.Core.FollowUps;
using Engagement.Core.Insights;
using Engagement.Core.Notifications;
using Engagement.Core.Participants;
using Engagement.Email.Templates;

namespace Engagement.Email.Tests.Templates;

/// <summary>
/// Every email template with markup and header tricks in every string a citizen or staff member can set: the HTML part
/// shows them as text, the plain part as typed (control characters and direction overrides removed, as
/// <see cref="TypedText"/> documents), the subject stays one bounded line, and no link leads anywhere but the platform.
/// </summary>
public sealed partial class HostileTemplateTests
{
    private const string Site = "https://engage.example.org";
    private const string Unsubscribe = Site + "/en/unsubscribe?token=abc&x=1";

    /// <summary>The most a subject can be: a shortened value and its template's own words (the longest, French, around it).</summary>
    private const int MaxSubject = Subjects.Max + 60;

    private static readonly EmailTemplateRenderer Renderer = new();

    /// <summary>What people type to break out of text: markup, attribute breaks, encoded markup, header injection, floods, direction tricks, controls.</summary>
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["script"] = "<script>alert(1)</script>",
        ["image handler"] = "<img src=x onerror=alert(1)>",
        ["attribute break to a javascript link"] = "\"><a href=\"javascript:alert(1)\">click</a>",
        ["single-quote break"] = "'><svg onload=alert(1)>",
        ["already encoded markup"] = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#60;b&#62;",
        ["CR/LF header injection"] = "Title\r\nBcc: victim@example.org",
        ["LF header injection with a body"] = "Title\nCc: victim@example.org\n\n<b>body</b>",
        ["Unicode line separator injection"] = "Title\u2028Bcc: victim@example.org\u2029",
        ["very long text"] = new string('x', 10_000) + "<script>alert(1)</script>",
        ["very long emoji text"] = string.Concat(Enumerable.Repeat("\U0001F600", 3_000)),
        ["odd-length emoji text"] = "a" + string.Concat(Enumerable.Repeat("\U0001F469\u200D\U0001F692", 200)),
        ["right-to-left override"] = "Invoice \u202Efdp.exe and \u2066isolated\u2069 \u202Bembedded\u202C",
        ["NUL and other controls"] = "a\0b\u0007c\u001B[31md\u007Fe\u0085f\u009Bg\vh\fi",
    };

    /// <summary>
    /// The hostile cases of each template: the templates to render with the value in every string a person can set,
    /// and which of those strings are a person's (to find in both parts). Links are the platform's, so they stay real.
    /// </summary>
    private static readonly Dictionary<Type, Func<string, EmailTemplate[]>> Cases = new()
    {
        // The item's title and public note are staff's; the subject is a service's name or a consultation's title.
        [typeof(ImprovementShippedEmail)] = v =>
        [
            new ImprovementShippedEmail("en", v, v, v, Site + "/en/services/s1"),
            new ImprovementShippedEmail("fr", v, v, v, null),
        ],
        // The organisation's name is its administrators'.
        [typeof(ModerationDigestEmail)] = v =>
        [
            new ModerationDigestEmail((v, v), 3, 7, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), Site + "/staff/moderation?organisationId=o1"),
        ],
        // The subject is a service's name, a consultation's title or a theme's terms, which come from citizens' own words.
        [typeof(DriftAlertEmail)] = v =>
        [
            new DriftAlertEmail((v, v), Alert(DriftMetric.NegativeShare), (v, v), Site + "/staff/insights?organisationId=o1"),
            new DriftAlertEmail((v, v), Alert(DriftMetric.Volume), (v, v), Site + "/staff/insights?organisationId=o1"),
        ],
        // Nothing in it is typed by a person; the token in the link is the closest, escaped as the platform escapes a query.
        [typeof(EmailVerificationEmail)] = v =>
        [
            new EmailVerificationEmail("en", Site + "/en/verify-email?token=" + Uri.EscapeDataString(v), 15),
            new EmailVerificationEmail("fr", Site + "/fr/verify-email?token=" + Uri.EscapeDataString(v), 15),
        ],
    };

    /// <summary>The strings of each template that a person typed, which must appear as text in both parts.</summary>
    private static IEnumerable<string> Typed(EmailTemplate template) => template switch
    {
        ImprovementShippedEmail t => [t.ItemTitle, t.PublicNote, t.Subject ?? ""],
        ModerationDigestEmail t => [t.OrganisationName.En, t.OrganisationName.Fr],
        DriftAlertEmail t => [t.OrganisationName.En, t.OrganisationName.Fr, t.SubjectName.En, t.SubjectName.Fr],
        _ => [],
    };

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var type in Cases.Keys)
        {
            foreach (var value in Values.Keys)
                rows.Add(type.Name, value);
        }
        return rows;
    }

    [Fact]
    public void Every_template_in_the_core_has_a_hostile_case()
    {
        var templates = typeof(EmailTemplate).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(EmailTemplate)) && !t.IsAbstract).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(templates);
        Assert.Equal(templates, Cases.Keys.Select(t => t.Name).Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Hostile_text_arrives_as_text_in_both_parts_and_never_breaks_the_subject(string templateName, string valueName)
    {
        var value = Values[valueName];
        foreach (var template in Cases.Single(c => c.Key.Name == templateName).Value(value))
        {
            var content = Renderer.Render(template, Unsubscribe);
            var because = $"{templateName} ({template.Language}) with {valueName}";

            AssertNoMarkup(content.Html, because);
            AssertSubject(content.Subject, because);
            Assert.False(HasDroppedCharacter(content.PlainText), $"{because}: the plain part keeps a control or override character");
            Assert.False(HasDroppedCharacter(content.Html), $"{because}: the HTML part keeps a control or override character");
            var shown = Shown(content.Html);
            foreach (var typed in Typed(template).Where(t => t.Length > 0))
            {
                var expected = Expected(typed);
                Assert.Contains(expected, shown, StringComparison.Ordinal);
                foreach (var line in expected.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    Assert.Contains(line, content.PlainText, StringComparison.Ordinal);
            }
            // The title is what the subject is about: there whole when it fits, else cut with an ellipsis.
            if (template is ImprovementShippedEmail shipped)
            {
                var title = OneLine(shipped.ItemTitle);
                if (title.Length <= Subjects.Max)
                    Assert.EndsWith(title, content.Subject, StringComparison.Ordinal);
                else
                    Assert.EndsWith("…", content.Subject, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("//evil.example.org/x")]
    [InlineData("/en/services/s1")]
    [InlineData("https://engage.example.org/x\r\nBcc: victim@example.org")]
    [InlineData("https://engage.example.org/x y")]
    public void A_link_that_is_not_an_absolute_web_address_is_refused_rather_than_written(string url)
    {
        Assert.Throws<ArgumentException>(() => Renderer.Render(new ImprovementShippedEmail("en", "T", "N", null, url), Unsubscribe));
        Assert.Throws<ArgumentException>(() => Renderer.Render(new EmailVerificationEmail("en", url, 15), Unsubscribe));
        Assert.Throws<ArgumentException>(() => Renderer.Render(new ImprovementShippedEmail("en", "T", "N", null, null), url));
    }

    [Fact]
    public void A_multi_line_note_keeps_its_lines_in_both_parts()
    {
        var content = Renderer.Render(new ImprovementShippedEmail("en", "T", "First line\r\nSecond <line>", null, null), null);

        Assert.Contains("> First line\n> Second <line>\n", content.PlainText, StringComparison.Ordinal);
        Assert.Contains("First line<br>Second &lt;line&gt;", content.Html, StringComparison.Ordinal);
    }

    private static void AssertNoMarkup(string html, string because)
    {
        // "onerror=" or "javascript:" as text is harmless; only an element or an attribute is not.
        foreach (var raw in new[] { "<script", "<img", "<svg", "<b>", "<a href=\"javascript", "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" })
            Assert.False(html.Contains(raw, StringComparison.OrdinalIgnoreCase), $"{because}: the HTML part carries '{raw}' raw");
        // The only elements and attributes are the template's own; every link leads to the platform.
        foreach (Match tag in Tag().Matches(html))
        {
            Assert.True(AllowedTags.Contains(tag.Groups[1].Value), $"{because}: the HTML part has a <{tag.Groups[1].Value}> element");
            foreach (Match attribute in AttributeName().Matches(Quoted().Replace(tag.Groups[2].Value, "")))
                Assert.True(AllowedAttributes.Contains(attribute.Groups[1].Value), $"{because}: the HTML part has a {attribute.Groups[1].Value} attribute: {tag.Value}");
        }
        Assert.All(Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)), href => Assert.StartsWith(Site + "/", href, StringComparison.Ordinal));
    }

    private static void AssertSubject(string subject, string because)
    {
        Assert.False(subject.Any(c => c is '\r' or '\n' or '\u2028' or '\u2029' or '\u0085'), $"{because}: the subject is more than one line: {subject}");
        Assert.False(HasDroppedCharacter(subject), $"{because}: the subject keeps a control or override character: {subject}");
        Assert.True(subject.Length <= MaxSubject, $"{because}: the subject is {subject.Length} characters long");
        Assert.True(IsWellFormed(subject), $"{because}: the subject has a broken character: {subject}");
    }

    private static readonly string[] AllowedAttributes = ["html", "lang", "charset", "style", "href"];

    private static readonly string[] AllowedTags = ["!DOCTYPE", "html", "head", "meta", "title", "body", "h1", "p", "br", "blockquote", "a", "hr", "div"];

    /// <summary>The HTML part as a reader sees its text: line breaks for &lt;br&gt;, entities decoded.</summary>
    private static string Shown(string html) => WebUtility.HtmlDecode(html.Replace("<br>", "\n", StringComparison.Ordinal));

    /// <summary>A typed value as <see cref="TypedText.Clean"/> documents it: controls but tab and LF gone, direction overrides gone.</summary>
    private static string Expected(string typed) =>
        new([.. typed.Where(c => !((char.IsControl(c) && c is not ('\n' or '\t')) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')))]);

    private static string OneLine(string typed) =>
        string.Join(' ', Expected(typed).Split((char[])['\n', '\t', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool HasDroppedCharacter(string text) =>
        text.Any(c => (char.IsControl(c) && c is not ('\n' or '\t')) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }
        return true;
    }

    private static DriftAlert Alert(DriftMetric metric) => new()
    {
        Id = "a1", OrganisationId = "o1", Subject = DriftSubject.Service, SubjectId = "s1", Metric = metric,
        Day = new DateOnly(2026, 1, 1), Observed = 0.5, Baseline = 0.2, Z = 3.1, RecentCount = 40, RaisedAt = DateTimeOffset.UnixEpoch,
    };

    // An element's name and what follows it up to the end of the tag, quoted values skipped whole.
    [GeneratedRegex("<([!A-Za-z0-9]+)((?:[^>\"]|\"[^\"]*\")*)>")]
    private static partial Regex Tag();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    // Run on a tag with its quoted values removed, so a name that broke out of its value is found here.
    [GeneratedRegex("(?:^|\\s)([^\\s=]+)")]
    private static partial Regex AttributeName();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
