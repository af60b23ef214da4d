using Engagement.Core.Email;
using System.Globalization;
using Engagement.Core.FollowUps;
using Engagement.Core.Insights;
using Engagement.Core.Notifications;
using Engagement.Core.Participants;

namespace Engagement.Email.Templates;

/// <summary>Writes each kind of email the core asks for, in English or French, as plain text and HTML.</summary>
public sealed class EmailTemplateRenderer : IEmailTemplates
{
    public EmailContent Render(EmailTemplate template, string? unsubscribeUrl) => template switch
    {
        ImprovementShippedEmail t => Shipped(t, unsubscribeUrl),
        ModerationDigestEmail t => Digest(t, unsubscribeUrl),
        DriftAlertEmail t => Drift(t, unsubscribeUrl),
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

    // Staff notices: English, then French, in one message.
    private static EmailContent Digest(ModerationDigestEmail t, string? unsubscribeUrl)
    {
        void Write(EmailBody body, string l, string organisation) => body
            .Heading(EmailTexts.Format("digest-heading", l, organisation))
            .Paragraph(EmailTexts.Format("digest-body", l, t.NewItems, Stamp(t.PeriodStart), Stamp(t.PeriodEnd), t.Waiting))
            .Link(EmailTexts.Get("digest-link", l), t.QueueUrl);
        var body = new EmailBody("en", bilingual: true);
        Write(body, "en", t.OrganisationName.En);
        body.Section("fr", b => Write(b, "fr", t.OrganisationName.Fr));
        return body.Build(Bilingual("digest-subject", t.NewItems), Bilingual("digest-why", t.OrganisationName.En, t.OrganisationName.Fr), unsubscribeUrl);
    }

    private static EmailContent Drift(DriftAlertEmail t, string? unsubscribeUrl)
    {
        var a = t.Alert;
        void Write(EmailBody body, string l, string organisation, string subject)
        {
            var (key, observed, baseline) = a.Metric == DriftMetric.NegativeShare
                ? (a.Z > 0 ? "drift-negative-up" : "drift-negative-down", Percent(a.Observed, l), Percent(a.Baseline, l))
                : ("drift-volume", Number(a.Observed, l), Number(a.Baseline, l));
            body.Heading(EmailTexts.Format("drift-heading", l, organisation))
                .Paragraph(EmailTexts.Format(key, l, subject, baseline, observed, DriftDetection.RecentDays, a.RecentCount, Number(a.Z, l)))
                .Link(EmailTexts.Get("drift-link", l), t.InsightsUrl);
        }
        var body = new EmailBody("en", bilingual: true);
        Write(body, "en", t.OrganisationName.En, t.SubjectName.En);
        body.Section("fr", b => Write(b, "fr", t.OrganisationName.Fr, t.SubjectName.Fr));
        var subject = Subjects.Shorten($"{EmailTexts.Format("drift-subject", "en", t.SubjectName.En)} / {EmailTexts.Format("drift-subject", "fr", t.SubjectName.Fr)}");
        return body.Build(subject, Bilingual("drift-why", t.OrganisationName.En, t.OrganisationName.Fr), unsubscribeUrl);
    }

    private static string Bilingual(string name, object en, object? fr = null) =>
        Subjects.Shorten($"{EmailTexts.Format(name, "en", en)} / {EmailTexts.Format(name, "fr", fr ?? en)}");

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Percent(double share, string language) =>
        Math.Round(share * 100).ToString(CultureInfo.InvariantCulture) + (language == "fr" ? "\u00a0%" : "%");

    private static string Number(double value, string language) =>
        value.ToString("0.0", language == "fr" ? CultureInfo.GetCultureInfo("fr-CA") : CultureInfo.InvariantCulture);
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
    /// <summary>The longest a shortened text is; a subject adds at most its template's words to it.</summary>
    public const int Max = 120;

    public static string Shorten(string text) => TypedText.OneLine(text, Max);
}
