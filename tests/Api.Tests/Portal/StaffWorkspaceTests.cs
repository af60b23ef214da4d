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
    public async Task A_moderator_signs_in_claims_and_approves_a_held_comment_and_it_appears_on_the_public_page()
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
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Expect(page.Locator(".eng-note")).ToHaveTextAsync("You hold this item for 10 minutes.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Expect(page.Locator(".eng-note")).ToHaveTextAsync("Approved: the text is published.");
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

    private async Task<(IPage Page, IBrowserContext Context)> QueuePageAsync(string organisationId, string language = "en")
    {
        var context = await host.Chromium.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, organisationId, Role.Moderator, language);
        await page.GotoAsync(new Uri(host.Platform, $"/{language}/staff/moderation?organisationId={organisationId}").ToString());
        return (page, context);
    }

    [BrowserFact]
    public async Task By_keyboard_alone_a_moderator_moves_claims_approves_and_the_queue_comes_back_at_the_item()
    {
        var org = await host.App.CreateOrganisationAsync();
        await HeldCommentAsync(org.Id, "First held text.");
        await HeldCommentAsync(org.Id, "Second held text.");
        var (page, context) = await QueuePageAsync(org.Id);
        await using var _ = context;

        var items = page.Locator("[data-queue-item]");
        await items.First.FocusAsync();
        await page.Keyboard.PressAsync("j");
        await Expect(items.Nth(1)).ToBeFocusedAsync();
        var second = await items.Nth(1).GetAttributeAsync("id");
        await page.Keyboard.PressAsync("c");
        await Expect(page.Locator(".eng-note")).ToHaveTextAsync("You hold this item for 10 minutes.");
        await Expect(page.Locator($"#{second}")).ToBeFocusedAsync();
        await Expect(page.Locator($"#{second} h2")).ToContainTextAsync("you hold it until");
        await page.Keyboard.PressAsync("a");

        await Expect(page.Locator(".eng-note")).ToHaveTextAsync("Approved: the text is published.");
        await Expect(page.Locator("[data-queue-item]")).ToHaveCountAsync(1);
    }

    [BrowserFact]
    public async Task Selected_items_are_approved_together_and_masked_personal_information_is_marked()
    {
        var org = await host.App.CreateOrganisationAsync();
        await HeldCommentAsync(org.Id, "Write to [email] about the lanes.");
        await HeldCommentAsync(org.Id, "Another held text.");
        await HeldCommentAsync(org.Id, "This one stays.");
        var (page, context) = await QueuePageAsync(org.Id, "fr");
        await using var _ = context;

        var masked = page.Locator("[data-queue-item]", new() { HasText = "about the lanes" });
        await Expect(masked.Locator("mark.eng-masked")).ToHaveTextAsync("[email]");
        await Expect(masked).ToContainTextAsync("1 renseignement(s) personnel(s) masqué(s)");
        await Axe.AssertNoViolationsHereAsync(page, "the queue with masked text, in French");
        await masked.GetByLabel("Sélectionner cet élément").CheckAsync();
        await page.Locator("[data-queue-item]", new() { HasText = "Another held text." }).GetByLabel("Sélectionner cet élément").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer aux éléments sélectionnés" }).ClickAsync();

        await Expect(page.Locator(".eng-note")).ToHaveTextAsync("2 décidé(s).");
        await Expect(page.Locator("[data-queue-item]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-queue-item]")).ToContainTextAsync("This one stays.");
    }

    [BrowserFact]
    public async Task An_item_another_moderator_holds_shows_who_and_cannot_be_taken_and_a_reject_needs_a_reason()
    {
        var org = await host.App.CreateOrganisationAsync();
        await HeldCommentAsync(org.Id, "Wanted by two moderators.");
        var (first, firstContext) = await QueuePageAsync(org.Id);
        await using var _ = firstContext;
        var (second, secondContext) = await QueuePageAsync(org.Id);
        await using var __ = secondContext;

        await first.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Expect(second.Locator(".eng-error")).ToHaveTextAsync("Someone else holds this item or changed it at the same moment. The queue below is as it is now.");
        await Expect(second.Locator("[data-queue-item] h2")).ToContainTextAsync("is reviewing it");
        await Expect(second.GetByRole(AriaRole.Button, new() { Name = "Claim" })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsHereAsync(second, "the queue with an error beside an item");

        // The browser's own check (required) stops an empty reason; without it the server says the same beside the field.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Platform };
        var cookies = await firstContext.CookiesAsync();
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        var id = (await first.Locator("[data-queue-item]").GetAttributeAsync("id"))!["item-".Length..];
        var refused = await client.PostAsync($"/en/staff/moderation/{id}", new FormUrlEncodedContent([new("action", "Reject"), new("reason", "")]));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Write the reason the author will be shown.", html);
        Assert.Contains("<details open", html);
    }

    [BrowserFact]
    public async Task The_pending_count_moves_live_and_says_the_queue_changed_without_moving_focus()
    {
        var org = await host.App.CreateOrganisationAsync();
        await HeldCommentAsync(org.Id, "Already waiting.");
        var (page, context) = await QueuePageAsync(org.Id);
        await using var _ = context;
        await Expect(page.Locator("[data-live-count=pending]")).ToHaveTextAsync("1 waiting");
        await page.Locator("#bulk-reason").FocusAsync();
        await page.WaitForFunctionAsync("() => window.EngagementLive && window.EngagementLive.status === 'live'");

        await HeldCommentAsync(org.Id, "Arrived while the moderator looked.");

        await Expect(page.Locator("[data-live-count=pending]")).ToHaveTextAsync("2 waiting");
        await Expect(page.Locator("[data-queue-news]")).ToContainTextAsync("The queue has changed: 2 waiting now.");
        await Expect(page.Locator("#bulk-reason")).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Show the queue as it is now" }).ClickAsync();
        await Expect(page.Locator("[data-queue-item]")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Staff_land_on_the_first_area_their_role_opens_and_the_sign_in_page_sends_them_there()
    {
        var org = await host.App.CreateOrganisationAsync();
        var (analyst, password) = await host.App.CreateStaffAsync(org.Id, Role.Analyst);
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = host.Platform };

        var signedIn = await client.PostAsync("/en/staff/sign-in", new FormUrlEncodedContent([new("email", analyst.Email), new("password", password)]));
        var home = await client.GetAsync("/en/staff");
        var moderation = await client.GetAsync($"/en/staff/moderation?organisationId={org.Id}");

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/en/staff", signedIn.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.SeeOther, home.StatusCode);
        // An analyst does not moderate: insights is the first area open to them, and the queue is refused.
        Assert.Equal($"/en/staff/insights?organisationId={org.Id}", home.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, moderation.StatusCode);
    }
}
