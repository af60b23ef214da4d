using Engagement.Core.Email;
using Engagement.Core.FollowUps;
using Engagement.Core.Participants;

namespace Engagement.Email.Templates;

/// <summary>Writes each kind of email the core asks for, in English or French, as plain text and HTML.</summary>
public sealed class EmailTemplateRenderer : IEmailTemplates
{
    public EmailContent Render(EmailTemplate template, string? unsubscribeUrl) => template switch
    {
        ImprovementShippedEmail t => Shipped(t, unsubscribeUrl),
        EmailVerificationEmail t => Verification(t, unsubscribeUrl),
        _ => throw new ArgumentException($"No email is written for {template.GetType().Name}.", nameof(template)),
    };

    private static EmailContent Shipped(ImprovementShippedEmail t, string? unsubscribeUrl)
    {
        var l = t.Language;
        var body = new EmailBody(l)
            .Heading(EmailTexts.Get("shipped-heading", l))
            .Paragraph(t.Subject is null ? EmailTexts.Get("shipped-intro", l) : EmailTexts.Format("shipped-intro-about", l, t.Subject))
            .Paragraph(t.ItemTitle)
            .Paragraph(EmailTexts.Get("shipped-what", l))
            .Quote(t.PublicNote);
        if (t.PageUrl is not null)
            body.Link(EmailTexts.Get("shipped-page", l), t.PageUrl);
        return body.Build(EmailTexts.Format("shipped-subject", l, Subjects.Shorten(t.ItemTitle)), EmailTexts.Get("shipped-why", l), unsubscribeUrl);
    }

    private static EmailContent Verification(EmailVerificationEmail t, string? unsubscribeUrl)
    {
        var l = t.Language;
        return new EmailBody(l)
            .Heading(EmailTexts.Get("verify-heading", l))
            .Paragraph(EmailTexts.Get("verify-intro", l))
            .Link(EmailTexts.Get("verify-link", l), t.LinkUrl)
            .Paragraph(EmailTexts.Format("verify-expiry", l, t.LifetimeMinutes))
            .Paragraph(EmailTexts.Get("verify-not-you", l))
            .Build(EmailTexts.Get("verify-subject", l), EmailTexts.Get("verify-why", l), unsubscribeUrl);
    }
}

/// <summary>Subject lines stay short and on one line whatever the title holds.</summary>
internal static class Subjects
{
    private const int Max = 120;

    public static string Shorten(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= Max ? line : line[..(Max - 1)].TrimEnd() + "…";
    }
}
