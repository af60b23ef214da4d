using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Engagement.Core.Staff;
using Engagement.Moderation.Screening.PersonalInformation;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Engagement.Api.Tests.Hosting;

/// <summary>
/// The host's logs hold none of the personal information the platform masks in citizens' texts, checked with the
/// masking step's own detectors over every line captured in this test run (<see cref="HostLogs"/>), after this test
/// has itself run the flows that handle such information: a comment with an address and a phone number, a follow-up
/// address and its email, a failed sign-in, an email verification request, an unsubscribe.
/// </summary>
public sealed partial class PersonalInformationInLogsTests
{
    [Fact]
    public async Task No_host_log_line_holds_personal_information_after_the_flows_that_handle_it()
    {
        var mark = $"{Guid.NewGuid():N}"[..8];
        var follower = $"anne.{mark}@example.org";
        using (var app = SharedHost.NewApp().WithSetting("Site:PublicBaseUrl", "https://engage.example.org").WithSetting("Insights:Tagging:PollMilliseconds", "50"))
        {
            var org = await app.CreateOrganisationAsync();
            var consultation = await app.CreateOpenConsultationAsync(org.Id);
            var (staff, password) = await app.CreateStaffAsync(org.Id, Role.Analyst);
            var analyst = await app.SignedInAsync(staff.Email, password);
            var citizen = app.Anonymous();
            using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

            var comment = (await citizen.QueryAsync("mutation($input: PostCommentInput!) { postComment(input: $input) { id } }", new { input = new
            {
                consultationId = consultation.Id, participantToken = await app.RegisterParticipantAsync(), language = "en", followUpEmail = follower,
                text = $"Call me at 613-555-0123 or write to bob.{mark}@example.org, K1A 0B1, SIN 046 454 286, card 4539 1488 0343 6467.",
            } })).AssertOk().At("postComment.id").GetString()!;

            using (var wrong = await http.PostAsJsonAsync("/auth/sign-in", new { email = staff.Email, password = "not the password" }))
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            using (var wrongForm = await http.PostAsync("/en/staff/sign-in", Form(("email", $"nobody.{mark}@example.org"), ("password", "guess"))))
                Assert.NotEqual(HttpStatusCode.SeeOther, wrongForm.StatusCode);
            using (var verify = await http.PostAsync("/en/verify-email/request", Form(("email", $"carl.{mark}@example.org"))))
                Assert.Equal(HttpStatusCode.SeeOther, verify.StatusCode);
            (await citizen.QueryAsync(
                "mutation($email: String!, $token: String!) { requestEmailVerification(email: $email, language: \"en\", participantToken: $token) { email } }",
                new { email = $"dana.{mark}@example.org", token = await app.RegisterParticipantAsync() })).AssertOk();

            // The follow-up email goes out when the item the comment backs ships.
            var item = await BacklogItems.CreateOnceReadAsync(analyst, org.Id, consultation.Id, "Call the resident back", comment);
            await BacklogItems.ShipAsync(analyst, item, "We called back.");
            var unsubscribe = await UnsubscribeLinkToAsync(app, follower);
            using (var page = await http.GetAsync(unsubscribe))
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            using (var done = await http.PostAsync(unsubscribe, Form(("List-Unsubscribe", "One-Click"))))
                Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        var lines = HostLogs.Snapshot();
        // The capture works and saw this test's host: the outbox logged the follow-up email it wrote.
        Assert.Contains(lines, l => l.Contains("no SMTP server is configured", StringComparison.Ordinal));
        var found = lines.SelectMany(l => PersonalInformationIn(l).Select(kind => $"{kind}: {l}")).Distinct().ToList();
        Assert.True(found.Count == 0, $"{found.Count} log lines hold personal information:\n{string.Join("\n", found.Take(50))}");
    }

    /// <summary>
    /// The whole suite's logs: the test command runs this once more after every test has run, with
    /// <see cref="ScanVariable"/> naming the file every host appended to (<see cref="HostLogs.FileVariable"/>). Run alone,
    /// without it, it scans what this run's hosts have logged so far.
    /// </summary>
    [Fact]
    public void The_whole_suites_host_logs_hold_no_personal_information()
    {
        var path = Environment.GetEnvironmentVariable(ScanVariable);
        var lines = path is { Length: > 0 }
            ? System.IO.File.ReadLines(path).Select(l => System.Text.Json.JsonSerializer.Deserialize<string>(l) ?? "").ToList()
            : [.. HostLogs.Snapshot()];
        if (path is { Length: > 0 })
            Assert.True(lines.Count > 0, $"No line reached {path}: the capture did not see the suite.");

        var found = lines.SelectMany(l => PersonalInformationIn(l).Select(kind => $"{kind}: {l}")).Distinct().ToList();

        Assert.True(found.Count == 0, $"{found.Count} of {lines.Count} log lines hold personal information:\n{string.Join("\n", found.Take(50))}");
    }

    /// <summary>Names the file of the whole suite's host logs to scan.</summary>
    public const string ScanVariable = "ENGAGEMENT_SCAN_HOST_LOG";

    [Theory]
    [InlineData("Sign-in failed for jane.doe@example.org", "email")]
    [InlineData("Call 613-555-0123 back", "phone")]
    [InlineData("Request from 203.0.113.7 refused", "ip_address")]
    public void The_scan_finds_what_the_platform_masks(string line, string kind)
    {
        Assert.Contains(kind, PersonalInformationIn(line));
    }

    [Theory]
    [InlineData("Engagement is serving http://127.0.0.1:41257  (health: http://127.0.0.1:41257/health/live)")]
    [InlineData("Engagement is serving http://127.0.0.1:42329  (health: http://127.0.0.1:42329/health/live, http://127.0.0.1:42329/health/ready)")]
    [InlineData("Connection refused (127.0.0.1:9)")]
    [InlineData("Information Engagement.Api: Engagement is serving http://127.0.0.1:41629  (health: http://127.0.0.1:41629/health/live)")]
    public void The_scan_ignores_the_loopback_addresses_the_test_hosts_listen_on(string line)
    {
        Assert.Empty(PersonalInformationIn(line));
    }

    /// <summary>The kinds of personal information the masking step finds in a line ("email", "phone"…).</summary>
    private static List<string> PersonalInformationIn(string line)
    {
        // A test host's own loopback address and port identify no one (a port's digits could pass for part of a phone number);
        // any other address would.
        var scanned = Loopback().Replace(line, "loopback");
        return new MaskPersonalInformation().Mask(scanned).Reasons
            .Where(r => r.Code.StartsWith("pii.", StringComparison.Ordinal) && r.Code != MaskPersonalInformation.TimeoutCode)
            .Select(r => r.Code["pii.".Length..]).ToList();
    }

    [GeneratedRegex(@"\b(127(\.\d{1,3}){3}|0\.0\.0\.0|localhost)(:\d{1,5})?\b")]
    private static partial Regex Loopback();

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>The path of the unsubscribe link in the email written to the outbox for <paramref name="address"/>.</summary>
    private static async Task<string> UnsubscribeLinkToAsync(EngagementAppFactory app, string address)
    {
        var outbox = Path.Combine(app.DataDirectory, "outbox");
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (Directory.Exists(outbox))
            {
                foreach (var file in Directory.EnumerateFiles(outbox, "*.eml"))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == address) && message.Headers["List-Unsubscribe"] is { } link)
                        return new Uri(link.Trim('<', '>')).PathAndQuery;
                }
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"No follow-up email to {address} reached {outbox}.");
    }
}
