using System.Net;
using Engagement.Api.Tests.Widget.Browser;
using Engagement.Core.ApiTokens;
using Engagement.Core.Common;
using Engagement.Core.Staff;
using Microsoft.Playwright;
using static Engagement.Api.Tests.Portal.StaffClient;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// The workspace's people area: an admin adds an analyst (the generated password shown once) who then signs in; creates
/// an API token whose secret is shown once and works on /graphql until revoked through the confirmation step; bad
/// input comes back beside its field with nothing stored; other roles are refused; the pages pass axe in both languages.
/// </summary>
public sealed class StaffPeopleTests(WidgetBrowserHost host) : IClassFixture<WidgetBrowserHost>
{
    private string Url(string path) => new Uri(host.Platform, path).ToString();

    [BrowserFact]
    public async Task An_admin_adds_an_analyst_whose_password_is_shown_once_and_who_can_then_sign_in()
    {
        var org = await host.App.CreateOrganisationAsync();
        await using var context = await host.Chromium.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, org.Id, Role.Admin);
        var email = $"analyst-{Guid.NewGuid():N}@example.org";

        await page.GotoAsync(Url($"/en/staff/people?organisationId={org.Id}"));
        await Axe.AssertNoViolationsHereAsync(page, "people (en)");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Name shown to colleagues").FillAsync("Ana Lyst");
        await page.GetByRole(AriaRole.Group, new() { Name = "Role in this organisation" }).GetByLabel("Analyst").CheckAsync();
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Add the staff member" }).ClickAsync(), r => r.Request.Method == "POST");

        await Expect(page.GetByText($"Account added for {email} (Analyst).")).ToBeVisibleAsync();
        await Expect(page.GetByText("Copy this password now")).ToBeVisibleAsync();
        var password = await page.Locator("#one-time-secret").InnerTextAsync();
        Assert.Equal(PasswordRules.GeneratedLength, password.Length);
        Assert.Equal("no-store", (await answer.AllHeadersAsync())["cache-control"]);
        Assert.DoesNotContain(password, page.Url, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = $"Ana Lyst {email} Analyst Active" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsHereAsync(page, "people with a new password shown (en)");

        await page.GotoAsync(Url($"/en/staff/people?organisationId={org.Id}"));
        Assert.DoesNotContain(password, await page.ContentAsync(), StringComparison.Ordinal);

        await using var theirs = await host.Chromium.NewContextAsync();
        var analystPage = await theirs.NewPageAsync();
        await StaffSession.SignInAsync(host, analystPage, email, password);
        Assert.Contains($"/en/staff/insights?organisationId={org.Id}", analystPage.Url);
        var refused = await analystPage.GotoAsync(Url($"/en/staff/people?organisationId={org.Id}"));
        Assert.Equal(403, refused!.Status);
    }

    [BrowserFact]
    public async Task An_api_token_s_secret_is_shown_once_and_works_on_graphql_until_it_is_revoked_after_confirmation()
    {
        var org = await host.App.CreateOrganisationAsync();
        await using var context = await host.Chromium.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, org.Id, Role.Admin, "fr");

        await page.GotoAsync(Url($"/fr/staff/people?organisationId={org.Id}"));
        await Expect(page.GetByText("Cette organisation n’a aucun jeton d’API.")).ToBeVisibleAsync();
        await page.GetByLabel("Nom : à quoi sert le jeton").FillAsync("Export <BI>");
        await page.GetByRole(AriaRole.Group, new() { Name = "Ce que le jeton peut faire" }).GetByLabel("Analyste").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le jeton" }).ClickAsync();

        await Expect(page.GetByText("Le jeton d’API « Export <BI> » a été créé.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Copiez-le maintenant et gardez-le en lieu sûr")).ToBeVisibleAsync();
        var secret = await page.Locator("#one-time-secret").InnerTextAsync();
        Assert.True(ApiTokenSecrets.LooksValid(secret), secret);
        Assert.DoesNotContain(secret, page.Url, StringComparison.Ordinal);
        await Axe.AssertNoViolationsHereAsync(page, "people with a token secret shown (fr)");
        var query = "query($id: ID!) { organisation(id: $id) { staff { id } } }";
        var works = await host.App.WithToken(secret).QueryAsync(query, new { id = org.Id });
        Assert.Equal(HttpStatusCode.OK, works.Status);
        Assert.False(works.HasErrors, works.Body);

