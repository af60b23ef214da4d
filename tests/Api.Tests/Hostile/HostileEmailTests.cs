using System.Text.RegularExpressions;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Staff;
using MimeKit;

namespace Engagement.Api.Tests.Hostile;

/// <summary>
/// Markup and header tricks typed by a citizen and by staff, carried through the running host into a delivered "you
/// said, we did" email (the .eml file the host writes without an SMTP server): the HTML part shows them as text, the
/// plain part as typed, the Subject stays one line and no Bcc or Cc rides in; what the platform refuses to store is
/// refused with a clear error and nothing written.
/// </summary>
public sealed partial class HostileEmailTests(SharedHost host) : IClassFixture<SharedHost>
{
    private const string Site = "https://engage.example.org";
    private const string Title = "<script>alert(1)</script> Fix the ramp\r\nBcc: victim@example.org\r\nCc: other@example.org";
    private const string Note = "<img src=x onerror=alert(1)> We rebuilt it &lt;b&gt;\r\nBcc: victim@example.org\n\"><a href=\"javascript:alert(1)\">x</a>";
    private const string ConsultationTitle = "<b>Ramps</b> \u202Eevil";

    private readonly EngagementAppFactory _shared = host.App;

    [Fact]
    public async Task A_shipped_email_carries_staff_and_citizen_markup_as_text_with_one_recipient_and_a_one_line_subject()
    {
        using var app = SharedHost.NewApp().WithSetting("Site:PublicBaseUrl", Site).WithSetting("Insights:Tagging:PollMilliseconds", "50");
        var org = await app.CreateOrganisationAsync();
        var draft = (await app.Get<CreateConsultation>().ExecuteAsync(new(org.Id, $"c-{Guid.NewGuid():N}"[..20],
            LocalizedText.EnFr(ConsultationTitle, ConsultationTitle), LocalizedText.EnFr("Summary", "Résumé"), LocalizedText.EnFr("Body", "Corps")), Actor.System)).Value;
        var consultation = (await app.Get<OpenConsultation>().ExecuteAsync(new(draft.Id), Actor.System)).Value;
        var analyst = await app.SignedInAsStaffAsync(org.Id, Role.Analyst);
        var address = $"resident-{Guid.NewGuid():N}@example.org";

        var comment = (await app.Anonymous().QueryAsync("mutation($i: PostCommentInput!) { postComment(input: $i) { id } }", new { i = new
        {
            consultationId = consultation.Id, participantToken = await app.RegisterParticipantAsync(), language = "en", followUpEmail = address,
            text = "The <b>ramp</b> at the library is <script>alert(2)</script> broken.\r\nBcc: victim@example.org",
        } })).AssertOk().At("postComment.id").GetString()!;
        var id = await BacklogItems.CreateOnceReadAsync(analyst, org.Id, consultation.Id, Title, comment);
        await BacklogItems.ShipAsync(analyst, id, Note);

        var file = await DeliveredAsync(Path.Combine(app.DataDirectory, "outbox"), $"shipped.{id}.");
        // MimeKit writes the file with the platform's line ends; a relay would see CRLF, which changes no header.
        var raw = (await File.ReadAllTextAsync(file)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var message = MimeMessage.Load(file);

        // Exactly one recipient, and no header a title could have smuggled in.
        Assert.Equal([address], message.To.Mailboxes.Select(m => m.Address));
        Assert.Empty(message.Cc);
        Assert.Empty(message.Bcc);
        Assert.Equal(["Date", "From", "List-Unsubscribe", "List-Unsubscribe-Post", "Message-Id", "MIME-Version", "Subject", "To"],
            message.Headers.Select(h => h.Field).Order(StringComparer.OrdinalIgnoreCase));
        var headerBlock = raw[..raw.IndexOf("\n\n", StringComparison.Ordinal)];
        Assert.DoesNotMatch(InjectedHeader(), headerBlock);
        Assert.StartsWith($"<{Site}/en/unsubscribe?token=", message.Headers[HeaderId.ListUnsubscribe], StringComparison.Ordinal);

        // The Subject: one line, the title as text with its line breaks made spaces.
        Assert.Equal("You said, we did: <script>alert(1)</script> Fix the ramp Bcc: victim@example.org Cc: other@example.org", message.Subject);

        var html = message.HtmlBody!;
        foreach (var element in new[] { "<script", "<img", "<b>", "<a href=\"javascript" })
            Assert.DoesNotContain(element, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Fix the ramp", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; We rebuilt it &amp;lt;b&amp;gt;<br>Bcc: victim@example.org<br>&quot;&gt;&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;",
            html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Ramps&lt;/b&gt; evil", html, StringComparison.Ordinal);
        Assert.All(Href().Matches(html).Select(m => m.Groups[1].Value), href => Assert.StartsWith(Site + "/", href, StringComparison.Ordinal));
        // The citizen's words are evidence for staff; they are never copied into the email.
        Assert.DoesNotContain("alert(2)", html + message.TextBody, StringComparison.Ordinal);

        var plain = message.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script> Fix the ramp\nBcc: victim@example.org\nCc: other@example.org\n", plain, StringComparison.Ordinal);
        Assert.Contains("> <img src=x onerror=alert(1)> We rebuilt it &lt;b&gt;\n> Bcc: victim@example.org\n> \"><a href=\"javascript:alert(1)\">x</a>\n", plain, StringComparison.Ordinal);
        Assert.Contains("You gave us feedback about <b>Ramps</b> evil and", plain, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', plain + html + message.Subject);
    }

    [Theory]
    [InlineData("Fix the ramp\0Bcc: victim@example.org")]
    [InlineData("Fix the ramp\u001B[31m")]
    public async Task A_backlog_title_with_control_characters_is_refused_clearly_and_nothing_is_written(string title)
    {
        var org = await _shared.CreateOrganisationAsync();
        var analyst = await _shared.SignedInAsStaffAsync(org.Id, Role.Analyst);
        var before = await Hostile.RowCountsAsync(_shared);

        var created = await analyst.QueryAsync("mutation($input: CreateBacklogItemInput!) { createBacklogItem(input: $input) { id } }",
            new { input = new { organisationId = org.Id, title } });

        Assert.Equal(["VALIDATION"], created.ErrorCodes);
        var error = created.Root.GetProperty("errors")[0];
        Assert.Equal("title", error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Contains("control characters", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Hostile.AssertNoLeak(created.Body, title);
        await Hostile.AssertNothingWrittenAsync(_shared, before, "a control character in a backlog title");
    }

    [Fact]
    public async Task A_public_note_with_control_characters_is_refused_clearly_and_the_item_stays_where_it_was()
    {
        var org = await _shared.CreateOrganisationAsync();
        var analyst = await _shared.SignedInAsStaffAsync(org.Id, Role.Analyst);
        var id = (await analyst.QueryAsync("mutation($input: CreateBacklogItemInput!) { createBacklogItem(input: $input) { id } }",
            new { input = new { organisationId = org.Id, title = "Fix the ramp" } })).AssertOk().At("createBacklogItem.id").GetString()!;
        await BacklogItems.StartAsync(analyst, id);
        var before = await Hostile.RowCountsAsync(_shared);

        var shipped = await analyst.QueryAsync("mutation($id: ID!, $note: String) { changeBacklogStatus(id: $id, status: SHIPPED, publicNote: $note) { status } }",
            new { id, note = "Done.\0\r\nBcc: victim@example.org" });

        Assert.Equal(["VALIDATION"], shipped.ErrorCodes);
        Assert.Equal("publicNote", shipped.Root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("field").GetString());
        Hostile.AssertNoLeak(shipped.Body, "a NUL in a public note");
        await Hostile.AssertNothingWrittenAsync(_shared, before, "a NUL in a public note");
    }

    /// <summary>The one .eml file whose message id starts with <paramref name="idPrefix"/>, once the outbox has written it.</summary>
    private static async Task<string> DeliveredAsync(string directory, string idPrefix)
    {
        for (var waited = 0; waited < 150; waited++)
        {
            var files = Directory.Exists(directory) ? Directory.GetFiles(directory, $"*-{idPrefix}*.eml") : [];
            if (files.Length > 0)
            {
                // A little longer, so a second (wrong) message would be seen too.
                await Task.Delay(500);
                return Assert.Single(Directory.GetFiles(directory, $"*-{idPrefix}*.eml"));
            }
            await Task.Delay(100);
        }
        Assert.Fail($"No email {idPrefix}* was written to {directory}.");
        return "";
    }

    // A header line (not a folded continuation) that no message of ours has: what a CR/LF in a title would add.
    [GeneratedRegex("(?m)^(Bcc|Cc|Reply-To):", RegexOptions.IgnoreCase)]
    private static partial Regex InjectedHeader();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
