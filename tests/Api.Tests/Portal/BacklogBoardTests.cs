using System.Net;
using Engagement.Api.Tests.Widget.Browser;
using Engagement.Core.Backlog;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Insights;
using Engagement.Core.Participants;
using Engagement.Core.Staff;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// The staff workspace's backlog: an analyst proposes an item, moves it through its statuses by keyboard and ships it,
/// and the note appears on the service's public page; the board changes live in another browser without moving focus;
/// moderators see but cannot change; refusals, bad input, hostile text and accessibility in both languages.
/// </summary>
public sealed class BacklogBoardTests(WidgetBrowserHost host) : IClassFixture<WidgetBrowserHost>
{
    private string Url(string path) => new Uri(host.Platform, path).ToString();

    private async Task<BacklogItem> CreateItemAsync(string organisationId, string title, string? serviceId = null, string? consultationId = null) =>
        (await host.App.Get<CreateBacklogItem>().ExecuteAsync(new(organisationId, title, "Described.", serviceId, consultationId), Actor.Staff("analyst"))).Value;

    private async Task MoveAsync(BacklogItem item, params BacklogStatus[] statuses)
    {
        foreach (var status in statuses)
            Assert.True((await host.App.Get<ChangeBacklogStatus>().ExecuteAsync(new(item.Id, item.OrganisationId, status,
                status is BacklogStatus.Shipped or BacklogStatus.Declined ? "Done." : null), Actor.Staff("analyst"))).Succeeded);
    }

    private async Task<BacklogItem> StoredAsync(string id) => (await host.App.Get<IBacklogStore>().GetAsync(id))!;

