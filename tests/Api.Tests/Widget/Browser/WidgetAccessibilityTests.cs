using System.Globalization;
using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Api.Tests.Widget.Browser;

/// <summary>
/// The widget against WCAG 2.2 AA in Chromium: an axe-core scan of its shadow tree in every state, French wording,
/// visible focus, target sizes, reflow at 320 CSS pixels (400% zoom), reduced motion, a hidden honeypot, and no layout
/// shift when its configuration arrives.
/// </summary>
public sealed class WidgetAccessibilityTests(WidgetBrowserHost host) : IClassFixture<WidgetBrowserHost>
{
    // Test-only, from npm (src/Web's devDependencies); building src/Web runs npm ci, which installs it.
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.Root, "src", "Web", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new Xunit.Sdk.XunitException($"{path} is missing: build src/Web (it runs npm ci) or run npm ci there.");
    });

    [BrowserFact]
    public async Task Axe_finds_no_violation_in_the_widget_as_loaded_with_its_error_shown_after_the_thank_you_and_in_French()
    {
        var (_, key) = await host.CreateWidgetAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        // The host page without a policy: a strict one would rightly block the injected axe script.
        await page.GotoAsync(host.HostPage(key).ToString());
        await Expect(page.GetByText("No ratings yet")).ToBeVisibleAsync();
        await page.AddScriptTagAsync(new() { Content = AxeSource.Value });

        await AssertNoViolationsAsync(page, "as loaded", expectFormControls: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();
        await AssertNoViolationsAsync(page, "with the missing-score error", expectFormControls: true);
        await page.GetByRole(AriaRole.Radio, new() { Name = "2 Poor" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).Not.ToBeEmptyAsync();
        await AssertNoViolationsAsync(page, "after the thank-you", expectFormControls: false);

        var french = await context.NewPageAsync();
        await french.GotoAsync(host.HostPage(key, htmlLang: "fr").ToString());
        await Expect(french.GetByText("Moyenne de 2,0 sur 5 (1 évaluation)")).ToBeVisibleAsync();
        await french.AddScriptTagAsync(new() { Content = AxeSource.Value });
        await AssertNoViolationsAsync(french, "in French", expectFormControls: true);
    }

    [BrowserFact]
    public async Task On_a_French_page_the_widget_asks_labels_hints_and_thanks_in_French()
    {
        var (serviceId, key) = await host.CreateWidgetAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.HostPage(key, htmlLang: "fr-CA").ToString());

        await Expect(page.GetByText("Aucune évaluation pour l’instant")).ToBeVisibleAsync();
        var group = page.GetByRole(AriaRole.Group, new() { Name = "Comment s’est passée votre expérience?" });
        await Expect(group).ToBeVisibleAsync();
        await Expect(group.GetByRole(AriaRole.Radio)).ToHaveCountAsync(5);
        foreach (var label in new[] { "1 Très mauvaise", "2 Mauvaise", "3 Passable", "4 Bonne", "5 Très bonne" })
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = label, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Commentaire (facultatif)" }))
            .ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^N’incluez pas de renseignements personnels.*0 caractères sur 1\\s?000$"));
        await Expect(page.Locator("engagement-widget form")).ToHaveAttributeAsync("lang", "fr");

        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Choisissez une note de 1 à 5.");
        await page.GetByRole(AriaRole.Radio, new() { Name = "4 Bonne" }).ClickAsync();
        var posted = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync(), r => r.Method == "POST");

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Merci de votre rétroaction.");
        await Expect(page.GetByText("Moyenne de 4,0 sur 5 (1 évaluation)")).ToBeVisibleAsync();
        Assert.Equal("fr", System.Web.HttpUtility.ParseQueryString(posted.PostData!)["lang"]);
        Assert.Equal((1, 4.0), await host.ResultsAsync(serviceId));
    }

    [BrowserFact]
    public async Task The_language_is_data_lang_else_the_keys_else_the_pages()
    {
        var (_, plain) = await host.CreateWidgetAsync();
        var (_, english) = await host.CreateWidgetAsync(language: "en");
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(host.HostPage("fr", (plain, null), (english, null), (english, "fr"), (plain, "en")).ToString());

        var widgets = page.Locator("engagement-widget");
        await Expect(widgets).ToHaveCountAsync(4);
        await Expect(widgets.Nth(0).Locator("legend")).ToHaveTextAsync("Comment s’est passée votre expérience?");
        await Expect(widgets.Nth(1).Locator("legend")).ToHaveTextAsync("How was your experience?");
        await Expect(widgets.Nth(2).Locator("legend")).ToHaveTextAsync("Comment s’est passée votre expérience?");
        await Expect(widgets.Nth(3).Locator("legend")).ToHaveTextAsync("How was your experience?");
        await Expect(widgets.Nth(1).Locator("form")).ToHaveAttributeAsync("lang", "en");
        // Each widget follows its own script tag, in page order.
        Assert.Equal(4, await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('script[data-key]')].filter(s => s.nextElementSibling.localName === 'engagement-widget').length"));
    }

    [BrowserFact]
    public async Task Keyboard_focus_shows_a_3_px_outline_with_at_least_3_to_1_contrast_on_every_control()
    {
        var (_, key) = await host.CreateWidgetAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.HostPage(key).ToString());
        await Expect(page.GetByText("No ratings yet")).ToBeVisibleAsync();

        var seen = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<JsonElement>("""
                () => {
                  const el = document.querySelector('engagement-widget').shadowRoot.activeElement;
                  const style = getComputedStyle(el);
                  const panel = getComputedStyle(el.closest('form'));
                  return { what: el.localName, style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor, background: panel.backgroundColor };
                }
                """);
            var what = focus.GetProperty("what").GetString()!;
            seen.Add(what);
            Assert.Equal("solid", focus.GetProperty("style").GetString());
            Assert.Equal("3px", focus.GetProperty("width").GetString());
            var contrast = Contrast(focus.GetProperty("color").GetString()!, focus.GetProperty("background").GetString()!);
            Assert.True(contrast >= 3, $"The focus outline of the {what} has a contrast of {contrast:0.00}:1 against the widget.");
        }
        Assert.Equal(["input", "textarea", "button"], seen);
    }

    [BrowserFact]
    public async Task Every_control_is_a_target_of_at_least_24_by_24_css_pixels()
    {
        var (_, key) = await host.CreateWidgetAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.HostPage(key).ToString());

        var controls = page.Locator("engagement-widget").Locator("input[type=radio], textarea, button");
        await Expect(controls).ToHaveCountAsync(7);
        foreach (var control in await controls.AllAsync())
        {
            var box = (await control.BoundingBoxAsync())!;
            Assert.True(box.Width >= 24 && box.Height >= 24, $"A control is {box.Width}x{box.Height} CSS px.");
        }
    }

    [BrowserFact]
    public async Task At_320_css_pixels_wide_the_widget_reflows_without_horizontal_scrolling()
    {
        var (_, key) = await host.CreateWidgetAsync();
        await using var context = await host.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 640 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.HostPage(key, htmlLang: "fr").ToString());
        await Expect(page.GetByText("Aucune évaluation pour l’instant")).ToBeVisibleAsync();

        var widths = await page.EvaluateAsync<JsonElement>("""
            () => ({ page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth,
                     widget: document.querySelector('engagement-widget').getBoundingClientRect().right })
            """);
        var viewport = widths.GetProperty("viewport").GetDouble();
        Assert.True(widths.GetProperty("page").GetDouble() <= viewport, $"The page scrolls sideways: {widths}");
        Assert.True(widths.GetProperty("widget").GetDouble() <= viewport, $"The widget overflows: {widths}");
        // The five choices wrap onto several rows rather than squeezing or overflowing.
        var tops = new HashSet<double>();
        foreach (var radio in await page.GetByRole(AriaRole.Radio).AllAsync())
            tops.Add(Math.Round((await radio.BoundingBoxAsync())!.Y));
        Assert.True(tops.Count > 1, "At 320 px the choices should wrap onto more than one row.");
    }

    [BrowserFact]
    public async Task With_reduced_motion_the_widget_animates_nothing()
    {
        var (_, key) = await host.CreateWidgetAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.HostPage(key).ToString());
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Send" });
        const string duration = "el => getComputedStyle(el).transitionDuration";

        Assert.NotEqual("0s", await button.EvaluateAsync<string>(duration));
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        Assert.Equal("0s", await button.EvaluateAsync<string>(duration));
    }

    [BrowserFact]
    public async Task The_honeypot_is_out_of_sight_out_of_the_tab_order_and_hidden_from_assistive_technology()
    {
        var (_, key) = await host.CreateWidgetAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.HostPage(key).ToString());

        var honeypot = page.Locator("engagement-widget input[name=website]");
        await Expect(honeypot).ToHaveAttributeAsync("tabindex", "-1");
        await Expect(honeypot).ToHaveAttributeAsync("autocomplete", "off");
        var box = (await honeypot.BoundingBoxAsync())!;
        Assert.True(box.X + box.Width <= 0, $"The honeypot is on screen at x={box.X}.");
        // Only the comment is a text box to assistive technology.
        await Expect(page.GetByRole(AriaRole.Textbox)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Textbox)).ToHaveAttributeAsync("name", "comment");
    }

    [BrowserFact]
    public async Task The_page_does_not_move_when_the_configuration_arrives()
    {
        var (_, key) = await host.CreateWidgetAsync();
        await using var context = await host.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        // Where the content after the widget sits at the moment the widget appears, before its configuration can
        // have arrived (a mutation observer runs before any network answer is handled).
        await page.AddInitScriptAsync("""
            new MutationObserver((records, observer) => {
              if (!document.querySelector('engagement-widget')) return;
              observer.disconnect();
              document.documentElement.dataset.afterTop = document.getElementById('after').getBoundingClientRect().top;
            }).observe(document, { childList: true, subtree: true });
            """);
        var config = page.WaitForResponseAsync(r => r.Url.EndsWith("/config", StringComparison.Ordinal));

        await page.GotoAsync(host.HostPage(key).ToString());
        Assert.Equal(200, (await config).Status);
        await Expect(page.GetByText("No ratings yet")).ToBeVisibleAsync();

        var before = double.Parse((await page.Locator("html").GetAttributeAsync("data-after-top"))!, CultureInfo.InvariantCulture);
        var after = (await page.Locator("#after").BoundingBoxAsync())!.Y;
        Assert.Equal(before, after, precision: 1);
    }

    private static async Task AssertNoViolationsAsync(IPage page, string state, bool expectFormControls)
    {
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const results = await axe.run(document.querySelector('engagement-widget'), {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
              });
              return {
                violations: results.violations.map(v => `${v.id}: ${v.nodes.map(n => `${n.target.join(' > ')} ${n.failureSummary}`).join(' | ')}`),
                labelled: results.passes.filter(p => p.id === 'label').flatMap(p => p.nodes).length,
                contrasted: results.passes.filter(p => p.id === 'color-contrast').flatMap(p => p.nodes).length,
              };
            }
            """);

        Assert.True(result.GetProperty("violations").GetArrayLength() == 0, $"axe-core {state}: {result.GetProperty("violations")}");
        // Proof that axe looked inside the shadow root rather than at an empty host element.
        Assert.True(result.GetProperty("contrasted").GetInt32() > 0, $"axe-core {state} checked no text inside the widget.");
        if (expectFormControls)
            Assert.True(result.GetProperty("labelled").GetInt32() >= 6, $"axe-core {state} checked the labels of only {result.GetProperty("labelled")} controls.");
    }

    // WCAG 2.x contrast ratio of two computed CSS colours ("rgb(r, g, b)").
    private static double Contrast(string foreground, string background)
    {
        var (a, b) = (Luminance(foreground), Luminance(background));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(string color)
    {
        var channels = color[(color.IndexOf('(', StringComparison.Ordinal) + 1)..color.IndexOf(')', StringComparison.Ordinal)]
            .Split(',').Take(3).Select(c => double.Parse(c.Trim(), CultureInfo.InvariantCulture) / 255)
            .Select(c => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4))
            .ToArray();
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }
}
