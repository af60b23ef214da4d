using System.Net;
using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Common;
using Engagement.Core.Widgets;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Api.Tests.Widget.Browser;

/// <summary>
/// The widget in headless Chromium, embedded by a site on another origin than the platform: ratings by mouse and by
/// keyboard reach the service's results, the thank-you is announced, a strict Content-Security-Policy is kept, the
/// page without JavaScript rates through the hosted form, and every failure ends in a link rather than a broken page.
/// </summary>
public sealed class WidgetBrowserTests(WidgetBrowserHost host) : IClassFixture<WidgetBrowserHost>
{
    private const string Thanks = "Thank you for your feedback.";

    [BrowserFact]
    public async Task A_rating_given_with_the_mouse_on_another_origin_is_thanked_announced_and_counted()
    {
        var (serviceId, key) = await host.CreateWidgetAsync();
        var address = host.HostPage(key);
        Assert.NotEqual(host.Platform.GetLeftPart(UriPartial.Authority), address.GetLeftPart(UriPartial.Authority));
        await using var context = await host.Chromium.NewContextAsync();
        var watch = await PageWatch.OpenAsync(context);
        var page = watch.Page;

        await page.GotoAsync(address.ToString());
        await Expect(page.GetByText("No ratings yet")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "5 Very good" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Comment (optional)" }).FillAsync("Quick & <b>clear</b>.");
        var posted = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync(), r => r.Url.EndsWith("/ratings", StringComparison.Ordinal));

        Assert.Equal(201, posted.Status);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(Thanks);
        await Expect(page.GetByText("Average 5.0 out of 5 (1 rating)")).ToBeVisibleAsync();
        Assert.Equal((1, 5.0), await host.ResultsAsync(serviceId));

        // A form-encoded body with no custom header is a CORS simple request: one request, no preflight.
        Assert.StartsWith("application/x-www-form-urlencoded", posted.Request.Headers["content-type"], StringComparison.Ordinal);
        var fields = System.Web.HttpUtility.ParseQueryString(posted.Request.PostData!);
        Assert.Equal("5", fields["score"]);
        Assert.Equal("Quick & <b>clear</b>.", fields["comment"]);
        Assert.Equal(address.ToString(), fields["page"]);
        Assert.Equal("en", fields["lang"]);
        Assert.Equal("", fields["website"]);
        Assert.Empty(watch.PageErrors);
    }

    [BrowserFact]
    public async Task A_rating_given_with_the_keyboard_alone_is_thanked_and_counted()
    {
        var (serviceId, key) = await host.CreateWidgetAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var watch = await PageWatch.OpenAsync(context);
        var page = watch.Page;
        await page.GotoAsync(host.HostPage(key).ToString());
        await Expect(page.GetByText("No ratings yet")).ToBeVisibleAsync();

        // The host page has nothing focusable before the widget: the first Tab enters the radio group.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "1 Very poor" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "1 Very poor" })).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "4 Good" })).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Comment (optional)" })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Typed without a mouse.");
        // The honeypot is out of the tab order: the next stop is the button.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        var status = page.GetByRole(AriaRole.Status);
        await Expect(status).ToHaveTextAsync(Thanks);
        // The button is gone with the form; focus moves to the message rather than falling back to the page.
        await Expect(status).ToBeFocusedAsync();
        Assert.Equal((1, 4.0), await host.ResultsAsync(serviceId));
        Assert.Empty(watch.PageErrors);
    }

