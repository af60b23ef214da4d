using Engagement.Core.Insights;
using Engagement.Core.Screening;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Insights;

/// <summary>A refresh learns themes from the organisation's recent texts, keeps the previous ids' owner informed, and is skipped while nothing changed.</summary>
public sealed class RefreshThemesTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    /// <summary>One theme holding every text; records what it was given.</summary>
    private sealed class OneTheme : IThemeDiscovery
    {
        public List<(int Texts, ThemeSnapshot? Previous)> Calls { get; } = [];

        public (IReadOnlyList<ThemeSummary> Themes, IReadOnlyDictionary<string, string> ThemeOfText) Discover(IReadOnlyList<PublicText> texts, ThemeSnapshot? previous)
        {
            Calls.Add((texts.Count, previous));
            return ([new ThemeSummary("th_all", "en", ["all"], texts.Count, [])], texts.ToDictionary(t => t.Key, _ => "th_all"));
        }
    }

    [Fact]
    public async Task Themes_are_learnt_again_only_when_the_organisations_texts_changed()
    {
        var discovery = new OneTheme();
        var refresh = _platform.RefreshThemes(discovery);
        var consultation = await _platform.CreateOpenConsultationAsync();
        var participant = (await _platform.RegisterParticipantAsync()).Id;
        Assert.Null(await refresh.ExecuteAsync(consultation.OrganisationId));

        var first = ResultAssert.Succeeded(await _platform.PostComment.ExecuteAsync(new(consultation.Id, participant, "First.", "en")));
        SentimentTag Tag() => new(SentimentLabel.Neutral, 0.6f, 0.2f, 0.6f, 0.2f, "en", SentimentNote.None, "m");
        await _platform.SentimentFeed.SaveTagsAsync([(TextKind.Comment, first.Id, Tag())], 1);
        var snapshot = await refresh.ExecuteAsync(consultation.OrganisationId);
        var again = await refresh.ExecuteAsync(consultation.OrganisationId);
        var second = ResultAssert.Succeeded(await _platform.PostComment.ExecuteAsync(new(consultation.Id, (await _platform.RegisterParticipantAsync()).Id, "Second.", "en")));
        await _platform.SentimentFeed.SaveTagsAsync([(TextKind.Comment, second.Id, Tag())], 2);
        var later = await refresh.ExecuteAsync(consultation.OrganisationId);

        Assert.Equal((1, 1), (snapshot!.TextsRead, snapshot.Themes.Single().Count));
        Assert.Equal(snapshot.RefreshedAt, again!.RefreshedAt);
        Assert.Equal(2, later!.TextsRead);
        Assert.Equal([(1, null), (2, snapshot.Watermark)], discovery.Calls.Select(c => (c.Texts, c.Previous?.Watermark)));
        Assert.Equal("th_all", later.ThemeOfText[$"Comment:{second.Id}"]);
        Assert.Equal([new ThemeCount("th_all", "all", "en", 2)], ThemeSnapshot.CountsIn(later, Core.Tallies.TallyScopes.Consultation(consultation.Id)));
        Assert.Empty(ThemeSnapshot.CountsIn(later, Core.Tallies.TallyScopes.Consultation("another")));
    }
}
