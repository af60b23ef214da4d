using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Tests.Support;
using Engagement.Core.Widgets;

namespace Engagement.Core.Tests.Widgets;

/// <summary>Changing a key's settings: a null field stays as it is, an empty pattern or language removes it, every change is audited.</summary>
public sealed class UpdateWidgetKeyTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private static readonly LocalizedText Question = LocalizedText.EnFr("Was this page useful?", "Cette page était-elle utile?");

    /// <summary>A key with every optional setting filled in, so a test can see which ones an update leaves alone.</summary>
    private Task<WidgetKey> CreateFullKeyAsync() =>
        _platform.CreateWidgetKeyAsync(
            origins: ["https://www.example.ca", "https://*.example.ca"], pagePattern: "https://www.example.ca/en/*", language: "fr", question: Question,
            showAverage: true);

    private Task<Result<WidgetKey>> UpdateAsync(UpdateWidgetKey.Request request) => _platform.UpdateWidgetKey.ExecuteAsync(request, TestPlatform.Staff);

    private async Task<WidgetKey> StoredAsync(WidgetKey key) => (await _platform.WidgetKeys.GetAsync(key.Id))!;

    /// <summary>This update is refused with this error, and the key, the audit trail and everything else are as they were.</summary>
    private async Task AssertRefusedAsync(Func<WidgetKey, UpdateWidgetKey.Request> request, string field, string code)
    {
        var key = await CreateFullKeyAsync();
        _platform.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = await _platform.SnapshotAsync(key.OrganisationId);

        ResultAssert.FailedOnly(await UpdateAsync(request(key)), field, code);

        Assert.Equal(TestPlatform.Describe(key), TestPlatform.Describe(await StoredAsync(key)));
        Assert.Equal(before, await _platform.SnapshotAsync(key.OrganisationId));
    }

    [Fact]
    public async Task Update_with_only_one_field_changes_that_field_and_leaves_the_others()
    {
        var key = await CreateFullKeyAsync();
        _platform.Clock.Advance(TimeSpan.FromMinutes(10));

        var updated = ResultAssert.Succeeded(await UpdateAsync(new UpdateWidgetKey.Request(key.Id, ShowAverage: false)));

        var expected = key with { ShowAverage = false, UpdatedAt = ManualClock.Start.AddMinutes(10) };
        Assert.Equal(TestPlatform.Describe(expected), TestPlatform.Describe(updated));
        Assert.Equal(TestPlatform.Describe(expected), TestPlatform.Describe(await StoredAsync(key)));
    }

    [Fact]
    public async Task Update_with_every_field_null_changes_no_setting()
    {
        var key = await CreateFullKeyAsync();

        var updated = ResultAssert.Succeeded(await UpdateAsync(new UpdateWidgetKey.Request(key.Id)));

        Assert.Equal(TestPlatform.Describe(key), TestPlatform.Describe(updated));
    }

    [Fact]
    public async Task Update_replaces_the_origins_with_the_normalised_new_ones()
    {
        var key = await CreateFullKeyAsync();

        var updated = ResultAssert.Succeeded(await UpdateAsync(new UpdateWidgetKey.Request(key.Id, ["HTTPS://NEW.EXAMPLE.CA:443/", "https://new.example.ca", "http://localhost:*"])));

        Assert.Equal(["https://new.example.ca", "http://localhost:*"], updated.AllowedOrigins);
        Assert.Equal(updated.AllowedOrigins, (await StoredAsync(key)).AllowedOrigins);
        Assert.Equal(("https://www.example.ca/en/*", "fr"), (updated.PagePattern, updated.Language));
    }

    [Fact]
    public async Task Update_replaces_the_page_pattern_with_the_normalised_new_one()
    {
        var key = await CreateFullKeyAsync();

        var updated = ResultAssert.Succeeded(await UpdateAsync(new UpdateWidgetKey.Request(key.Id, PagePattern: "HTTPS://WWW.EXAMPLE.CA/Fr/*")));

        Assert.Equal("https://www.example.ca/Fr/*", (await StoredAsync(updated)).PagePattern);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Update_with_an_empty_page_pattern_removes_it(string pattern)
    {
        var key = await CreateFullKeyAsync();

        ResultAssert.Succeeded(await UpdateAsync(new UpdateWidgetKey.Request(key.Id, PagePattern: pattern)));

        Assert.Null((await StoredAsync(key)).PagePattern);
    }

    [Fact]
    public async Task Update_with_an_empty_language_removes_it()
    {
        var key = await CreateFullKeyAsync();

        var updated = ResultAssert.Succeeded(await UpdateAsync(new UpdateWidgetKey.Request(key.Id, Language: "")));

        Assert.Null(updated.Language);
        Assert.Null((await StoredAsync(key)).Language);
    }

    [Fact]
    public async Task Update_changes_the_language()
    {
        var key = await CreateFullKeyAsync();

        ResultAssert.Succeeded(await UpdateAsync(new UpdateWidgetKey.Request(key.Id, Language: "en")));

        Assert.Equal("en", (await StoredAsync(key)).Language);
    }

    [Fact]
    public async Task Update_replaces_the_question_wording()
    {
        var key = await CreateFullKeyAsync();
        var wording = LocalizedText.EnFr("Rate us", "Évaluez-nous");

        ResultAssert.Succeeded(await UpdateAsync(new UpdateWidgetKey.Request(key.Id, Question: wording)));

        Assert.Equal(wording, (await StoredAsync(key)).Question);
    }

    [Fact]
    public async Task Update_keeps_the_public_key_service_organisation_enabled_state_and_creation_time()
    {
        var key = await CreateFullKeyAsync();
        var disabled = await _platform.DisableWidgetKeyAsync(key);
        _platform.Clock.Advance(TimeSpan.FromHours(1));

        var updated = ResultAssert.Succeeded(await UpdateAsync(new UpdateWidgetKey.Request(key.Id, ["https://other.example.ca"], ShowAverage: false)));

        var stored = await StoredAsync(key);
        Assert.Equal((key.Key, key.ServiceId, key.OrganisationId, key.CreatedAt), (stored.Key, stored.ServiceId, stored.OrganisationId, stored.CreatedAt));
        Assert.False(stored.Enabled);
        Assert.Equal(ManualClock.Start.AddHours(1), stored.UpdatedAt);
        Assert.Equal(TestPlatform.Describe(stored), TestPlatform.Describe(updated));
        Assert.NotEqual(disabled.UpdatedAt, updated.UpdatedAt);
    }

    [Fact]
    public async Task Update_audits_the_change_with_the_staff_member_who_made_it()
    {
        var key = await CreateFullKeyAsync();
        _platform.Clock.Advance(TimeSpan.FromMinutes(3));

        ResultAssert.Succeeded(await UpdateAsync(new UpdateWidgetKey.Request(key.Id, ShowAverage: false)));

        var entry = Assert.Single(await _platform.AuditTrailAsync(key.OrganisationId, key.Id), e => e.Action == AuditActions.WidgetKeyUpdated);
        Assert.Equal(("widget_key", key.Id, TestPlatform.Staff, ManualClock.Start.AddMinutes(3)), (entry.TargetType, entry.TargetId, entry.Actor, entry.At));
    }

    [Fact]
    public async Task Update_that_changes_nothing_writes_nothing_and_audits_nothing()
    {
        var key = await CreateFullKeyAsync();
        _platform.Clock.Advance(TimeSpan.FromMinutes(3));
        var before = await _platform.SnapshotAsync(key.OrganisationId);

        ResultAssert.Succeeded(await UpdateAsync(new UpdateWidgetKey.Request(key.Id)));
        ResultAssert.Succeeded(await UpdateAsync(new UpdateWidgetKey.Request(key.Id, key.AllowedOrigins, key.PagePattern, key.Question, key.Language, key.ShowAverage)));

        Assert.Equal(before, await _platform.SnapshotAsync(key.OrganisationId));
        Assert.DoesNotContain(await _platform.AuditTrailAsync(key.OrganisationId, key.Id), e => e.Action == AuditActions.WidgetKeyUpdated);
    }

    [Fact]
    public async Task Update_is_refused_when_the_key_is_unknown()
    {
        var unknown = Ids.New();

        ResultAssert.FailedOnly(await UpdateAsync(new UpdateWidgetKey.Request(unknown, ShowAverage: true)), "id", ErrorCodes.NotFound);

        Assert.Null(await _platform.WidgetKeys.GetAsync(unknown));
    }

    [Fact]
    public async Task Update_is_refused_when_the_origins_are_emptied() =>
        await AssertRefusedAsync(k => new UpdateWidgetKey.Request(k.Id, AllowedOrigins: []), "allowedOrigins", ErrorCodes.Required);

    [Fact]
    public async Task Update_is_refused_with_more_than_twenty_origins() =>
        await AssertRefusedAsync(
            k => new UpdateWidgetKey.Request(k.Id, Enumerable.Range(1, WidgetKey.MaxOrigins + 1).Select(i => $"https://s{i}.example.ca").ToList()),
            "allowedOrigins", ErrorCodes.OutOfRange);

    [Theory]
    [InlineData("https://www.example.ca/en")]
    [InlineData("https://*.ca")]
    [InlineData("javascript:alert(1)")]
    public async Task Update_is_refused_when_an_origin_is_not_an_origin_pattern(string origin) =>
        await AssertRefusedAsync(k => new UpdateWidgetKey.Request(k.Id, [TestPlatform.WidgetSite, origin]), "allowedOrigins", ErrorCodes.InvalidFormat);

    [Fact]
    public async Task Update_is_refused_when_the_page_pattern_is_not_an_address_pattern() =>
        await AssertRefusedAsync(k => new UpdateWidgetKey.Request(k.Id, PagePattern: "/en/*"), "pagePattern", ErrorCodes.InvalidFormat);

    [Fact]
    public async Task Update_is_refused_when_the_language_is_not_offered() =>
        await AssertRefusedAsync(k => new UpdateWidgetKey.Request(k.Id, Language: "de"), "language", ErrorCodes.UnsupportedLanguage);

    [Fact]
    public async Task Update_is_refused_when_the_question_is_too_long() =>
        await AssertRefusedAsync(
            k => new UpdateWidgetKey.Request(k.Id, Question: LocalizedText.EnFr("Rate us", new string('q', TextLimits.Title + 1))), "question.fr", ErrorCodes.TooLong);

    [Fact]
    public async Task Update_refuses_a_bad_field_without_applying_the_good_ones()
    {
        var key = await CreateFullKeyAsync();

        var result = await UpdateAsync(new UpdateWidgetKey.Request(key.Id, ["https://other.example.ca"], Language: "xx", ShowAverage: false));

        ResultAssert.FailedOnly(result, "language", ErrorCodes.UnsupportedLanguage);
        Assert.Equal(TestPlatform.Describe(key), TestPlatform.Describe(await StoredAsync(key)));
    }
}
