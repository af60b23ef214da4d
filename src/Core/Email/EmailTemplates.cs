namespace Engagement.Core.Email;

/// <summary>The words of one email, before it is addressed: what it says, in which language. Each kind of email is a subtype.</summary>
/// <param name="Language">The language to write it in ("en", "fr").</param>
public abstract record EmailTemplate(string Language);

/// <summary>A rendered email's subject and its two bodies.</summary>
public sealed record EmailContent(string Subject, string PlainText, string Html);

/// <summary>
/// Writes emails from templates, in each supported language, as plain text and HTML (user text encoded). The words live
/// outside the core (the Email module); the core decides who is told what, and when.
/// </summary>
public interface IEmailTemplates
{
    /// <summary>The email's content; <paramref name="unsubscribeUrl"/>, when given, is offered at the foot of both bodies.</summary>
    EmailContent Render(EmailTemplate template, string? unsubscribeUrl);
}
