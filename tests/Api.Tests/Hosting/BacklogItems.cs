namespace Engagement.Api.Tests.Hosting;

/// <summary>Backlog items made through the API for tests that need one with evidence.</summary>
internal static class BacklogItems
{
    /// <summary>
    /// Creates the item once the background tagger has read the comments (evidence must be texts insights know), trying
    /// again for up to ten seconds; returns its id.
    /// </summary>
    public static async Task<string> CreateOnceReadAsync(GraphQLClient analyst, string organisationId, string consultationId, string title, params string[] commentIds)
    {
        var input = new
        {
            organisationId, consultationId, title,
            evidence = commentIds.Select(c => new { kind = "COMMENT", targetId = c }).ToArray(),
        };
        for (var attempt = 0; ; attempt++)
        {
            var created = await analyst.QueryAsync("mutation($input: CreateBacklogItemInput!) { createBacklogItem(input: $input) { id } }", new { input });
            if (!created.HasErrors)
                return created.At("createBacklogItem.id").GetString()!;
            if (attempt == 100)
                Assert.Fail($"The comments never became evidence: {created}");
            await Task.Delay(100);
        }
    }

    /// <summary>Moves the item through ACCEPTED to IN_PROGRESS, the steps before it may ship.</summary>
    public static async Task StartAsync(GraphQLClient analyst, string id)
    {
        foreach (var status in new[] { "ACCEPTED", "IN_PROGRESS" })
            (await analyst.QueryAsync("mutation($id: ID!, $s: BacklogStatus!) { changeBacklogStatus(id: $id, status: $s) { status } }", new { id, s = status })).AssertOk();
    }

    /// <summary>Starts the item and ships it with its public note, which sends the "you said, we did" emails.</summary>
    public static async Task ShipAsync(GraphQLClient analyst, string id, string note)
    {
        await StartAsync(analyst, id);
        (await analyst.QueryAsync("mutation($id: ID!, $note: String) { changeBacklogStatus(id: $id, status: SHIPPED, publicNote: $note) { status } }",
            new { id, note })).AssertOk();
    }
}
