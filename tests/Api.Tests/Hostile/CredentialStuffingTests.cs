using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Staff;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Engagement.Api.Tests.Hostile;

/// <summary>
/// Guessing passwords at both sign-in doors: one client is limited whatever it claims to be, an account under attack
/// is paused, and no answer tells an existing account from an unknown email, a paused one included.
/// </summary>
public sealed class CredentialStuffingTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly EngagementAppFactory _app = host.App;

    [Fact]
    public async Task Unknown_email_wrong_password_and_a_paused_account_get_the_same_status_and_body_at_both_doors()
    {
        var org = await _app.CreateOrganisationAsync();
        var (fresh, _) = await _app.CreateStaffAsync(org.Id, Role.Admin);
        var (paused, password) = await _app.CreateStaffAsync(org.Id, Role.Admin);
        var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        for (var i = 0; i < SignInWithPassword.MaxFailedSignIns; i++)
            (await http.PostAsJsonAsync("/auth/sign-in", new { email = paused.Email, password = $"guess number {i}" })).Dispose();
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";
        (string Email, string Password)[] attempts =
        [
            (unknown, "a guessed password"), (fresh.Email, "a guessed password"), (paused.Email, "a guessed password"), (paused.Email, password),
        ];

        var json = new List<string>();
        var form = new List<string>();
        foreach (var (email, guess) in attempts)
        {
            using var viaJson = await http.PostAsJsonAsync("/auth/sign-in", new { email, password = guess });
            json.Add($"{(int)viaJson.StatusCode} {Comparable(await viaJson.Content.ReadAsStringAsync())}");
            using var viaForm = await http.PostAsync("/en/staff/sign-in", new FormUrlEncodedContent([new("email", email), new("password", guess)]));
            // The form is shown again with the email typed; that is the person's own input, not an answer about the account.
            form.Add($"{(int)viaForm.StatusCode} {(await viaForm.Content.ReadAsStringAsync()).Replace(WebUtility.HtmlEncode(email), "EMAIL", StringComparison.Ordinal)}");
        }

        Assert.Single(json.Distinct());
        Assert.StartsWith("401 ", json[0], StringComparison.Ordinal);
        Assert.Single(form.Distinct());
        Assert.StartsWith("401 ", form[0], StringComparison.Ordinal);
        // The paused account was neither unpaused nor counted further by the attempts above.
        Assert.Equal(SignInWithPassword.MaxFailedSignIns, (await _app.Get<IStaffStore>().GetAsync(paused.Id))!.FailedSignIns);
    }

    [Fact]
    public async Task Guesses_across_accounts_from_one_client_are_limited_at_both_doors_whatever_X_Forwarded_For_says_and_refused_guesses_count_nothing()
    {
        using var app = SharedHost.NewApp().WithSetting("RateLimits:SignInPerMinute", "4");
        var org = await app.CreateOrganisationAsync();
        var accounts = new List<StaffMember>();
        for (var i = 0; i < 3; i++)
            accounts.Add((await app.CreateStaffAsync(org.Id, Role.Analyst)).Member);
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 9; i++)
        {
            var email = accounts[i % accounts.Count].Email;
            // Alternating doors: they share one allowance per client address.
            using var request = i % 2 == 0
                ? new HttpRequestMessage(HttpMethod.Post, "/auth/sign-in") { Content = JsonContent.Create(new { email, password = $"guess {i}" }) }
                : new HttpRequestMessage(HttpMethod.Post, "/en/staff/sign-in") { Content = new FormUrlEncodedContent([new("email", email), new("password", $"guess {i}")]) };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            request.Headers.Add("X-Real-IP", $"198.51.100.{i + 1}");
            request.Headers.Add("Forwarded", $"for=198.51.100.{i + 1}");
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                await Hostile.AssertRefusedAsync(response, $"guess {i}");
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5)], statuses);
        // Only the four guesses that got through were counted against the accounts.
        var counted = 0;
        foreach (var account in accounts)
            counted += (await app.Get<IStaffStore>().GetAsync(account.Id))!.FailedSignIns;
        Assert.Equal(4, counted);
    }

    // The problem body without its per-request trace id.
    private static string Comparable(string problemJson)
    {
        var root = JsonDocument.Parse(problemJson).RootElement;
        return string.Join("|", root.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
    }
}
