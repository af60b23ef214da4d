using Engagement.Api.Tests.Hosting;
using Engagement.Api.Tests.Widget.Browser;
using Engagement.Core.Participants;
using Engagement.Core.Staff;
using Microsoft.Playwright;

namespace Engagement.Api.Tests.Portal;

/// <summary>
/// Full-page screenshots of the main citizen and staff pages in both languages, saved as test artefacts under
/// artifacts/screenshots/ at the repository's root (kept out of git), for reviewers to look at what the tests saw.
/// </summary>
public sealed class ScreenshotTests(WidgetBrowserHost host) : IClassFixture<WidgetBrowserHost>
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    [BrowserFact]
    public async Task The_main_pages_are_saved_as_screenshots_in_both_languages()
    {
        var app = host.App;
        var org = await app.CreateOrganisationAsync();
        var consultation = await app.CreateOpenConsultationAsync(org.Id);
        var author = (await app.Get<RegisterAnonymousParticipant>().ExecuteAsync()).Value.Participant;
        await app.Get<Core.Comments.PostComment>().ExecuteAsync(new(consultation.Id, author.Id, "Protected lanes on Main Street, please.", "en"));
        var service = await app.CreateServiceAsync(org.Id);
        foreach (var score in new[] { 5, 4, 4, 2 })
            await app.Get<Core.Ratings.SubmitRating>().ExecuteAsync(new(service.Id, score, "en"));
        var survey = await app.CreateOpenSurveyAsync(org.Id);
        await using var context = await host.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await StaffSession.SignInAsync(host, page, org.Id, Role.Admin);
        Directory.CreateDirectory(Folder);

        var shots = new List<string>();
        foreach (var language in new[] { "en", "fr" })
        {
            foreach (var (name, path) in new[]
            {
                ("home", "/"), ("consultation", $"/consultations/{consultation.Id}"), ("survey", $"/surveys/{survey.Id}"),
                ("service", $"/services/{service.Id}"), ("not-found", "/nothing-here"),
                ("staff-moderation", $"/staff/moderation?organisationId={org.Id}"),
                ("staff-insights", $"/staff/insights?organisationId={org.Id}&subject=service:{service.Id}"),
                ("staff-backlog", $"/staff/backlog?organisationId={org.Id}"),
                ("staff-consultations", $"/staff/consultations?organisationId={org.Id}"),
                ("staff-services", $"/staff/services?organisationId={org.Id}"),
                ("staff-people", $"/staff/people?organisationId={org.Id}"),
            })
            {
                await page.GotoAsync(new Uri(host.Platform, $"/{language}{path}").ToString());
                var file = Path.Combine(Folder, $"{name}.{language}.png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                shots.Add(file);
            }
        }

        // A PNG starts with its eight-byte signature; an empty or failed capture does not.
        Assert.All(shots, file => Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(file)[..4]));
    }
}
