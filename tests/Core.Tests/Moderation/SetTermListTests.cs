using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Moderation;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Moderation;

/// <summary>An admin replaces a term list: entries trimmed and de-duplicated, empty or absurd ones refused with nothing changed.</summary>
public sealed class SetTermListTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private async Task<string> OrganisationAsync() => (await _platform.CreateOrganisationAsync()).Id;

    [Fact]
    public async Task Set_stores_the_list_trimmed_and_without_repeats_and_audits_it()
    {
        var organisationId = await OrganisationAsync();

        var list = ResultAssert.Succeeded(await _platform.SetTermList.ExecuteAsync(
            new(organisationId, TermListKind.Blocked, "fr", ["  connard ", "Connard", "va te faire voir"]), TestPlatform.Staff));

        Assert.Equal(["connard", "va te faire voir"], list.Terms);
        Assert.Equal([list.Terms], (await _platform.TermLists.ListAsync(organisationId)).Select(l => l.Terms));
        var entry = Assert.Single(await _platform.AuditTrailAsync(organisationId, "blocked:fr"));
        Assert.Equal((AuditActions.TermListChanged, TestPlatform.Staff), (entry.Action, entry.Actor));
    }

    [Fact]
    public async Task Set_again_replaces_the_list()
    {
        var organisationId = await OrganisationAsync();
        await _platform.SetTermList.ExecuteAsync(new(organisationId, TermListKind.Suspect, "en", ["scam"]), TestPlatform.Staff);

        await _platform.SetTermList.ExecuteAsync(new(organisationId, TermListKind.Suspect, "en", ["fraud"]), TestPlatform.Staff);

        Assert.Equal(["fraud"], Assert.Single(await _platform.TermLists.ListAsync(organisationId)).Terms);
    }

    [Theory]
    [InlineData("", "terms[1]", ErrorCodes.Required)]
    [InlineData("   ", "terms[1]", ErrorCodes.Required)]
    [InlineData("\u0007bell", "terms[1]", ErrorCodes.InvalidFormat)]
    [InlineData("tab\there", "terms[1]", ErrorCodes.InvalidFormat)]
    public async Task Set_refuses_an_empty_or_malformed_term_and_changes_nothing(string bad, string field, string code)
    {
        var organisationId = await OrganisationAsync();

        ResultAssert.FailedOnly(await _platform.SetTermList.ExecuteAsync(new(organisationId, TermListKind.Blocked, "en", ["ok", bad]), TestPlatform.Staff), field, code);

        Assert.Empty(await _platform.TermLists.ListAsync(organisationId));
    }

    [Fact]
    public async Task Set_refuses_a_term_with_a_lone_surrogate()
    {
        // Built here: xunit's argument serialisation would replace a lone surrogate in InlineData.
        var organisationId = await OrganisationAsync();

        ResultAssert.FailedOnly(await _platform.SetTermList.ExecuteAsync(new(organisationId, TermListKind.Blocked, "en", ["x" + '\uD800']), TestPlatform.Staff),
            "terms[0]", ErrorCodes.InvalidFormat);
    }

    [Fact]
    public async Task Set_refuses_an_absurdly_long_term_or_list()
    {
        var organisationId = await OrganisationAsync();

        ResultAssert.FailedOnly(await _platform.SetTermList.ExecuteAsync(
            new(organisationId, TermListKind.Blocked, "en", [new string('a', TermList.MaxTermLength + 1)]), TestPlatform.Staff), "terms[0]", ErrorCodes.TooLong);
        ResultAssert.FailedOnly(await _platform.SetTermList.ExecuteAsync(
            new(organisationId, TermListKind.Blocked, "en", Enumerable.Range(0, TermList.MaxTerms + 1).Select(i => $"t{i}").ToList()), TestPlatform.Staff), "terms", ErrorCodes.OutOfRange);
        Assert.Empty(await _platform.TermLists.ListAsync(organisationId));
    }

    [Fact]
    public async Task Set_refuses_an_unknown_organisation_or_language()
    {
        ResultAssert.FailedOnly(await _platform.SetTermList.ExecuteAsync(new(Ids.New(), TermListKind.Blocked, "en", ["x"]), TestPlatform.Staff), "organisationId", ErrorCodes.NotFound);
        ResultAssert.FailedOnly(await _platform.SetTermList.ExecuteAsync(new(await OrganisationAsync(), TermListKind.Blocked, "de", ["x"]), TestPlatform.Staff), "language", ErrorCodes.UnsupportedLanguage);
    }

    [Fact]
    public void For_screening_every_language_is_merged_per_kind()
    {
        TermList List(TermListKind kind, string language, params string[] terms) =>
            new() { OrganisationId = "o", Kind = kind, Language = language, Terms = terms, UpdatedAt = ManualClock.Start, UpdatedBy = "s" };

        var terms = TermList.ForScreening([List(TermListKind.Blocked, "en", "a", "b"), List(TermListKind.Blocked, "fr", "b", "c"), List(TermListKind.Suspect, "fr", "d")]);

        Assert.Equal(["a", "b", "c"], terms.Blocked);
        Assert.Equal(["d"], terms.Suspect);
    }
}
