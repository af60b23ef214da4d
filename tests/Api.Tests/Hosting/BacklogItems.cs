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
}
