using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Engagement.Api.Tests.Widget.Browser;
using Engagement.Core.Participants;
using Microsoft.Playwright;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// The portal's pages in Chromium: axe-core (WCAG 2.1 AA) finds no violation on any of them in either language, and a
/// first load stays within the citizen pages' weight budget.
/// </summary>
public sealed class PortalBrowserTests(WidgetBrowserHost host) : IClassFixture<WidgetBrowserHost>
{
    /// <summary>Citizen pages' budget: bytes transferred, compressed where the server compresses, on a first load without fonts.</summary>
    private const int BudgetBytes = 150 * 1024;

    private async Task<IReadOnlyList<string>> PathsAsync()
    {
        var app = host.App;
        var org = await app.CreateOrganisationAsync();
        var consultation = await app.CreateOpenConsultationAsync(org.Id);
        var service = await app.CreateServiceAsync(org.Id);
        var author = (await app.Get<RegisterAnonymousParticipant>().ExecuteAsync()).Value.Participant;
        var comment = (await app.Get<Core.Comments.PostComment>().ExecuteAsync(new(consultation.Id, author.Id, "Lanes on Main, please.", "en"))).Value;
        await app.Get<Core.Comments.PostComment>().ExecuteAsync(new(consultation.Id, (await app.Get<RegisterAnonymousParticipant>().ExecuteAsync()).Value.Participant.Id,
            "Oui, et sur la rue King.", "fr", comment.Id));
        await app.Get<Core.Ratings.SubmitRating>().ExecuteAsync(new(service.Id, 4, "en"));
        var survey = await app.CreateOpenSurveyAsync(org.Id);
        return [.. new[] { "en", "fr" }.SelectMany(l => new[]
        {
            $"/{l}/", $"/{l}/consultations/{consultation.Id}", $"/{l}/services/{service.Id}", $"/{l}/surveys/{survey.Id}", $"/{l}/nothing-here", $"/{l}/staff/sign-in",
        })];
    }

    [BrowserFact]
    public async Task Axe_finds_no_violation_on_any_portal_page_in_either_language()
    {
        // The pages' policy rightly refuses injected script; the scan needs axe in the page.
        await using var context = await host.Chromium.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        foreach (var path in await PathsAsync())
            await Axe.AssertNoViolationsAsync(page, new Uri(host.Platform, path).ToString());
    }

    [BrowserFact]
    public async Task A_citizen_comments_by_keyboard_alone_and_a_mistake_is_announced_and_kept()
    {
        var org = await host.App.CreateOrganisationAsync();
        var consultation = await host.App.CreateOpenConsultationAsync(org.Id);
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Platform, $"/en/consultations/{consultation.Id}").ToString());

        async Task TabToAsync(string id)
        {
            for (var i = 0; i < 20 && await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != id; i++)
                await page.Keyboard.PressAsync("Tab");
            Assert.Equal(id, await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));
        }

        await TabToAsync("follow-up-email");
        await page.Keyboard.TypeAsync("not an address");
        await page.Keyboard.PressAsync("Enter");
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^There is a problem"));
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Write your comment");
        await TabToAsync("comment-text");
        await page.Keyboard.TypeAsync("Typed with the keyboard alone.");
        await TabToAsync("follow-up-email");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you: your comment is published.");
        await Microsoft.Playwright.Assertions.Expect(page.GetByText("Typed with the keyboard alone.")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_rating_given_while_a_service_page_is_open_fills_in_its_figures_live()
    {
        var org = await host.App.CreateOrganisationAsync();
        var service = await host.App.CreateServiceAsync(org.Id);
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Platform, $"/fr/services/{service.Id}").ToString());
        await Microsoft.Playwright.Assertions.Expect(page.GetByText("Aucune évaluation pour l’instant.")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.EngagementLive && window.EngagementLive.status === 'live'");

        await host.App.Get<Core.Ratings.SubmitRating>().ExecuteAsync(new(service.Id, 4, "fr"));

        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-live-count=ratings]")).ToHaveTextAsync("1");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-live-average]")).ToHaveTextAsync("4,0");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-live-percent=csat]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^100\\s?%$"));
        await Microsoft.Playwright.Assertions.Expect(page.GetByText("Aucune évaluation pour l’instant.")).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task A_comment_posted_in_one_browser_moves_the_count_in_another_without_a_reload()
    {
        var org = await host.App.CreateOrganisationAsync();
        var consultation = await host.App.CreateOpenConsultationAsync(org.Id);
        var url = new Uri(host.Platform, $"/en/consultations/{consultation.Id}").ToString();
        await using var watching = await host.Chromium.NewContextAsync();
        await using var commenting = await host.Chromium.NewContextAsync();
        var watcher = await watching.NewPageAsync();
        var errors = new List<string>();
        watcher.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await watcher.GotoAsync(url);
        var count = watcher.Locator("[data-live-count=comments]");
        await Microsoft.Playwright.Assertions.Expect(count).ToHaveTextAsync("0 comments");
        await watcher.WaitForFunctionAsync("() => window.EngagementLive && window.EngagementLive.status === 'live'");

        var author = await commenting.NewPageAsync();
        await author.GotoAsync(url);
        await author.GetByLabel("Your comment").FillAsync("A second browser's comment.");
        await author.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(author.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you: your comment is published.");

        await Microsoft.Playwright.Assertions.Expect(count).ToHaveTextAsync("1 comments");
        Assert.Equal(url, watcher.Url);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task A_first_load_of_a_citizen_page_stays_within_150_KB()
    {
        foreach (var path in (await PathsAsync()).Where(p => p.StartsWith("/en/", StringComparison.Ordinal)))
        {
            // A fresh context per page, so nothing is cached from the one before. Bodies are counted as decoded: an upper
            // bound on what travelled, whether or not the server compressed them.
            await using var context = await host.Chromium.NewContextAsync();
            var page = await context.NewPageAsync();
            var bodies = new List<Task<byte[]>>();
            var statuses = new List<string>();
            page.Response += (_, response) =>
            {
                statuses.Add($"{response.Status} {response.Url}");
                bodies.Add(response.BodyAsync());
            };
            await page.GotoAsync(new Uri(host.Platform, path).ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });

            var total = (await Task.WhenAll(bodies)).Sum(b => (long)b.Length);
            Assert.True(total < BudgetBytes, $"{path} loads {total:N0} bytes, over the {BudgetBytes:N0} budget.");
            Assert.True(bodies.Count >= 3, $"{path} loaded only {bodies.Count} files; its stylesheets did not load.");
            Assert.All(statuses.Skip(1), s => Assert.StartsWith("200 ", s));
        }
    }
}
