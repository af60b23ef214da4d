using System.Net;
using Engagement.Api.Tests.Widget.Browser;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Core.Widgets;
using Microsoft.Playwright;
using static Engagement.Api.Tests.Portal.StaffClient;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// The workspace's services area: an admin adds a service and a widget key for it, copies the embed snippet, turns the key
/// off (the widget endpoint then refuses it) and on again; bad origins and names come back beside their fields with
/// nothing stored; other roles and organisations are refused; every page passes axe in both languages.
/// </summary>
public sealed class StaffServicesTests(WidgetBrowserHost host) : IClassFixture<WidgetBrowserHost>
{
    private string Url(string path) => new Uri(host.Platform, path).ToString();

    private async Task<HttpStatusCode> ConfigStatusAsync(string key)
    {
        using var response = await host.App.CreateClient().GetAsync($"/widget/{key}/config");
        return response.StatusCode;
    }

    [BrowserFact]
    public async Task An_admin_adds_a_service_and_a_key_copies_its_snippet_and_turns_the_key_off_and_on()
    {
        var org = await host.App.CreateOrganisationAsync();
        await using var context = await host.Chromium.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, org.Id, Role.Admin);

        await page.GotoAsync(Url($"/en/staff/services?organisationId={org.Id}"));
        await Expect(page.GetByText("This organisation has no services yet.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsHereAsync(page, "services, empty (en)");
        await page.GetByLabel("Identifier (slug)").FillAsync("passport-renewal");
        await page.GetByLabel("Name in English").FillAsync("Passport renewal");
        await page.GetByLabel("Name in French").FillAsync("Renouvellement de passeport");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the service" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The service was added.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Passport renewal", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Allowed origins, one per line").Last.FillAsync($"{host.Site.OriginText}\nhttps://*.example.ca");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the key" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The widget key was created. Copy its embed snippet below.");
        var service = Assert.Single(await host.App.Get<IServiceStore>().ListByOrganisationAsync(org.Id));
        var key = Assert.Single(await host.App.Get<IWidgetKeyStore>().ListByServiceAsync(service.Id));
        Assert.Equal([host.Site.OriginText, "https://*.example.ca"], key.AllowedOrigins);
        var snippet = await page.Locator("pre.eng-snippet code").InnerTextAsync();
        Assert.Equal($"""
            <script src="http://localhost:5000/widget.js" data-key="{key.Key}" async></script>
            <noscript><a href="http://localhost:5000/widget/{key.Key}/rate">Rate this service</a></noscript>
            """, snippet);
        await Expect(page.GetByText("Enabled: the widget works on the allowed sites.")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.OK, await ConfigStatusAsync(key.Key));
        foreach (var language in new[] { "en", "fr" })
            await Axe.AssertNoViolationsAsync(page, Url($"/{language}/staff/services/{service.Id}?organisationId={org.Id}"));
        await Axe.AssertNoViolationsAsync(page, Url($"/fr/staff/services?organisationId={org.Id}"));

        await page.GotoAsync(Url($"/en/staff/services/{service.Id}?organisationId={org.Id}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable the key" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The key is disabled: the widget is refused everywhere.");
        await Expect(page.GetByText("Disabled: the widget is refused everywhere.", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, await ConfigStatusAsync(key.Key));

        await page.GetByRole(AriaRole.Button, new() { Name = "Enable the key" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The key is enabled again.");
        Assert.Equal(HttpStatusCode.OK, await ConfigStatusAsync(key.Key));

        await page.GotoAsync(Url($"/en/staff/services?organisationId={org.Id}"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Public page of Passport renewal" })).ToHaveAttributeAsync("href", $"/en/services/{service.Id}");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Enabled: 1 of 1" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Bad_origins_and_an_empty_name_come_back_beside_their_fields_with_what_was_typed_and_nothing_is_stored()
    {
        var org = await host.App.CreateOrganisationAsync();
        var service = await host.App.CreateServiceAsync(org.Id);
        var existing = await host.App.CreateWidgetKeyAsync(org.Id, service.Id, "https://www.example.ca");
        await using var context = await host.Chromium.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, org.Id, Role.Admin, "fr");

        await page.GotoAsync(Url($"/fr/staff/services/{service.Id}?organisationId={org.Id}"));
        await page.Locator("#origins").FillAsync("javascript:alert(1)\nhttp://*\nhttps://ok.example.ca");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la clé" }).ClickAsync();

        var errors = page.Locator("#origins-error");
        await Expect(errors).ToContainTextAsync("« javascript:alert(1) » n’est pas une origine");
        await Expect(errors).ToContainTextAsync("« http://* » n’est pas une origine");
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await Expect(page.Locator("#origins")).ToHaveValueAsync("javascript:alert(1)\nhttp://*\nhttps://ok.example.ca");
        await Expect(page.Locator("#origins")).ToHaveAttributeAsync("aria-describedby", "origins-error origins-hint");
        await Axe.AssertNoViolationsHereAsync(page, "a key with bad origins (fr)");
        Assert.Equal([existing.Id], (await host.App.Get<IWidgetKeyStore>().ListByServiceAsync(service.Id)).Select(k => k.Id));

        await page.GotoAsync(Url($"/en/staff/services/{service.Id}?organisationId={org.Id}"));
        await page.GetByText("Change the allowed origins").ClickAsync();
        await page.Locator($"#origins-{existing.Id}").FillAsync("ftp://files.example.ca");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the origins" }).ClickAsync();
        await Expect(page.Locator($"#origins-{existing.Id}-error")).ToContainTextAsync("“ftp://files.example.ca” is not an origin");
        await Expect(page.Locator($"#origins-{existing.Id}")).ToHaveValueAsync("ftp://files.example.ca");
        await Axe.AssertNoViolationsHereAsync(page, "a key's origins changed badly (en)");
        Assert.Equal(["https://www.example.ca"], (await host.App.Get<IWidgetKeyStore>().GetAsync(existing.Id))!.AllowedOrigins);

        await page.GotoAsync(Url($"/en/staff/services?organisationId={org.Id}"));
        await page.GetByLabel("Identifier (slug)").FillAsync("Not A Slug");
        await page.GetByLabel("Name in English").FillAsync("Permits");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the service" }).ClickAsync();
        await Expect(page.Locator("#slug-error")).ToHaveTextAsync("Give 1 to 64 lowercase letters, digits and hyphens, starting and ending with a letter or digit.");
        await Expect(page.Locator("#name-fr-error")).ToHaveTextAsync("Give the name in this language, in at most 200 characters.");
        await Expect(page.GetByLabel("Identifier (slug)")).ToHaveValueAsync("Not A Slug");
        await Expect(page.GetByLabel("Name in English")).ToHaveValueAsync("Permits");
        await Axe.AssertNoViolationsHereAsync(page, "a service with errors (en)");
        Assert.Equal([service.Id], (await host.App.Get<IServiceStore>().ListByOrganisationAsync(org.Id)).Select(s => s.Id));
    }

    [Fact]
    public async Task A_taken_slug_and_a_blank_rename_are_refused_with_400_and_change_nothing()
    {
        var org = await host.App.CreateOrganisationAsync();
        var service = await host.App.CreateServiceAsync(org.Id);
        var admin = await SignedInAsync(host, org.Id, Role.Admin);
        var query = $"?organisationId={org.Id}";

        var taken = await admin.PostAsync($"/en/staff/services{query}", Form(("slug", service.Slug), ("name-en", "Twin"), ("name-fr", "Jumeau")));
        var blank = await admin.PostAsync($"/fr/staff/services/{service.Id}{query}", Form(("name-en", "  "), ("name-fr", "Nouveau nom")));
        var renamed = await admin.PostAsync($"/en/staff/services/{service.Id}{query}", Form(("name-en", "Renamed"), ("name-fr", "Renommé")));
        // The answer to a key form switches language to the form's own address; read, it leads to the service's page.
        var keysRead = await admin.GetAsync($"/fr/staff/services/{service.Id}/keys{query}");

        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("This organisation already has a service with this identifier.", await taken.PageAsync());
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var blankPage = await blank.PageAsync();
        Assert.Contains("<a href=\"#name-en\">Inscrivez le nom dans cette langue, en 200 caractères au plus.</a>", blankPage);
        Assert.Contains("value=\"Nouveau nom\"", blankPage);
        Assert.Equal(HttpStatusCode.SeeOther, renamed.StatusCode);
        Assert.Equal($"/en/staff/services/{service.Id}{query}&done=updated#names", renamed.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.SeeOther, keysRead.StatusCode);
        Assert.Equal($"/fr/staff/services/{service.Id}{query}", keysRead.Headers.Location!.ToString());
        var services = await host.App.Get<IServiceStore>().ListByOrganisationAsync(org.Id);
        Assert.Equal("Renamed", Assert.Single(services).Name["en"]);
    }

    [Fact]
    public async Task A_hostile_service_name_is_shown_as_text()
    {
        var org = await host.App.CreateOrganisationAsync();
        var admin = await SignedInAsync(host, org.Id, Role.Admin);
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";

        var created = await admin.PostAsync($"/en/staff/services?organisationId={org.Id}", Form(("slug", "hostile"), ("name-en", hostile), ("name-fr", hostile)));
        var list = await (await admin.GetAsync($"/en/staff/services?organisationId={org.Id}")).Content.ReadAsStringAsync();
        var own = await (await admin.GetAsync(created.Headers.Location!.ToString())).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        foreach (var html in new[] { list, own })
        {
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;", html);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
        }
    }

    [Fact]
    public async Task Other_roles_other_organisations_signed_out_visitors_and_other_sites_are_refused()
    {
        var org = await host.App.CreateOrganisationAsync();
        var other = await host.App.CreateOrganisationAsync();
        var service = await host.App.CreateServiceAsync(org.Id);
        var key = await host.App.CreateWidgetKeyAsync(org.Id, service.Id, "https://www.example.ca");
        var query = $"?organisationId={org.Id}";
        var keyPath = $"/en/staff/services/{service.Id}/keys/{key.Id}/enabled{query}";

        foreach (var role in new[] { Role.Analyst, Role.Moderator })
        {
            var client = await SignedInAsync(host, org.Id, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/en/staff/services{query}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/fr/staff/services/{service.Id}{query}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(keyPath, Form(("enabled", "false")))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/en/staff/services{query}", Form(("slug", "nope"), ("name-en", "N"), ("name-fr", "N")))).StatusCode);
        }
        var otherAdmin = await SignedInAsync(host, other.Id, Role.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.GetAsync($"/en/staff/services/{service.Id}{query}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.PostAsync(keyPath, Form(("enabled", "false")))).StatusCode);
        // Their own organisation in the address does not open another organisation's service.
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostAsync($"/en/staff/services/{service.Id}/keys/{key.Id}/enabled?organisationId={other.Id}",
            Form(("enabled", "false")))).StatusCode);

        var signedOut = await SignedOut(host).GetAsync($"/en/staff/services{query}");
        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        Assert.StartsWith("/en/staff/sign-in?returnUrl=", signedOut.Headers.Location!.ToString());

        var admin = await SignedInAsync(host, org.Id, Role.Admin);
        var crossSite = await admin.SendAsync(CrossSite(keyPath, ("enabled", "false")));
        var crossSiteCreate = await admin.SendAsync(CrossSite($"/en/staff/services{query}", ("slug", "from-elsewhere"), ("name-en", "X"), ("name-fr", "X")));
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Contains("can only be sent from this platform's own pages", await crossSite.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, crossSiteCreate.StatusCode);
        Assert.True((await host.App.Get<IWidgetKeyStore>().GetAsync(key.Id))!.Enabled);
        Assert.Equal([service.Id], (await host.App.Get<IServiceStore>().ListByOrganisationAsync(org.Id)).Select(s => s.Id));
    }
}