    [BrowserFact]
    public async Task Sending_without_a_score_says_so_next_to_the_group_and_sends_nothing()
    {
        var (serviceId, key) = await host.CreateWidgetAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var page = (await PageWatch.OpenAsync(context)).Page;
        var posts = 0;
        page.Request += (_, request) => { if (request.Method == "POST") Interlocked.Increment(ref posts); };
        await page.GotoAsync(host.HostPage(key).ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToHaveTextAsync("Choose a rating from 1 to 5.");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "How was your experience?" })).ToHaveAccessibleDescriptionAsync("Choose a rating from 1 to 5.");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "1 Very poor" })).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("");
        Assert.Equal(0, posts);
        Assert.Equal((0, null), await host.ResultsAsync(serviceId));
    }

    [BrowserFact]
    public async Task Under_a_strict_policy_the_widget_works_keeps_its_average_live_and_causes_no_violation()
    {
        var (serviceId, key) = await host.CreateWidgetAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var watch = await PageWatch.OpenAsync(context);
        var page = watch.Page;
        // Joined once the hub answers the join; a rating after that can only arrive by push.
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if (frame.Text?.Contains("\"invocationId\":\"0\"", StringComparison.Ordinal) == true)
                joined.TrySetResult();
        };
        var response = await page.GotoAsync(host.HostPage(key, contentSecurityPolicy: host.StrictPolicy()).ToString());
        Assert.Equal(host.StrictPolicy(), response!.Headers["content-security-policy"]);
        await Expect(page.GetByText("No ratings yet")).ToBeVisibleAsync();
        await joined.Task.WaitAsync(TimeSpan.FromMilliseconds(Chromium.TimeoutMs));

        await RateFromAnotherPageAsync(key, score: 2);
        await Expect(page.GetByText("Average 2.0 out of 5 (1 rating)")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "4 Good" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(Thanks);
        await Expect(page.GetByText("Average 3.0 out of 5 (2 ratings)")).ToBeVisibleAsync();
        Assert.Equal((2, 3.0), await host.ResultsAsync(serviceId));
        Assert.Empty(await watch.ViolationsAsync());
        Assert.True(watch.ConsoleErrors.Count == 0, string.Join(" / ", watch.ConsoleErrors));
        Assert.Empty(watch.PageErrors);
    }

    [BrowserFact]
    public async Task Without_JavaScript_the_noscript_link_leads_to_the_hosted_form_which_takes_the_rating()
    {
        var (serviceId, key) = await host.CreateWidgetAsync();
        await using var context = await host.Chromium.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = (await PageWatch.OpenAsync(context)).Page;
        await page.GotoAsync(host.HostPage(key).ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Rate this service" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.Platform, $"widget/{key}/rate").ToString());
        await page.GetByRole(AriaRole.Radio, new() { Name = "3" }).CheckAsync();
        // The document the browser lands on after the post, through any redirect.
        var thanked = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button).ClickAsync(), r => r.Request.IsNavigationRequest && r.Status is < 300 or >= 400);

        Assert.Equal(200, thanked.Status);
        await Expect(page.GetByText("Thank you", new() { Exact = false }).First).ToBeVisibleAsync();
        Assert.Equal((1, 3.0), await host.ResultsAsync(serviceId));
    }

    [BrowserFact]
    public async Task When_the_key_is_unknown_or_refuses_the_site_the_widget_becomes_a_link_to_the_hosted_page()
    {
        var (_, foreignOnly) = await host.CreateWidgetAsync(allowedOrigins: "https://www.canada.ca");
        const string unknown = "wk_0000000000000000000000";
        await using var context = await host.Chromium.NewContextAsync();
        var watch = await PageWatch.OpenAsync(context);
        var page = watch.Page;
        var address = host.HostPage("en", (unknown, null), (foreignOnly, null));

        await page.GotoAsync(address.ToString());

        var links = page.GetByRole(AriaRole.Link, new() { Name = "Rate this service" });
        await Expect(links).ToHaveCountAsync(2);
        var pageParameter = Uri.EscapeDataString(address.ToString());
        await Expect(links.Nth(0)).ToHaveAttributeAsync("href", $"{host.Platform}widget/{unknown}/rate?lang=en&page={pageParameter}");
        await Expect(links.Nth(1)).ToHaveAttributeAsync("href", $"{host.Platform}widget/{foreignOnly}/rate?lang=en&page={pageParameter}");
        await Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.Empty(watch.PageErrors);
    }

    [BrowserFact]
    public async Task A_rating_the_platform_refuses_shows_its_message_in_the_pages_language_and_is_not_counted()
    {
        // The page is not under the key's page pattern, so the platform refuses it with a message in both languages.
        var (serviceId, key) = await host.CreateWidgetAsync(pagePattern: "https://www.canada.ca/fr/services/*");
        await using var context = await host.Chromium.NewContextAsync();
        var page = (await PageWatch.OpenAsync(context)).Page;
        await page.GotoAsync(host.HostPage(key, htmlLang: "fr").ToString());

        await page.GetByRole(AriaRole.Radio, new() { Name = "2 Mauvaise" }).ClickAsync();
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync(), r => r.Url.EndsWith("/ratings", StringComparison.Ordinal));

        Assert.InRange(refused.Status, 400, 499);
        var error = (await refused.JsonAsync())!.Value.GetProperty("error");
        var messageFr = error.GetProperty("messageFr").GetString();
        Assert.False(string.IsNullOrWhiteSpace(messageFr));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(messageFr!);
        // The form stays, so the person can still rate once the site fixes its key.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" })).ToBeVisibleAsync();
        Assert.Equal((0, null), await host.ResultsAsync(serviceId));
    }

    [BrowserFact]
    public async Task Over_the_clients_rating_limit_the_widget_says_to_try_again_later()
    {
        await using var platform = SharedHost.NewApp().WithSetting("Widget:RatingsPerClientPerMinute", "1");
        var platformAddress = platform.StartOnLoopback();
        var organisation = await platform.CreateOrganisationAsync();
        var service = await platform.CreateServiceAsync(organisation.Id);
        var key = (await platform.Get<CreateWidgetKey>().ExecuteAsync(new CreateWidgetKey.Request(service.Id, [host.Site.OriginText]), Actor.System)).Value.Key;
        await using var context = await host.Chromium.NewContextAsync();
        var address = host.HostPage(key, platform: platformAddress).ToString();
        var first = (await PageWatch.OpenAsync(context)).Page;
        await first.GotoAsync(address);
        await first.GetByRole(AriaRole.Radio, new() { Name = "5 Very good" }).ClickAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Status)).ToHaveTextAsync(Thanks);

        var second = (await PageWatch.OpenAsync(context)).Page;
        await second.GotoAsync(address);
        await second.GetByRole(AriaRole.Radio, new() { Name = "1 Very poor" }).ClickAsync();
        var limited = await second.RunAndWaitForResponseAsync(
            () => second.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync(), r => r.Url.EndsWith("/ratings", StringComparison.Ordinal));

        Assert.Equal(429, limited.Status);
        await Expect(second.GetByRole(AriaRole.Status)).ToHaveTextAsync("Too many ratings from here. Try again later.");
        await Expect(second.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeVisibleAsync();
        var summary = await platform.Get<Engagement.Core.Ratings.GetRatingSummary>().ExecuteAsync(service.Id);
        Assert.Equal(1, summary.Value.Count);
    }

    [BrowserFact]
    public async Task The_widget_sets_no_cookie_stores_nothing_and_adds_no_global()
    {
        var (_, key) = await host.CreateWidgetAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var watch = await PageWatch.OpenAsync(context);
        var page = watch.Page;
        await page.GotoAsync(host.HostPage(key).ToString());
        await page.GetByRole(AriaRole.Radio, new() { Name = "3 Fair" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(Thanks);

        Assert.Empty(await context.CookiesAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("async () => (await indexedDB.databases()).length"));
        Assert.Empty(await watch.NewGlobalsAsync());
    }

    // A rating from elsewhere (another visitor's page), sent as the widget sends it.
    private async Task RateFromAnotherPageAsync(string key, int score)
    {
        using var http = new HttpClient { BaseAddress = host.Platform };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"widget/{key}/ratings")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["score"] = score.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["page"] = new Uri(host.Site.Origin, "/other").ToString(),
                ["website"] = "",
            }),
        };
        request.Headers.Add("Origin", host.Site.OriginText);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.TryGetProperty("id", out _));
    }
}