        await page.GotoAsync(Url($"/fr/staff/people?organisationId={org.Id}"));
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Export <BI>" })).ToContainTextAsync(secret[..ApiTokenSecrets.DisplayPrefixLength]);
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Export <BI>" })).ToContainTextAsync("Actif");
        await page.GetByRole(AriaRole.Link, new() { Name = "Révoquer « Export <BI> »" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Révocation du jeton d’API « Export <BI> »" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsHereAsync(page, "revoke confirmation (fr)");
        var token = Assert.Single(await host.App.Get<IApiTokenStore>().ListByOrganisationAsync(org.Id));
        Assert.Null(token.RevokedAt);
        await Axe.AssertNoViolationsAsync(page, Url($"/en/staff/people/tokens/{token.Id}/revoke?organisationId={org.Id}"));
        await page.GotoAsync(Url($"/fr/staff/people/tokens/{token.Id}/revoke?organisationId={org.Id}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, révoquer le jeton" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Le jeton d’API a été révoqué.");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Export <BI>" })).ToContainTextAsync("Révoqué le");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Révoquer « Export <BI> »" })).ToHaveCountAsync(0);
        var refused = await host.App.WithToken(secret).QueryAsync(query, new { id = org.Id });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        await Axe.AssertNoViolationsHereAsync(page, "people with a revoked token (fr)");
    }

    [BrowserFact]
    public async Task A_taken_email_an_empty_name_and_no_role_come_back_beside_their_fields_and_nothing_is_stored()
    {
        var org = await host.App.CreateOrganisationAsync();
        var (existing, _) = await host.App.CreateStaffAsync(org.Id, Role.Moderator);
        await using var context = await host.Chromium.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, org.Id, Role.Admin, "fr");
        await page.GotoAsync(Url($"/fr/staff/people?organisationId={org.Id}"));

        await page.GetByLabel("Adresse courriel").FillAsync(existing.Email.ToUpperInvariant());
        await page.GetByLabel("Nom affiché aux collègues").FillAsync("Quelqu’un");
        await page.GetByRole(AriaRole.Group, new() { Name = "Rôle dans cette organisation" }).GetByLabel("Administrateur").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le membre du personnel" }).ClickAsync();
        await Expect(page.Locator("#email-error")).ToHaveTextAsync("Un membre du personnel utilise déjà cette adresse courriel.");
        await Expect(page.GetByLabel("Adresse courriel")).ToHaveValueAsync(existing.Email.ToUpperInvariant());
        await Expect(page.GetByLabel("Nom affiché aux collègues")).ToHaveValueAsync("Quelqu’un");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Rôle dans cette organisation" }).GetByLabel("Administrateur")).ToBeCheckedAsync();
        await Axe.AssertNoViolationsHereAsync(page, "people, taken email (fr)");

        await page.GetByLabel("Adresse courriel").FillAsync("pas une adresse");
        await page.GetByLabel("Nom affiché aux collègues").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le membre du personnel" }).ClickAsync();
        await Expect(page.Locator("#email-error")).ToHaveTextAsync("Inscrivez une adresse courriel comme nom@exemple.org.");
        await Expect(page.Locator("#displayName-error")).ToHaveTextAsync("Inscrivez un nom de 200 caractères au plus.");