    /// <summary>A client signed in as a new staff member with the role, cookies kept, redirects not followed.</summary>
    private async Task<HttpClient> SignedInClientAsync(string organisationId, Role role)
    {
        var (member, password) = await host.App.CreateStaffAsync(organisationId, role);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = host.Platform };
        var signIn = await client.PostAsync("/en/staff/sign-in", new FormUrlEncodedContent([new("email", member.Email), new("password", password)]));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        return client;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    // Moves the status form to the status by keyboard only: the radio chosen with the arrow keys from the first choice,
    // the note typed, and the button reached with Tab and pressed with Enter.
    private static async Task ChangeStatusByKeyboardAsync(IPage page, string statusLabel, string? note = null)
    {
        var radios = page.GetByRole(AriaRole.Group, new() { Name = "Move it to" }).GetByRole(AriaRole.Radio);
        await radios.First.FocusAsync();
        for (var i = 0; i < await radios.CountAsync() && !await page.GetByRole(AriaRole.Radio, new() { Name = statusLabel }).IsCheckedAsync(); i++)
            await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = statusLabel })).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Public note")).ToBeFocusedAsync();
        if (note is not null)
            await page.Keyboard.TypeAsync(note);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Change the status" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    [BrowserFact]
    public async Task An_analyst_proposes_an_item_moves_it_by_keyboard_ships_it_and_the_note_appears_on_the_service_page()
    {
        var org = await host.App.CreateOrganisationAsync();
        var service = await host.App.CreateServiceAsync(org.Id);
        await using var context = await host.Chromium.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, org.Id, Role.Analyst);
        await page.GotoAsync(Url($"/en/staff/backlog?organisationId={org.Id}"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Propose an improvement" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("<b>Faster</b> renewals");
        await page.GetByLabel("Description (optional)").FillAsync("People wait <script>alert(1)</script> too long.");
        await page.GetByLabel("Service or consultation concerned (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Service" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose the improvement" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The item was proposed.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("<b>Faster</b> renewals");
        await Expect(page.GetByText("People wait <script>alert(1)</script> too long.")).ToBeVisibleAsync();
        var itemUrl = page.Url;

        await ChangeStatusByKeyboardAsync(page, "Accepted");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Status changed to Accepted.");
        await ChangeStatusByKeyboardAsync(page, "In progress");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Status changed to In progress.");

        // Shipped without a note: the error beside the field, in the summary, and nothing changed.
        await ChangeStatusByKeyboardAsync(page, "Shipped");
        await Expect(page.Locator("#public-note-error")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Write the public note"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Write the public note");
        await Expect(page.GetByText("Status: In progress")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Shipped" })).ToBeCheckedAsync();
        await Axe.AssertNoViolationsHereAsync(page, "the item page with a form error");

        await page.GetByLabel("Public note").FillAsync("You said renewals were slow; <i>we</i> halved the wait.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the status" }).PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Status changed to Shipped.");
        await Expect(page.GetByText("This item is closed: its status no longer changes.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Move it to" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Service ratings in the 30 days before it shipped and since" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Moved from In progress to Shipped" })).ToBeVisibleAsync();

        await page.GotoAsync(Url($"/en/services/{service.Id}"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "<b>Faster</b> renewals" })).ToBeVisibleAsync();
        await Expect(page.GetByText("You said renewals were slow; <i>we</i> halved the wait.")).ToBeVisibleAsync();

        await page.GotoAsync(Url($"/en/staff/backlog?organisationId={org.Id}"));
        var shipped = page.GetByRole(AriaRole.Region, new() { Name = "Shipped" });
        await Expect(shipped.GetByRole(AriaRole.Link, new() { Name = "<b>Faster</b> renewals" })).ToHaveAttributeAsync("href", new Uri(itemUrl).PathAndQuery.Replace("&done=created", "", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task A_second_browser_sees_the_board_change_live_without_its_focus_moving()
    {
        var org = await host.App.CreateOrganisationAsync();
        var first = await CreateItemAsync(org.Id, "Longer opening hours");
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, org.Id, Role.Moderator);
        await page.GotoAsync(Url($"/en/staff/backlog?organisationId={org.Id}"));
        var proposed = page.GetByRole(AriaRole.Region, new() { Name = "Proposed" });
        var accepted = page.GetByRole(AriaRole.Region, new() { Name = "Accepted" });
        await Expect(proposed.GetByRole(AriaRole.Link, new() { Name = "Longer opening hours" })).ToBeVisibleAsync();
        // Focus outside the board: the board is refreshed in place and the change said politely.
        var languageLink = page.GetByRole(AriaRole.Link, new() { Name = "Français" });
        await languageLink.FocusAsync();
        await page.WaitForFunctionAsync("() => window.EngagementLive && window.EngagementLive.status === 'live'");

        await CreateItemAsync(org.Id, "Plain-language letters");

        await Expect(proposed.GetByRole(AriaRole.Link, new() { Name = "Plain-language letters" })).ToBeVisibleAsync();
        await Expect(page.Locator("#backlog-live")).ToHaveTextAsync("The board was updated.");
        await Expect(languageLink).ToBeFocusedAsync();

        // Focus inside the board: the board waits, a note offers the changes, and focus stays where it was.
        var card = proposed.GetByRole(AriaRole.Link, new() { Name = "Longer opening hours" });
        await card.FocusAsync();
        await MoveAsync(first, BacklogStatus.Accepted);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show the changes" })).ToBeVisibleAsync();
        await Expect(page.Locator("#backlog-live")).ToHaveTextAsync("The board has changed.");
        await Expect(card).ToBeFocusedAsync();
        await Expect(accepted.GetByRole(AriaRole.Link, new() { Name = "Longer opening hours" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Show the changes" }).PressAsync("Enter");
        await Expect(accepted.GetByRole(AriaRole.Link, new() { Name = "Longer opening hours" })).ToBeVisibleAsync();
        await Expect(page.Locator("#backlog-board")).ToBeFocusedAsync();
        await Expect(page.Locator("#backlog-stale")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_moderator_sees_the_board_and_the_item_without_change_forms_and_is_refused_a_change()
    {
        var org = await host.App.CreateOrganisationAsync();
        var item = await CreateItemAsync(org.Id, "Clearer fees page");
        var other = await CreateItemAsync(org.Id, "Fees page duplicate");
        using var moderator = await SignedInClientAsync(org.Id, Role.Moderator);

        var board = WebUtility.HtmlDecode(await moderator.GetStringAsync($"/en/staff/backlog?organisationId={org.Id}"));
        var itemPage = WebUtility.HtmlDecode(await moderator.GetStringAsync($"/en/staff/backlog/{item.Id}?organisationId={org.Id}"));
        var newForm = await moderator.GetAsync($"/en/staff/backlog/new?organisationId={org.Id}");
        var change = await moderator.PostAsync($"/en/staff/backlog/{item.Id}/status?organisationId={org.Id}", Form(("status", "Accepted")));
        var merge = await moderator.PostAsync($"/en/staff/backlog/{item.Id}/merge?organisationId={org.Id}", Form(("duplicateId", other.Id)));
        var create = await moderator.PostAsync($"/en/staff/backlog?organisationId={org.Id}", Form(("title", "Not mine to propose")));

        Assert.Contains("Clearer fees page", board);
        Assert.DoesNotContain("Propose an improvement", board);
        Assert.Contains("Clearer fees page", itemPage);
        Assert.DoesNotContain("<form method=\"post\" action=\"/en/staff/backlog/", itemPage);
        Assert.DoesNotContain("Change the status", itemPage);
        Assert.Equal(HttpStatusCode.Forbidden, newForm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, merge.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal((BacklogStatus.Proposed, null), ((await StoredAsync(item.Id)).Status, (await StoredAsync(other.Id)).MergedInto));
        Assert.Equal(2, (await host.App.Get<ListBacklog>().ExecuteAsync(org.Id, null)).Count);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_other_organisations_staff_are_refused()
    {
        var org = await host.App.CreateOrganisationAsync();
        var theirs = await host.App.CreateOrganisationAsync();
        var item = await CreateItemAsync(org.Id, "Shorter forms");
        using var signedOut = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Platform };
        using var outsider = await SignedInClientAsync(theirs.Id, Role.Analyst);

        var board = await signedOut.GetAsync($"/fr/staff/backlog?organisationId={org.Id}");
        var itemPage = await signedOut.GetAsync($"/en/staff/backlog/{item.Id}?organisationId={org.Id}");
        var post = await signedOut.PostAsync($"/en/staff/backlog/{item.Id}/status?organisationId={org.Id}", Form(("status", "Accepted")));
        var theirBoard = await outsider.GetAsync($"/en/staff/backlog?organisationId={org.Id}");
        var theirChange = await outsider.PostAsync($"/en/staff/backlog/{item.Id}/status?organisationId={org.Id}", Form(("status", "Accepted")));
        // Through their own organisation, the item is not theirs to see or change.
        var viaOwn = await outsider.GetAsync($"/en/staff/backlog/{item.Id}?organisationId={theirs.Id}");
        var changeViaOwn = await outsider.PostAsync($"/en/staff/backlog/{item.Id}/status?organisationId={theirs.Id}", Form(("status", "Accepted")));

        Assert.Equal(HttpStatusCode.SeeOther, board.StatusCode);
        Assert.StartsWith("/fr/staff/sign-in?returnUrl=", board.Headers.Location!.ToString());
        Assert.StartsWith("/en/staff/sign-in?returnUrl=", itemPage.Headers.Location!.ToString());
        Assert.StartsWith("/en/staff/sign-in?returnUrl=", post.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, theirBoard.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, theirChange.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaOwn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, changeViaOwn.StatusCode);
        Assert.Equal(BacklogStatus.Proposed, (await StoredAsync(item.Id)).Status);
    }

    [Fact]
    public async Task A_cross_site_post_is_refused_and_changes_nothing()
    {
        var org = await host.App.CreateOrganisationAsync();
        var item = await CreateItemAsync(org.Id, "Online appointments");
        using var analyst = await SignedInClientAsync(org.Id, Role.Analyst);

        var requests = new[]
        {
            new HttpRequestMessage(HttpMethod.Post, $"/en/staff/backlog/{item.Id}/status?organisationId={org.Id}") { Content = Form(("status", "Accepted")) },
            new HttpRequestMessage(HttpMethod.Post, $"/en/staff/backlog?organisationId={org.Id}") { Content = Form(("title", "Forged")) },
        };
        foreach (var request in requests)
        {
            request.Headers.Add("Origin", "https://evil.example");
            Assert.Equal(HttpStatusCode.Forbidden, (await analyst.SendAsync(request)).StatusCode);
        }

        Assert.Equal(BacklogStatus.Proposed, (await StoredAsync(item.Id)).Status);
        Assert.Single(await host.App.Get<ListBacklog>().ExecuteAsync(org.Id, null));
    }

    [Fact]
    public async Task Bad_input_comes_back_with_the_error_beside_its_field_what_was_typed_kept_and_nothing_stored()
    {
        var org = await host.App.CreateOrganisationAsync();
        var item = await CreateItemAsync(org.Id, "Accessible forms");
        await MoveAsync(item, BacklogStatus.Accepted, BacklogStatus.InProgress);
        using var analyst = await SignedInClientAsync(org.Id, Role.Analyst);

        var noNote = await analyst.PostAsync($"/fr/staff/backlog/{item.Id}/status?organisationId={org.Id}", Form(("status", "Shipped"), ("publicNote", "   ")));
        var noNotePage = WebUtility.HtmlDecode(await noNote.Content.ReadAsStringAsync());
        var skipping = await analyst.PostAsync($"/en/staff/backlog/{item.Id}/status?organisationId={org.Id}", Form(("status", "Proposed"), ("publicNote", "kept <b>note</b>")));
        var skippingRaw = await skipping.Content.ReadAsStringAsync();
        var numeric = await analyst.PostAsync($"/en/staff/backlog/{item.Id}/status?organisationId={org.Id}", Form(("status", "3")));
        var noTitle = await analyst.PostAsync($"/en/staff/backlog?organisationId={org.Id}", Form(("title", " "), ("description", "Kept <i>description</i>")));
        var noTitlePage = WebUtility.HtmlDecode(await noTitle.Content.ReadAsStringAsync());
        var badConcern = await analyst.PostAsync($"/en/staff/backlog?organisationId={org.Id}", Form(("title", "Fine"), ("concerns", "service:nope")));
        var badEvidence = await analyst.PostAsync($"/en/staff/backlog?organisationId={org.Id}", Form(("title", "Fine"), ("evidence", "Theme:nope")));
        var selfMerge = await analyst.PostAsync($"/en/staff/backlog/{item.Id}/merge?organisationId={org.Id}", Form(("duplicateId", item.Id)));

        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("<p id=\"public-note-error\" class=\"eng-error\">Rédigez la note publique d’au plus 2000 caractères", noNotePage);
        Assert.Contains("<title>Il y a un problème – Accessible forms", noNotePage);
        Assert.Contains("id=\"status-Shipped\" name=\"status\" value=\"Shipped\" checked", noNotePage);
        Assert.Equal(HttpStatusCode.BadRequest, skipping.StatusCode);
        Assert.Contains("<p id=\"status-error\" class=\"eng-error\">", skippingRaw);
        Assert.Contains("kept &lt;b&gt;note&lt;/b&gt;</textarea>", skippingRaw);
        Assert.Equal(HttpStatusCode.BadRequest, numeric.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.StatusCode);
        Assert.Contains("<p id=\"title-error\" class=\"eng-error\">Enter a title of up to 200 characters.</p>", noTitlePage);
        Assert.Contains("Kept <i>description</i></textarea>", noTitlePage);
        Assert.Equal(HttpStatusCode.BadRequest, badConcern.StatusCode);
        Assert.Contains("id=\"concerns-error\"", await badConcern.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badEvidence.StatusCode);
        Assert.Contains("id=\"evidence-error\"", await badEvidence.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, selfMerge.StatusCode);
        Assert.Contains("id=\"duplicate-error\"", await selfMerge.Content.ReadAsStringAsync());
        var stored = await StoredAsync(item.Id);
        Assert.Equal((BacklogStatus.InProgress, null, null), (stored.Status, stored.PublicNote, stored.MergedInto));
        Assert.Single(await host.App.Get<ListBacklog>().ExecuteAsync(org.Id, null));
    }

    [Fact]
    public async Task Hostile_titles_and_notes_are_shown_as_text_and_evidence_keeps_its_language_and_source()
    {
        var org = await host.App.CreateOrganisationAsync();
        var consultation = await host.App.CreateOpenConsultationAsync(org.Id);
        var author = (await host.App.Get<RegisterAnonymousParticipant>().ExecuteAsync()).Value.Participant;
        var comment = (await host.App.Get<PostComment>().ExecuteAsync(new(consultation.Id, author.Id, "Les heures d’ouverture sont trop courtes, vraiment.", "fr"))).Value;
        await TaggedAsync(org.Id, $"Comment:{comment.Id}");
        var created = await host.App.Get<CreateBacklogItem>().ExecuteAsync(new(org.Id, "<script>alert('title')</script>", "<b>desc</b>",
            ConsultationId: consultation.Id, Evidence: [new EvidenceRef(EvidenceKind.Comment, comment.Id)]), Actor.Staff("analyst"));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        var item = created.Value;
        await MoveAsync(item, BacklogStatus.Declined);
        using var analyst = await SignedInClientAsync(org.Id, Role.Analyst);

        var boardRaw = await analyst.GetStringAsync($"/en/staff/backlog?organisationId={org.Id}");
        var itemRaw = await analyst.GetStringAsync($"/fr/staff/backlog/{item.Id}?organisationId={org.Id}");
        var itemPage = WebUtility.HtmlDecode(itemRaw);

        foreach (var raw in new[] { boardRaw, itemRaw })
        {
            Assert.DoesNotContain("<script>alert", raw);
            Assert.Contains("&lt;script&gt;alert(", raw);
        }
        Assert.Contains("<b>desc</b>", itemPage);
        Assert.Contains("<p class=\"eng-body\" lang=\"fr\">Les heures d’ouverture sont trop courtes, vraiment.</p>", itemPage);
        Assert.Contains($"href=\"/fr/consultations/{consultation.Id}#comment-{comment.Id}\"", itemPage);
        Assert.Contains("Pourquoi il a été refusé (montré aux citoyens)", itemPage);
        Assert.Contains("<h3>Commentaire</h3>", itemPage);
    }

    [Fact]
    public async Task An_analyst_links_a_theme_from_the_item_page_and_the_priority_is_computed_again()
    {
        var org = await host.App.CreateOrganisationAsync();
        await host.App.Get<IThemeStore>().SaveAsync(new ThemeSnapshot
        {
            OrganisationId = org.Id, RefreshedAt = DateTimeOffset.UtcNow, Watermark = 1, TextsRead = 9,
            Themes = [new ThemeSummary("th_wait", "fr", ["attente", "file", "comptoir"], 9, []) { NegativeShare = 0.8 }],
            ThemeOfText = new Dictionary<string, string>(),
        });
        var item = await CreateItemAsync(org.Id, "Shorter queues");
        using var analyst = await SignedInClientAsync(org.Id, Role.Analyst);
        var path = $"/en/staff/backlog/{item.Id}";
        var query = $"?organisationId={org.Id}";

        var before = await analyst.GetStringAsync(path + query);
        var none = await analyst.PostAsync($"{path}/evidence{query}", Form(("x", "y")));
        var linked = await analyst.PostAsync($"{path}/evidence{query}", Form(("evidence", "Theme:th_wait")));
        var after = WebUtility.HtmlDecode(await analyst.GetStringAsync(linked.Headers.Location!.ToString()));

        Assert.Contains("value=\"Theme:th_wait\"", before);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("<p id=\"more-evidence-error\" class=\"eng-error\">Choose at least one piece of evidence to link.</p>", await none.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.SeeOther, linked.StatusCode);
        var stored = await StoredAsync(item.Id);
        Assert.Equal(["Theme:th_wait"], stored.Evidence.Select(e => e.Key));
        Assert.True(stored.Priority.Score > 0);
        Assert.Contains("The evidence was linked and the priority computed again.", after);
        Assert.Contains("<p class=\"eng-body\" lang=\"fr\">attente · file · comptoir</p>", after);
        Assert.DoesNotContain("value=\"Theme:th_wait\"", after);
        Assert.Contains("There is no recent feedback or current theme left to link.", after);
        Assert.Contains("Evidence added", after);
    }

    // Waits until insights have read the texts (the host's tagger runs in the background), tagging them here if it lags.
    private async Task TaggedAsync(string organisationId, params string[] keys)
    {
        var themes = host.App.Get<IThemeStore>();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if ((await themes.GetTextsAsync(organisationId, keys)).Count == keys.Length)
                return;
            if (attempt % 10 == 9)
                await host.App.Get<TagSentiment>().ExecuteAsync(0, 100_000);
            await Task.Delay(200);
        }
        Assert.Fail("Insights never read the texts.");
    }

    [BrowserFact]
    public async Task The_board_item_and_new_item_pages_pass_axe_in_English_and_French_with_errors_shown()
    {
        var org = await host.App.CreateOrganisationAsync();
        var service = await host.App.CreateServiceAsync(org.Id);
        var proposed = await CreateItemAsync(org.Id, "Simpler renewal form", serviceId: service.Id);
        await CreateItemAsync(org.Id, "Renewal form, again");
        var shipped = await CreateItemAsync(org.Id, "Text reminders", serviceId: service.Id);
        await MoveAsync(shipped, BacklogStatus.Accepted, BacklogStatus.InProgress, BacklogStatus.Shipped);
        await using var context = await host.Chromium.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, org.Id, Role.Analyst);

        foreach (var language in new[] { "en", "fr" })
        {
            await Axe.AssertNoViolationsAsync(page, Url($"/{language}/staff/backlog?organisationId={org.Id}"));
            await Axe.AssertNoViolationsAsync(page, Url($"/{language}/staff/backlog/{proposed.Id}?organisationId={org.Id}"));
            await Axe.AssertNoViolationsAsync(page, Url($"/{language}/staff/backlog/{shipped.Id}?organisationId={org.Id}"));
            await Axe.AssertNoViolationsAsync(page, Url($"/{language}/staff/backlog/new?organisationId={org.Id}"));

            await page.Locator("form[action*='/staff/backlog?'] button[type=submit]").ClickAsync();
            await Expect(page.Locator("#title-error")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsHereAsync(page, $"the new-item form with an error ({language})");

            await page.GotoAsync(Url($"/{language}/staff/backlog/{proposed.Id}?organisationId={org.Id}"));
            await page.Locator("form[action*='/merge'] button[type=submit]").ClickAsync();
            await Expect(page.Locator("#duplicate-error")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsHereAsync(page, $"the item page with a merge error ({language})");
            await page.Locator("#status-Declined").CheckAsync();
            await page.Locator("form[action*='/status'] button[type=submit]").ClickAsync();
            await Expect(page.Locator("#public-note-error")).ToBeVisibleAsync();
            await Axe.AssertNoViolationsHereAsync(page, $"the item page with a status error ({language})");
        }
        Assert.Equal(BacklogStatus.Proposed, (await StoredAsync(proposed.Id)).Status);
    }
}
