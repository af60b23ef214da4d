using Engagement.Core.Insights;
using Engagement.Core.Staff;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>An analyst turns a theme into a backlog item, sees why it is ranked, and moves it to shipped with a public note.</summary>
public sealed partial class ApiFlowTests
{
    [Fact]
    public async Task An_analyst_creates_an_item_from_a_theme_and_ships_it_with_a_you_said_we_did_note()
    {
        var org = await _app.CreateOrganisationAsync();
        var service = await _app.CreateServiceAsync(org.Id);
        var analyst = await _app.SignedInAsStaffAsync(org.Id, Role.Analyst);
        var moderator = await _app.SignedInAsStaffAsync(org.Id, Role.Moderator);
        await _app.Get<IThemeStore>().SaveAsync(new ThemeSnapshot
        {
            OrganisationId = org.Id, RefreshedAt = DateTimeOffset.UtcNow, Watermark = 1, TextsRead = 12,
            Themes = [new ThemeSummary("th_queue", "en", ["queue", "wait", "counter"], 12, []) { NegativeShare = 0.75 }],
            ThemeOfText = new Dictionary<string, string>(),
        });
        const string Create = """
            mutation($input: CreateBacklogItemInput!) {
              createBacklogItem(input: $input) { id status evidence { kind targetId weight } priority { score volume negativeShare } nextStatuses }
            }
            """;
        var input = new { organisationId = org.Id, title = "A second counter at peak hours", serviceId = service.Id, evidence = new[] { new { kind = "THEME", targetId = "th_queue" } } };

        var refused = await moderator.QueryAsync(Create, new { input });
        var created = (await analyst.QueryAsync(Create, new { input })).AssertOk().At("createBacklogItem");
        var id = created.GetProperty("id").GetString()!;
        foreach (var status in new[] { "ACCEPTED", "IN_PROGRESS" })
            (await analyst.QueryAsync("mutation($id: ID!, $s: BacklogStatus!) { changeBacklogStatus(id: $id, status: $s) { status } }", new { id, s = status })).AssertOk();
        var noNote = await analyst.QueryAsync("mutation($id: ID!) { changeBacklogStatus(id: $id, status: SHIPPED) { status } }", new { id });
        var shipped = (await analyst.QueryAsync("mutation($id: ID!, $note: String) { changeBacklogStatus(id: $id, status: SHIPPED, publicNote: $note) { status publicNote shippedAt impact { days before { count } after { count } } } }",
            new { id, note = "You said the queue was too long; we opened a second counter." })).AssertOk().At("changeBacklogStatus");
        var board = (await moderator.QueryAsync("query($org: ID!) { backlog(organisationId: $org) { id status } }", new { org = org.Id })).AssertOk().At("backlog");

        Assert.Equal(["FORBIDDEN"], refused.ErrorCodes);
        Assert.Equal(("PROPOSED", 12, 0.75), (created.GetProperty("status").GetString(), created.GetProperty("evidence")[0].GetProperty("weight").GetInt32(),
            created.GetProperty("priority").GetProperty("negativeShare").GetDouble()));
        Assert.Equal(["ACCEPTED", "DECLINED"], created.GetProperty("nextStatuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["VALIDATION"], noNote.ErrorCodes);
        Assert.Equal(("SHIPPED", "You said the queue was too long; we opened a second counter.", 30),
            (shipped.GetProperty("status").GetString(), shipped.GetProperty("publicNote").GetString(), shipped.GetProperty("impact").GetProperty("days").GetInt32()));
        Assert.Equal("SHIPPED", board.EnumerateArray().Single(i => i.GetProperty("id").GetString() == id).GetProperty("status").GetString());
        // Citizens see it on the service's public page, title and note only.
        var page = (await _app.Anonymous().QueryAsync("query($id: ID!) { service(id: $id) { improvements { title note } } }", new { id = service.Id }))
            .AssertOk().At("service.improvements");
        var shown = Assert.Single(page.EnumerateArray());
        Assert.Equal(("A second counter at peak hours", "You said the queue was too long; we opened a second counter."),
            (shown.GetProperty("title").GetString(), shown.GetProperty("note").GetString()));
    }
}
