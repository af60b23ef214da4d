using System.Net;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Email;
using Engagement.Core.Staff;
using Engagement.Email.Tests.Smtp;

namespace Engagement.Api.Tests.Email;

/// <summary>
/// The loop closed through the running host and a real SMTP server (aiosmtpd): citizens opt in with an address as they
/// comment; when the item their comments back ships, only those behind it who opted in receive a "you said, we did" email;
/// its one-click unsubscribe link works without signing in; expired and forged links get a clear page.
/// </summary>
[Trait("Category", "Smtp")]
public sealed class ClosingTheLoopTests
{
    private const string PostComment = """
        mutation($input: PostCommentInput!) { postComment(input: $input) { id } }
        """;

    [SmtpFact]
    public async Task Shipping_an_item_emails_the_opted_in_contributors_behind_it_and_the_unsubscribe_link_works()
    {
        await using var smtp = await PrivateSmtp.StartAsync();
        using var app = SharedHost.NewApp()
            .WithSetting("Smtp:Host", "127.0.0.1").WithSetting("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Smtp:Security", "None").WithSetting("Site:PublicBaseUrl", "https://engage.example.org")
            .WithSetting("Insights:Tagging:PollMilliseconds", "50");
        var org = await app.CreateOrganisationAsync();
        var consultation = await app.CreateOpenConsultationAsync(org.Id);
        var analyst = await app.SignedInAsStaffAsync(org.Id, Role.Analyst);
        var citizen = app.Anonymous();
        var (anne, bob, carl) = ($"anne-{Guid.NewGuid():N}@example.org", (string?)null, $"carl-{Guid.NewGuid():N}@example.org");
        var ids = new List<string>();
        foreach (var (address, text) in new[] { (anne, "La rampe de la bibliothèque est brisée."), (bob, "The ramp is broken."), (carl, "Parking is expensive.") })
        {
            var posted = (await citizen.QueryAsync(PostComment, new { input = new
            {
                consultationId = consultation.Id, participantToken = await app.RegisterParticipantAsync(), text,
                language = address == anne ? "fr" : "en", followUpEmail = address,
            } })).AssertOk().At("postComment.id").GetString()!;
            ids.Add(posted);
        }
        var badAddress = await citizen.QueryAsync(PostComment, new { input = new
        {
            consultationId = consultation.Id, participantToken = await app.RegisterParticipantAsync(), text = "Hi", language = "en", followUpEmail = "not-an-address",
        } });

        // Anne's and Bob's comments are the evidence (once insights have read them); Carl's comment is about something else.
        var id = await BacklogItems.CreateOnceReadAsync(analyst, org.Id, consultation.Id, "Fix the library ramp", ids[0], ids[1]);
        await BacklogItems.ShipAsync(analyst, id, "We rebuilt the ramp <b>in May</b>.");

        var received = await ReceivedAsync(smtp, 1);
        Assert.Equal(["VALIDATION"], badAddress.ErrorCodes);
        Assert.Equal("followUpEmail", badAddress.Root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("field").GetString());
        var email = Assert.Single(received);
        Assert.Equal(anne, email.To.Mailboxes.Single().Address);
        Assert.StartsWith("Vous avez dit, nous avons fait", email.Subject);
        Assert.Contains("We rebuilt the ramp <b>in May</b>.", email.TextBody!);
        Assert.Contains("We rebuilt the ramp &lt;b&gt;in May&lt;/b&gt;.", email.HtmlBody!);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = new Uri(email.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        Assert.Equal(("https", "engage.example.org", "/fr/unsubscribe"), (unsubscribe.Scheme, unsubscribe.Host, unsubscribe.AbsolutePath));

        // The link opens a confirmation page (a GET changes nothing); the mail provider's one-click POST unsubscribes.
        var http = app.CreateClient();
        var page = await http.GetAsync(unsubscribe.PathAndQuery);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("lang=\"fr\"", html);
        Assert.Contains("a***@example.org", html);
        Assert.Contains("<button type=\"submit\">", html);
        Assert.Empty(await app.Get<IEmailSuppressionStore>().SuppressedAsync(MailingList.FollowUps, [EmailAddresses.Hash(anne)]));
        var oneClick = await http.PostAsync(unsubscribe.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("Vous êtes désabonné", WebUtility.HtmlDecode(await oneClick.Content.ReadAsStringAsync()));
        Assert.Equal([EmailAddresses.Hash(anne)], await app.Get<IEmailSuppressionStore>().SuppressedAsync(MailingList.FollowUps, [EmailAddresses.Hash(anne)]));
    }

    [Fact]
    public async Task An_expired_forged_or_missing_unsubscribe_link_gets_a_clear_page_in_its_language_and_changes_nothing()
    {
        using var app = SharedHost.NewApp();
        var http = app.CreateClient();
        var address = $"dora-{Guid.NewGuid():N}@example.org";
        var expired = app.Get<ISignedTokens>().Sign("unsubscribe", $"FollowUps|{address}", DateTimeOffset.UtcNow.AddDays(-1));
        var valid = app.Get<ISignedTokens>().Sign("unsubscribe", $"FollowUps|{address}", DateTimeOffset.UtcNow.AddDays(1));
        var forged = valid[..^3] + (valid[^3] == 'x' ? "y" : "x") + valid[^2..];

        var expiredPage = await http.GetAsync($"/en/unsubscribe?token={expired}");
        var forgedPage = await http.PostAsync($"/fr/unsubscribe?token={forged}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var missing = await http.PostAsync("/en/unsubscribe", new FormUrlEncodedContent([new("token", "")]));
        var hostile = await http.GetAsync("/en/unsubscribe?token=" + Uri.EscapeDataString("<script>alert(1)</script>" + new string('a', 5_000)));

        Assert.Equal(HttpStatusCode.Gone, expiredPage.StatusCode);
        Assert.Contains("This link has expired", WebUtility.HtmlDecode(await expiredPage.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, forgedPage.StatusCode);
        Assert.Contains("Ce lien n’est pas valide", WebUtility.HtmlDecode(await forgedPage.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode);
        Assert.DoesNotContain("<script>", await hostile.Content.ReadAsStringAsync());
        Assert.Equal("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            hostile.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Empty(await app.Get<IEmailSuppressionStore>().SuppressedAsync(MailingList.FollowUps, [EmailAddresses.Hash(address)]));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/de/unsubscribe?token={valid}")).StatusCode);
    }

    [Fact]
    public async Task The_unsubscribe_mutation_does_what_the_page_does_for_an_api_client()
    {
        using var app = SharedHost.NewApp();
        var client = app.Anonymous();
        var address = $"eve-{Guid.NewGuid():N}@example.org";
        var tokens = app.Get<ISignedTokens>();
        const string Mutation = "mutation($t: String!) { unsubscribe(token: $t) { list maskedAddress } }";

        var done = (await client.QueryAsync(Mutation, new { t = tokens.Sign("unsubscribe", $"DriftAlerts|{address}", DateTimeOffset.UtcNow.AddDays(1)) }))
            .AssertOk().At("unsubscribe");
        var expired = await client.QueryAsync(Mutation, new { t = tokens.Sign("unsubscribe", $"FollowUps|{address}", DateTimeOffset.UtcNow.AddDays(-1)) });
        var forged = await client.QueryAsync(Mutation, new { t = "not-a-token" });

        Assert.Equal(("DRIFT_ALERTS", "e***@example.org"), (done.GetProperty("list").GetString(), done.GetProperty("maskedAddress").GetString()));
        Assert.Equal([EmailAddresses.Hash(address)], await app.Get<IEmailSuppressionStore>().SuppressedAsync(MailingList.DriftAlerts, [EmailAddresses.Hash(address)]));
        Assert.Equal(["VALIDATION"], expired.ErrorCodes);
        Assert.Contains("expired", expired.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["VALIDATION"], forged.ErrorCodes);
        Assert.Empty(await app.Get<IEmailSuppressionStore>().SuppressedAsync(MailingList.FollowUps, [EmailAddresses.Hash(address)]));
    }

    private static async Task<IReadOnlyList<MimeKit.MimeMessage>> ReceivedAsync(PrivateSmtp smtp, int expected)
    {
        for (var waited = 0; waited < 150 && smtp.Received().Count < expected; waited++)
            await Task.Delay(100);
        // A little longer, so a second (wrong) message would be seen too.
        await Task.Delay(500);
        return smtp.Received();
    }
}
