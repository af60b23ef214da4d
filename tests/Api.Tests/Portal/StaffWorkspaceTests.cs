using System.Net;
using Engagement.Api.Tests.Hosting;
using Engagement.Api.Tests.Widget.Browser;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Moderation;
using Engagement.Core.Participants;
using Engagement.Core.Screening;
using Engagement.Core.Staff;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// The staff workspace's first pages in Chromium: a moderator signs in, approves a held comment, and it appears on the
/// consultation's public page; a signed-out visitor is sent to sign in; staff of another organisation get the 403 page.
/// </summary>
public sealed class StaffWorkspaceTests(WidgetBrowserHost host) : IClassFixture<WidgetBrowserHost>
{
    private async Task<(Core.Consultations.Consultation Consultation, Comment Comment)> HeldCommentAsync(string organisationId, string text)
    {
        var app = host.App;
        var consultation = await app.CreateOpenConsultationAsync(organisationId);
        var author = (await app.Get<RegisterAnonymousParticipant>().ExecuteAsync()).Value.Participant;
        var comment = (await app.Get<PostComment>().ExecuteAsync(new(consultation.Id, author.Id, text, "en"))).Value;
        await app.Get<ChangeCommentStatus>().ExecuteAsync(new(comment.Id, CommentStatus.Held, "Check"), Actor.System);
        await app.Get<ModerationQueue>().EnqueueHeldAsync(organisationId, TextKind.Comment, comment.Id, consultation.Id,
            new ScreeningResult(ScreeningOutcome.Hold, text, [new ScreeningReason("term.suspect", ReasonSeverity.Hold, "a suspect term")]), "en", default);
        return (consultation, comment);
    }

    [BrowserFact]
    public async Task A_moderator_signs_in_approves_a_held_comment_and_it_appears_on_the_public_page()
    {
        var org = await host.App.CreateOrganisationAsync();
        var (consultation, _) = await HeldCommentAsync(org.Id, "Held until a moderator reads it.");
        var (moderator, password) = await host.App.CreateStaffAsync(org.Id, Role.Moderator);
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var publicPage = new Uri(host.Platform, $"/en/consultations/{consultation.Id}").ToString();

        await page.GotoAsync(publicPage);
        await Expect(page.GetByText("Held until a moderator reads it.")).ToHaveCountAsync(0);
        await page.GotoAsync(new Uri(host.Platform, $"/en/staff/moderation?organisationId={org.Id}").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" })).ToBeVisibleAsync();
        await page.GetByLabel("Email address").FillAsync(moderator.Email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByText("Held until a moderator reads it.")).ToBeVisibleAsync();
        await Expect(page.GetByText("term.suspect: a suspect term")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Approved: the text is published.");
        await Expect(page.GetByText("Nothing is waiting for a moderator.")).ToBeVisibleAsync();

        await page.GotoAsync(publicPage);
        await Expect(page.GetByText("Held until a moderator reads it.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_and_a_wrong_password_is_told_plainly()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Platform };

        var queue = await client.GetAsync("/fr/staff/moderation");
        var wrong = await client.PostAsync("/en/staff/sign-in", new FormUrlEncodedContent([new("email", "nobody@example.org"), new("password", "wrong password here")]));
        var page = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.SeeOther, queue.StatusCode);
        Assert.StartsWith("/fr/staff/sign-in?returnUrl=", queue.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("That email and password do not match an account", page);
        Assert.Contains("value=\"nobody@example.org\"", page);
        Assert.DoesNotContain("wrong password here", page);
    }

    [BrowserFact]
    public async Task Staff_of_another_organisation_get_the_403_page_in_their_language()
    {
        var org = await host.App.CreateOrganisationAsync();
        var other = await host.App.CreateOrganisationAsync();
        var (moderator, password) = await host.App.CreateStaffAsync(other.Id, Role.Moderator);
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Platform, "/fr/staff/sign-in").ToString());
        await page.GetByLabel("Adresse courriel").FillAsync(moderator.Email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        var response = await page.GotoAsync(new Uri(host.Platform, $"/fr/staff/moderation?organisationId={org.Id}").ToString());

        Assert.Equal(403, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vous ne pouvez pas voir cette page" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task The_frame_shows_only_the_areas_a_role_opens_and_signs_out()
    {
        var org = await host.App.CreateOrganisationAsync();
        await using var context = await host.Chromium.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, org.Id, Role.Moderator, "fr");

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Espace du personnel" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Modération" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Analyses" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Personnel et jetons d’API" })).ToHaveCountAsync(0);
        foreach (var language in new[] { "en", "fr" })
            await Axe.AssertNoViolationsAsync(page, new Uri(host.Platform, $"/{language}/staff/moderation?organisationId={org.Id}").ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Vous êtes déconnecté.");
        var again = await page.GotoAsync(new Uri(host.Platform, $"/en/staff/moderation?organisationId={org.Id}").ToString());
        Assert.Contains("/en/staff/sign-in", again!.Url);
    }
}
