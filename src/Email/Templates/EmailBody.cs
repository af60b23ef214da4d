using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using Engagement.Core.Email;

namespace Engagement.Email.Templates;

/// <summary>
/// Builds an email's plain-text and HTML bodies together from the same blocks, so the two parts always say the same
/// thing. Every value is text: the HTML part encodes it, so markup a citizen or staff member typed arrives as text, and
/// both parts keep it as <see cref="TypedText.Clean"/> leaves it. Links must be absolute http(s) addresses.
/// </summary>
internal sealed class EmailBody(string bodyLanguage, bool bilingual = false)
{
    private readonly string _language = bodyLanguage;

    private readonly StringBuilder _plain = new();
    private readonly StringBuilder _html = new();

    // The language being written: the body's, or a section's.
    private string _current = bodyLanguage;

    public EmailBody Heading(string text)
    {
        text = TypedText.Clean(text);
        _plain.Append(text).Append('\n').Append(new string('=', Math.Min(text.Length, 60))).Append("\n\n");
        _html.Append("<h1 style=\"font-size:1.4em;margin:0 0 .8em\">").Append(Encode(text)).Append("</h1>\n");
        return this;
    }

    public EmailBody Paragraph(string text)
    {
        text = TypedText.Clean(text);
        _plain.Append(text).Append("\n\n");
        _html.Append("<p>").Append(EncodeLines(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Words someone else wrote (a "you said, we did" note), set apart.</summary>
    public EmailBody Quote(string text)
    {
        text = TypedText.Clean(text);
        foreach (var line in text.Split('\n'))
            _plain.Append("> ").Append(line).Append('\n');
        _plain.Append('\n');
        _html.Append("<blockquote style=\"margin:0 0 1em;padding:.5em 1em;border-left:4px solid #26374a\">")
            .Append(EncodeLines(text)).Append("</blockquote>\n");
        return this;
    }

    /// <summary>A link to a page of the platform; <paramref name="url"/> must be an absolute http(s) address.</summary>
    public EmailBody Link(string label, string url)
    {
        label = TypedText.Clean(label);
        RequireWebAddress(url, nameof(url));
        // French sets a (non-breaking) space before a colon.
        _plain.Append(label).Append(_current == "fr" ? "\u00a0:" : ":").Append('\n').Append(url).Append("\n\n");
        _html.Append("<p><a href=\"").Append(Encode(url)).Append("\">").Append(Encode(label)).Append("</a></p>\n");
        return this;
    }

    /// <summary>
    /// Writes a part in another language (the French half of a bilingual notice): marked with its language in HTML, set
    /// off by a rule in plain text.
    /// </summary>
    public EmailBody Section(string sectionLanguage, Action<EmailBody> write)
    {
        _plain.Append("--------\n\n");
        _html.Append("<hr>\n<div lang=\"").Append(Encode(sectionLanguage)).Append("\">\n");
        _current = sectionLanguage;
        write(this);
        _current = _language;
        _html.Append("</div>\n");
        return this;
    }

    /// <summary>The finished bodies, with the footer that explains the email and offers the unsubscribe link.</summary>
    public EmailContent Build(string subject, string why, string? unsubscribeUrl)
    {
        why = TypedText.Clean(why);
        var plain = new StringBuilder(_plain.ToString()).Append("--\n").Append(why).Append('\n');
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(_language)).Append("\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(Encode(subject)).Append("</title></head>\n<body style=\"font-family:sans-serif;line-height:1.5;color:#333;max-width:40em\">\n")
            .Append(_html)
            .Append("<hr>\n<p style=\"font-size:.9em;color:#555\">").Append(Encode(why));
        if (unsubscribeUrl is not null)
        {
            RequireWebAddress(unsubscribeUrl, nameof(unsubscribeUrl));
            var label = bilingual ? $"{EmailTexts.Get("unsubscribe", "en")} / {EmailTexts.Get("unsubscribe", "fr")}" : EmailTexts.Get("unsubscribe", _language);
            plain.Append(label).Append(_language == "fr" && !bilingual ? "\u00a0: " : ": ").Append(unsubscribeUrl).Append('\n');
            html.Append("<br><a href=\"").Append(Encode(unsubscribeUrl)).Append("\">").Append(Encode(label)).Append("</a>");
        }
        html.Append("</p>\n</body>\n</html>\n");
        return new EmailContent(subject, plain.ToString(), html.ToString());
    }

    // Links are built by the platform from its configured address, never taken from what a person typed; anything else
    // (javascript:, data:, a relative path) is a programming error, refused here so it can never become a link.
    private static void RequireWebAddress(string url, string parameter)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out _)
            || !(url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new ArgumentException("A link in an email must be an absolute http(s) address, escaped (no spaces or control characters).", parameter);
    }

    // Every language's letters pass as they are (the part is UTF-8); only what HTML gives meaning to is encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => Encoder.Encode(text);

    // Line by line: the encoder writes a line break as "&#xA;", which a browser shows as a space, so the breaks are set
    // between the encoded lines.
    private static string EncodeLines(string text) => string.Join("<br>", text.Split('\n').Select(Encode));
}
