using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Organisations;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Organisations;

/// <summary>Creating an organisation: a globally unique slug and a name in every language.</summary>
public sealed class CreateOrganisationTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private Task<Result<Organisation>> CreateAsync(string slug, LocalizedText? name = null) =>
        _platform.CreateOrganisation.ExecuteAsync(
            new CreateOrganisation.Request(slug, name ?? LocalizedText.EnFr("City of Testing", "Ville de Test")), TestPlatform.Staff);

    [Fact]
    public async Task Create_stores_the_organisation_and_audits_it()
    {
        var slug = TestPlatform.UniqueSlug();
        var created = ResultAssert.Succeeded(await CreateAsync(slug));

        var stored = await _platform.Organisations.GetAsync(created.Id);
        Assert.NotNull(stored);
        Assert.Equal(slug, stored.Slug);
        Assert.Equal(LocalizedText.EnFr("City of Testing", "Ville de Test"), stored.Name);
        Assert.Equal(ManualClock.Start, stored.CreatedAt);

        var entry = Assert.Single(await _platform.AuditTrailAsync(created.Id));
        Assert.Equal((AuditActions.OrganisationCreated, "organisation", created.Id), (entry.Action, entry.TargetType, entry.TargetId));
        Assert.Equal(TestPlatform.Staff, entry.Actor);
        Assert.Equal(ManualClock.Start, entry.At);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_is_refused_when_the_slug_is_missing(string slug)
    {
        ResultAssert.FailedOnly(await CreateAsync(slug), "slug", ErrorCodes.Required);
        Assert.Null(await _platform.Organisations.GetBySlugAsync(slug));
    }

    [Theory]
    [InlineData("City-Of-Testing")]
    [InlineData("city_of_testing")]
    [InlineData("-city")]
    [InlineData("city--of")]
    public async Task Create_is_refused_when_the_slug_is_badly_formed(string slug)
    {
        ResultAssert.FailedOnly(await CreateAsync(slug), "slug", ErrorCodes.InvalidFormat);
        Assert.Null(await _platform.Organisations.GetBySlugAsync(slug));
    }

    [Fact]
    public async Task Create_is_refused_when_the_slug_is_too_long()
    {
        var slug = "a" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        Assert.Equal(TextLimits.Slug + 1, slug.Length);
        ResultAssert.FailedOnly(await CreateAsync(slug), "slug", ErrorCodes.TooLong);
        Assert.Null(await _platform.Organisations.GetBySlugAsync(slug));
    }

    [Fact]
    public async Task Create_is_refused_when_another_organisation_uses_the_slug()
    {
        var slug = TestPlatform.UniqueSlug();
        var first = ResultAssert.Succeeded(await CreateAsync(slug));
        var before = await _platform.SnapshotAsync(first.Id);

        ResultAssert.FailedOnly(await CreateAsync(slug, LocalizedText.EnFr("Impostor", "Imposteur")), "slug", ErrorCodes.Duplicate);

        Assert.Equal(first.Id, (await _platform.Organisations.GetBySlugAsync(slug))?.Id);
        Assert.Equal(before, await _platform.SnapshotAsync(first.Id));
    }

    [Fact]
    public async Task Create_is_refused_when_the_name_is_missing_in_french()
    {
        var slug = TestPlatform.UniqueSlug();
        ResultAssert.FailedOnly(await CreateAsync(slug, new LocalizedText([new("en", "City of Testing")])), "name.fr", ErrorCodes.Required);
        Assert.Null(await _platform.Organisations.GetBySlugAsync(slug));
    }

    [Fact]
    public async Task Create_is_refused_when_the_name_uses_an_unsupported_language()
    {
        var slug = TestPlatform.UniqueSlug();
        var name = new LocalizedText([new("en", "City"), new("fr", "Ville"), new("xx", "???")]);
        ResultAssert.FailedOnly(await CreateAsync(slug, name), "name.xx", ErrorCodes.UnsupportedLanguage);
        Assert.Null(await _platform.Organisations.GetBySlugAsync(slug));
    }

    [Fact]
    public async Task Create_is_refused_when_the_name_is_too_long()
    {
        var slug = TestPlatform.UniqueSlug();
        var name = LocalizedText.EnFr(new string('a', TextLimits.Name + 1), "Ville");
        ResultAssert.FailedOnly(await CreateAsync(slug, name), "name.en", ErrorCodes.TooLong);
        Assert.Null(await _platform.Organisations.GetBySlugAsync(slug));
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Malformed), MemberType = typeof(SampleTexts))]
    public async Task Create_is_refused_when_the_name_has_control_characters_or_broken_unicode(string malformed)
    {
        var text = SampleTexts.MalformedText(malformed);
        var slug = TestPlatform.UniqueSlug();
        ResultAssert.FailedOnly(await CreateAsync(slug, LocalizedText.EnFr(text, "Ville")), "name.en", ErrorCodes.InvalidFormat);
        Assert.Null(await _platform.Organisations.GetBySlugAsync(slug));
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Unicode), MemberType = typeof(SampleTexts))]
    public async Task Create_keeps_the_name_exactly_as_given(string text)
    {
        var created = ResultAssert.Succeeded(await CreateAsync(TestPlatform.UniqueSlug(), LocalizedText.EnFr(text, text + " (fr)")));

        var stored = await _platform.Organisations.GetAsync(created.Id);
        Assert.Equal(text, stored!.Name["en"]);
        Assert.Equal(text + " (fr)", stored.Name["fr"]);
    }

    [Fact]
    public async Task Create_reports_every_problem_at_once()
    {
        var result = await CreateAsync("Not A Slug", new LocalizedText([new("fr", "")]));
        ResultAssert.Failed(result, "slug", ErrorCodes.InvalidFormat);
        ResultAssert.Failed(result, "name.en", ErrorCodes.Required);
        ResultAssert.Failed(result, "name.fr", ErrorCodes.Required);
    }
}
