using Engagement.Api.Tests.Hosting;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Staff;
using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Insights;

/// <summary>In the running host, published comments are tagged, their organisation's themes learnt in the background, and staff read them.</summary>
public sealed class ThemesTests
{
    private static readonly string[] Snow =
    [
        "The snow plow skipped our street again after the storm.",
        "Sidewalks on Elm Street were never plowed, snow piled everywhere.",
        "Snow removal on the side streets took four days this winter.",
        "The plow left a wall of snow across every driveway on my block.",
        "Please plow the sidewalks near the school before the buses arrive, the snow is deep.",
        "Snow clearing on residential streets is far too slow.",
    ];

    private static readonly string[] Library =
    [
        "The library should open on Sunday afternoons.",
        "Library hours are too short on weekdays, it closes at five.",
        "I love the new library but the opening hours do not suit workers.",
        "Could the branch library stay open later on Thursday evenings?",
        "Library opening hours changed without notice last week.",
        "Extend library hours during exam season please.",
    ];

    [Fact]
    public async Task Themes_of_an_organisations_published_comments_are_learnt_in_the_background_and_read_by_staff()
    {
        using var app = SharedHost.NewApp()
            .WithSetting("Insights:Tagging:PollMilliseconds", "50")
            .WithSetting("Insights:Themes:RefreshSeconds", "1");
        var organisation = await app.CreateOrganisationAsync();
        var consultation = await app.CreateOpenConsultationAsync(organisation.Id);
        foreach (var text in Snow.Concat(Library))
        {
            await app.Storage.Comments.TryAddAsync(new Comment
            {
                Id = Ids.New(), ConsultationId = consultation.Id, OrganisationId = organisation.Id, ParticipantId = Ids.New(), Text = text,
                Language = "en", Status = CommentStatus.Published, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
        }
        var analyst = await app.SignedInAsStaffAsync(organisation.Id, Role.Analyst);
        const string Query = "query($org: ID!) { themes(organisationId: $org) { textsRead themes { id name count topTerms quotes { kind targetId text } } } }";

        var themes = await Eventually.ReadAsync(
            async () => (await analyst.QueryAsync(Query, new { org = organisation.Id })).AssertOk().At("themes"),
            t => t.ValueKind == System.Text.Json.JsonValueKind.Object && t.GetProperty("textsRead").GetInt32() == 12,
            "the themes have read all 12 texts", t => t.ToString());

        var list = themes.GetProperty("themes").EnumerateArray().ToList();
        Assert.Equal(12, list.Sum(t => t.GetProperty("count").GetInt32()));
        Assert.Contains(list, t => t.GetProperty("topTerms").EnumerateArray().Any(term => term.GetString()!.Contains("snow", StringComparison.Ordinal) || term.GetString()!.Contains("plow", StringComparison.Ordinal)));
        Assert.Contains(list, t => t.GetProperty("topTerms").EnumerateArray().Any(term => term.GetString()!.Contains("library", StringComparison.Ordinal) || term.GetString()!.Contains("hours", StringComparison.Ordinal)));
        Assert.All(list.SelectMany(t => t.GetProperty("quotes").EnumerateArray()), q => Assert.Contains(q.GetProperty("text").GetString(), Snow.Concat(Library)));
        var here = (await analyst.QueryAsync("query($id: ID!) { consultationInsights(consultationId: $id) { themes { themeId name count } } }", new { id = consultation.Id }))
            .AssertOk().At("consultationInsights.themes").EnumerateArray().ToList();
        Assert.Equal(12, here.Sum(t => t.GetProperty("count").GetInt32()));
    }
}
