using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Consultations;

/// <summary>Creating a consultation as a draft, and every input rule that can refuse it.</summary>
public sealed class CreateConsultationTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private static readonly LocalizedText Title = LocalizedText.EnFr("Bike lanes", "Pistes cyclables");

    private Task<Result<Consultation>> CreateAsync(
        string organisationId, string slug = "bike-lanes", LocalizedText? title = null, LocalizedText? summary = null, LocalizedText? body = null,
        IdentityPolicy policy = IdentityPolicy.AnonymousAllowed, DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null) =>
        _platform.CreateConsultation.ExecuteAsync(
            new CreateConsultation.Request(organisationId, slug, title ?? Title, summary, body, policy, opensAt, closesAt), TestPlatform.Staff);

    /// <summary>A new organisation and the snapshot of it before the refused call.</summary>
    private async Task<(string OrganisationId, string Before)> EmptyOrganisationAsync()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        return (organisation.Id, await _platform.SnapshotAsync(organisation.Id));
    }

    [Fact]
    public async Task Create_stores_a_draft_at_version_one_and_audits_it()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var (title, summary, body) = TestPlatform.CompleteTexts();
        var opensAt = ManualClock.Start.AddDays(1);
        var closesAt = ManualClock.Start.AddDays(30);

        var created = ResultAssert.Succeeded(await CreateAsync(organisation.Id, "bike-lanes", title, summary, body, IdentityPolicy.VerifiedEmailRequired, opensAt, closesAt));

        var stored = await _platform.Consultations.GetAsync(created.Id);
        Assert.NotNull(stored);
        Assert.Equal(ConsultationStatus.Draft, stored.Status);
        Assert.Equal(1, stored.Version);
        Assert.Equal((organisation.Id, "bike-lanes"), (stored.OrganisationId, stored.Slug));
        Assert.Equal((title, summary, body), (stored.Title, stored.Summary, stored.Body));
        Assert.Equal(IdentityPolicy.VerifiedEmailRequired, stored.IdentityPolicy);
        Assert.Equal((opensAt, closesAt), (stored.OpensAt, stored.ClosesAt));
        Assert.Empty(stored.Outcome);
        Assert.Equal((ManualClock.Start, ManualClock.Start), (stored.CreatedAt, stored.UpdatedAt));

        var entry = Assert.Single(await _platform.AuditTrailAsync(organisation.Id, created.Id));
        Assert.Equal((AuditActions.ConsultationCreated, "consultation", TestPlatform.Staff), (entry.Action, entry.TargetType, entry.Actor));
    }

    [Fact]
    public async Task Create_accepts_a_draft_with_only_a_title()
    {
        var organisation = await _platform.CreateOrganisationAsync();

        var created = ResultAssert.Succeeded(await CreateAsync(organisation.Id));

        var stored = await _platform.Consultations.GetAsync(created.Id);
        Assert.Empty(stored!.Summary);
        Assert.Empty(stored.Body);
        Assert.Null(stored.OpensAt);
        Assert.Null(stored.ClosesAt);
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Unicode), MemberType = typeof(SampleTexts))]
    public async Task Create_keeps_every_text_exactly_as_given(string text)
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var texts = LocalizedText.EnFr(text, "fr: " + text);

        var created = ResultAssert.Succeeded(await CreateAsync(organisation.Id, title: texts, summary: texts, body: texts));

        var stored = await _platform.Consultations.GetAsync(created.Id);
        Assert.Equal(text, stored!.Title["en"]);
        Assert.Equal("fr: " + text, stored.Summary["fr"]);
        Assert.Equal(text, stored.Body["en"]);
    }

    [Fact]
    public async Task Create_accepts_texts_at_their_limits_counted_in_characters()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var title = TestPlatform.Repeat("🚲", TextLimits.Title);
        var summary = TestPlatform.Repeat("é", TextLimits.Summary);
        var body = TestPlatform.Repeat("e\u0301", TextLimits.Body);

        var created = ResultAssert.Succeeded(await CreateAsync(organisation.Id,
            title: LocalizedText.EnFr(title, title), summary: LocalizedText.EnFr(summary, summary), body: LocalizedText.EnFr(body, body)));

        var stored = await _platform.Consultations.GetAsync(created.Id);
        Assert.Equal((title, summary, body), (stored!.Title["fr"], stored.Summary["fr"], stored.Body["fr"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bike-Lanes")]
    [InlineData("bike lanes")]
    [InlineData("bike-")]
    public async Task Create_is_refused_when_the_slug_is_missing_or_badly_formed(string slug)
    {
        var (organisationId, before) = await EmptyOrganisationAsync();

        ResultAssert.FailedOnly(await CreateAsync(organisationId, slug), "slug", slug.Length == 0 ? ErrorCodes.Required : ErrorCodes.InvalidFormat);

        Assert.Equal(before, await _platform.SnapshotAsync(organisationId));
    }

    [Fact]
    public async Task Create_is_refused_when_the_slug_is_too_long()
    {
        var (organisationId, before) = await EmptyOrganisationAsync();

        ResultAssert.FailedOnly(await CreateAsync(organisationId, new string('b', TextLimits.Slug + 1)), "slug", ErrorCodes.TooLong);

        Assert.Equal(before, await _platform.SnapshotAsync(organisationId));
    }

    [Fact]
    public async Task Create_is_refused_when_the_organisation_already_has_the_slug()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        ResultAssert.Succeeded(await CreateAsync(organisation.Id, "bike-lanes"));
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await CreateAsync(organisation.Id, "bike-lanes", LocalizedText.EnFr("Other", "Autre")), "slug", ErrorCodes.Duplicate);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
    }

    [Fact]
    public async Task Create_accepts_a_slug_another_organisation_uses()
    {
        var first = await _platform.CreateOrganisationAsync();
        var second = await _platform.CreateOrganisationAsync();
        ResultAssert.Succeeded(await CreateAsync(first.Id, "bike-lanes"));

        var created = ResultAssert.Succeeded(await CreateAsync(second.Id, "bike-lanes"));

        Assert.Equal(created.Id, (await _platform.Consultations.GetBySlugAsync(second.Id, "bike-lanes"))?.Id);
        Assert.NotEqual(created.Id, (await _platform.Consultations.GetBySlugAsync(first.Id, "bike-lanes"))?.Id);
    }

    [Fact]
    public async Task Create_is_refused_when_the_organisation_is_unknown()
    {
        var unknown = Ids.New();
        ResultAssert.FailedOnly(await CreateAsync(unknown), "organisationId", ErrorCodes.NotFound);
        Assert.Empty(await _platform.Consultations.ListAsync(unknown));
    }

    [Fact]
    public async Task Create_is_refused_when_the_title_is_missing_in_french()
    {
        var (organisationId, before) = await EmptyOrganisationAsync();

        ResultAssert.FailedOnly(await CreateAsync(organisationId, title: new LocalizedText([new("en", "Bike lanes")])), "title.fr", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(organisationId));
    }

    [Fact]
    public async Task Create_is_refused_when_the_title_is_missing_entirely()
    {
        var (organisationId, before) = await EmptyOrganisationAsync();

        ResultAssert.FailedOnly(await CreateAsync(organisationId, title: LocalizedText.Empty), "title", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(organisationId));
    }

    [Fact]
    public async Task Create_is_refused_when_the_title_is_blank_in_english()
    {
        var (organisationId, before) = await EmptyOrganisationAsync();

        ResultAssert.Failed(await CreateAsync(organisationId, title: LocalizedText.EnFr("\t ", "Pistes")), "title.en", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(organisationId));
    }

    [Fact]
    public async Task Create_is_refused_when_a_text_uses_an_unsupported_language()
    {
        var (organisationId, before) = await EmptyOrganisationAsync();
        var summary = new LocalizedText([new("en", "Summary"), new("de", "Zusammenfassung")]);

        ResultAssert.FailedOnly(await CreateAsync(organisationId, summary: summary), "summary.de", ErrorCodes.UnsupportedLanguage);

        Assert.Equal(before, await _platform.SnapshotAsync(organisationId));
    }

    [Theory]
    [InlineData("title", TextLimits.Title)]
    [InlineData("summary", TextLimits.Summary)]
    [InlineData("body", TextLimits.Body)]
    public async Task Create_is_refused_when_a_text_is_one_character_too_long(string field, int limit)
    {
        var (organisationId, before) = await EmptyOrganisationAsync();
        var tooLong = LocalizedText.EnFr("Fine", TestPlatform.Repeat("👍", limit + 1));

        var result = field switch
        {
            "title" => await CreateAsync(organisationId, title: tooLong),
            "summary" => await CreateAsync(organisationId, summary: tooLong),
            _ => await CreateAsync(organisationId, body: tooLong),
        };

        ResultAssert.FailedOnly(result, $"{field}.fr", ErrorCodes.TooLong);
        Assert.Equal(before, await _platform.SnapshotAsync(organisationId));
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Malformed), MemberType = typeof(SampleTexts))]
    public async Task Create_is_refused_when_a_text_has_control_characters_or_broken_unicode(string malformed)
    {
        var text = SampleTexts.MalformedText(malformed);
        var (organisationId, before) = await EmptyOrganisationAsync();

        ResultAssert.FailedOnly(await CreateAsync(organisationId, body: LocalizedText.EnFr(text, "Corps")), "body.en", ErrorCodes.InvalidFormat);

        Assert.Equal(before, await _platform.SnapshotAsync(organisationId));
    }

    [Fact]
    public async Task Create_is_refused_when_the_closing_date_comes_before_the_opening_date()
    {
        var (organisationId, before) = await EmptyOrganisationAsync();

        var result = await CreateAsync(organisationId, opensAt: ManualClock.Start.AddDays(10), closesAt: ManualClock.Start.AddDays(9));

        ResultAssert.FailedOnly(result, "closesAt", ErrorCodes.OutOfRange);
        Assert.Equal(before, await _platform.SnapshotAsync(organisationId));
    }

    [Fact]
    public async Task Create_is_refused_when_the_closing_date_equals_the_opening_date()
    {
        var (organisationId, before) = await EmptyOrganisationAsync();
        var when = ManualClock.Start.AddDays(10);

        ResultAssert.FailedOnly(await CreateAsync(organisationId, opensAt: when, closesAt: when), "closesAt", ErrorCodes.OutOfRange);

        Assert.Equal(before, await _platform.SnapshotAsync(organisationId));
    }

    [Fact]
    public async Task Create_is_refused_when_the_identity_policy_is_not_defined()
    {
        var (organisationId, before) = await EmptyOrganisationAsync();

        ResultAssert.FailedOnly(await CreateAsync(organisationId, policy: (IdentityPolicy)9), "identityPolicy", ErrorCodes.InvalidFormat);

        Assert.Equal(before, await _platform.SnapshotAsync(organisationId));
    }

    [Fact]
    public async Task Create_reports_every_problem_at_once()
    {
        var (organisationId, before) = await EmptyOrganisationAsync();

        var result = await CreateAsync(organisationId, "Bad Slug", new LocalizedText([new("en", "Only English")]),
            opensAt: ManualClock.Start.AddDays(2), closesAt: ManualClock.Start.AddDays(1));

        Assert.Equal(
            [("closesAt", ErrorCodes.OutOfRange), ("slug", ErrorCodes.InvalidFormat), ("title.fr", ErrorCodes.Required)],
            result.Errors.Select(e => (e.Field, e.Code)).OrderBy(e => e.Field, StringComparer.Ordinal));
        Assert.Equal(before, await _platform.SnapshotAsync(organisationId));
    }
}