        await page.GotoAsync(Url($"/en/staff/people?organisationId={org.Id}"));
        await page.GetByLabel("Email address").FillAsync("no-role@example.org");
        await page.GetByLabel("Name shown to colleagues").FillAsync("No Role");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the staff member" }).ClickAsync();
        await Expect(page.Locator("#role-error")).ToHaveTextAsync("Choose a role.");
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Choose a role." })).ToHaveAttributeAsync("href", "#role");
        await page.GetByLabel("Name: what the token is for").FillAsync("   ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the token" }).ClickAsync();
        await Expect(page.Locator("#tokenName-error")).ToHaveTextAsync("Give a name of at most 200 characters.");
        await Expect(page.Locator("#tokenRole-error")).ToHaveTextAsync("Choose a role.");
        await Axe.AssertNoViolationsHereAsync(page, "people, token errors (en)");

        Assert.Null(await host.App.Get<IStaffStore>().GetByEmailAsync("no-role@example.org"));
        Assert.Equal(2, (await host.App.Get<IStaffStore>().ListByOrganisationAsync(org.Id)).Count);
        Assert.Empty(await host.App.Get<IApiTokenStore>().ListByOrganisationAsync(org.Id));
    }

    [Fact]
    public async Task A_hostile_display_name_is_shown_as_text_and_a_role_outside_the_list_is_refused()
    {
        var org = await host.App.CreateOrganisationAsync();
        var admin = await SignedInAsync(host, org.Id, Role.Admin);
        var path = $"/en/staff/people?organisationId={org.Id}";
        const string hostile = "<script>alert(1)</script>";

        var added = await admin.PostAsync(path, Form(("email", $"h-{Guid.NewGuid():N}@example.org"), ("displayName", hostile), ("role", "Moderator")));
        var citizen = await admin.PostAsync(path, Form(("email", "citizen@example.org"), ("displayName", "C"), ("role", "Citizen")));
        var numeric = await admin.PostAsync(path, Form(("email", "numeric@example.org"), ("displayName", "N"), ("role", "3")));
        var list = await (await admin.GetAsync(path)).Content.ReadAsStringAsync();
        var tokensRead = await admin.GetAsync($"/fr/staff/people/tokens?organisationId={org.Id}");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("no-store", added.Headers.CacheControl?.ToString());
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", list);
        Assert.DoesNotContain("<script>alert", list);
        Assert.Equal(HttpStatusCode.SeeOther, tokensRead.StatusCode);
        Assert.Equal($"/fr/staff/people?organisationId={org.Id}", tokensRead.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, citizen.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, numeric.StatusCode);
        Assert.Null(await host.App.Get<IStaffStore>().GetByEmailAsync("citizen@example.org"));
        Assert.Null(await host.App.Get<IStaffStore>().GetByEmailAsync("numeric@example.org"));
    }

    [Fact]
    public async Task Other_roles_other_organisations_signed_out_visitors_and_other_sites_are_refused()
    {
        var org = await host.App.CreateOrganisationAsync();
        var other = await host.App.CreateOrganisationAsync();
        var created = await host.App.Get<CreateApiToken>().ExecuteAsync(new(org.Id, "Kept", Role.Analyst, null), Actor.System);
        var token = created.Value.Token;
        var query = $"?organisationId={org.Id}";
        var revokePath = $"/en/staff/people/tokens/{token.Id}/revoke{query}";

        foreach (var role in new[] { Role.Analyst, Role.Moderator })
        {
            var client = await SignedInAsync(host, org.Id, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/en/staff/people{query}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(revokePath)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(revokePath, Form())).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/en/staff/people/tokens{query}", Form(("tokenName", "T"), ("tokenRole", "Admin")))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/fr/staff/people{query}",
                Form(("email", $"x-{Guid.NewGuid():N}@example.org"), ("displayName", "X"), ("role", "Admin")))).StatusCode);
        }
        var otherAdmin = await SignedInAsync(host, other.Id, Role.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.GetAsync($"/en/staff/people{query}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.PostAsync(revokePath, Form())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostAsync($"/en/staff/people/tokens/{token.Id}/revoke?organisationId={other.Id}", Form())).StatusCode);

        var signedOut = await SignedOut(host).GetAsync($"/fr/staff/people{query}");
        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        Assert.StartsWith("/fr/staff/sign-in?returnUrl=", signedOut.Headers.Location!.ToString());

        var admin = await SignedInAsync(host, org.Id, Role.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(CrossSite(revokePath))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(CrossSite($"/en/staff/people/tokens{query}", ("tokenName", "T"), ("tokenRole", "Admin")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(CrossSite($"/en/staff/people{query}",
            ("email", "cross@example.org"), ("displayName", "X"), ("role", "Admin")))).StatusCode);
        Assert.Null((await host.App.Get<IApiTokenStore>().GetAsync(token.Id))!.RevokedAt);
        Assert.Single(await host.App.Get<IApiTokenStore>().ListByOrganisationAsync(org.Id));
        Assert.Null(await host.App.Get<IStaffStore>().GetByEmailAsync("cross@example.org"));
    }
}
