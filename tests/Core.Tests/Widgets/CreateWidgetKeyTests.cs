using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Tests.Support;
using Engagement.Core.Widgets;

namespace Engagement.Core.Tests.Widgets;

/// <summary>An admin creates a widget key for a service: a fresh public key, normalised origins and pattern, audited.</summary>
public sealed class CreateWidgetKeyTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private static readonly LocalizedText Question = LocalizedText.EnFr("Did you find what you needed?", "Avez-vous trouvé ce qu’il vous fallait?");

    private Task<Result<WidgetKey>> CreateAsync(
        string serviceId, IReadOnlyList<string> origins, string? pagePattern = null, LocalizedText? question = null, string? language = null,
        bool showAverage = false) =>
        _platform.CreateWidgetKey.ExecuteAsync(new CreateWidgetKey.Request(serviceId, origins, pagePattern, question, language, showAverage), TestPlatform.Staff);

    /// <summary>Creating a key this way is refused with this error, and nothing is stored or audited.</summary>
    private async Task AssertRefusedAsync(
        string field, string code, IReadOnlyList<string>? origins = null, string? pagePattern = null, LocalizedText? question = null, string? language = null)
    {
        var service = await _platform.CreateServiceAsync();
        var before = await _platform.SnapshotAsync(service.OrganisationId);

        ResultAssert.FailedOnly(await CreateAsync(service.Id, origins ?? [TestPlatform.WidgetSite], pagePattern, question, language), field, code);

        Assert.Empty(await _platform.WidgetKeys.ListByServiceAsync(service.Id));
        Assert.Equal(before, await _platform.SnapshotAsync(service.OrganisationId));
    }

    [Fact]
    public async Task Create_stores_an_enabled_key_with_a_fresh_public_key_for_the_service()
    {
        var service = await _platform.CreateServiceAsync();
        _platform.Clock.Advance(TimeSpan.FromMinutes(5));

        var key = ResultAssert.Succeeded(await CreateAsync(
            service.Id, ["https://www.example.ca"], "https://www.example.ca/en/services/*", Question, "fr", showAverage: true));

        Assert.Matches($"^wk_[A-Za-z0-9]{{{WidgetKey.KeyLength - WidgetKey.Prefix.Length}}}\\z", key.Key);
        Assert.True(key.Enabled);
        Assert.Equal((service.OrganisationId, service.Id), (key.OrganisationId, key.ServiceId));
        Assert.Equal(["https://www.example.ca"], key.AllowedOrigins);
        Assert.Equal(("https://www.example.ca/en/services/*", Question, "fr", true), (key.PagePattern, key.Question, key.Language, key.ShowAverage));
        Assert.Equal((ManualClock.Start.AddMinutes(5), ManualClock.Start.AddMinutes(5)), (key.CreatedAt, key.UpdatedAt));
    }

    [Fact]
    public async Task Create_stores_the_key_so_it_is_found_by_id_by_public_key_and_by_service()
    {
        var service = await _platform.CreateServiceAsync();

        var key = ResultAssert.Succeeded(await CreateAsync(service.Id, ["https://www.example.ca", "http://localhost:*"], "https://www.example.ca/*", Question, "en"));

        foreach (var stored in new[] { await _platform.WidgetKeys.GetAsync(key.Id), await _platform.WidgetKeys.GetByKeyAsync(key.Key) })
        {
            Assert.NotNull(stored);
            Assert.Equal(TestPlatform.Describe(key), TestPlatform.Describe(stored));
        }
        Assert.Equal([key.Id], (await _platform.WidgetKeys.ListByServiceAsync(service.Id)).Select(k => k.Id));
    }

    [Fact]
    public async Task Create_without_the_optional_settings_has_no_pattern_no_wording_no_language_and_no_average()
    {
        var service = await _platform.CreateServiceAsync();

        var key = ResultAssert.Succeeded(await CreateAsync(service.Id, [TestPlatform.WidgetSite]));

        Assert.Null(key.PagePattern);
        Assert.Empty(key.Question);
        Assert.Null(key.Language);
        Assert.False(key.ShowAverage);
        Assert.Equal("How was your experience?", key.QuestionIn("en"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_treats_a_blank_page_pattern_as_none(string pattern)
    {
        var service = await _platform.CreateServiceAsync();

        Assert.Null(ResultAssert.Succeeded(await CreateAsync(service.Id, [TestPlatform.WidgetSite], pattern)).PagePattern);
    }

    [Fact]
    public async Task Create_normalises_the_origins_and_keeps_each_once_in_the_order_given()
    {
        var service = await _platform.CreateServiceAsync();

        var key = ResultAssert.Succeeded(await CreateAsync(service.Id,
            ["HTTPS://WWW.EXAMPLE.CA:443/", "https://*.Example.ca", "https://www.example.ca", " http://localhost:* ", "https://*.example.ca:443"]));

        Assert.Equal(["https://www.example.ca", "https://*.example.ca", "http://localhost:*"], key.AllowedOrigins);
        Assert.Equal(key.AllowedOrigins, (await _platform.WidgetKeys.GetAsync(key.Id))!.AllowedOrigins);
    }

    [Fact]
    public async Task Create_normalises_the_page_pattern()
    {
        var service = await _platform.CreateServiceAsync();

        var key = ResultAssert.Succeeded(await CreateAsync(service.Id, [TestPlatform.WidgetSite], "  HTTPS://WWW.EXAMPLE.CA:443/En/Services/*  "));

        Assert.Equal("https://www.example.ca/En/Services/*", key.PagePattern);
    }

    [Fact]
    public async Task Create_audits_the_key_with_the_staff_member_who_made_it()
    {
        var service = await _platform.CreateServiceAsync();
        _platform.Clock.Advance(TimeSpan.FromMinutes(1));

        var key = ResultAssert.Succeeded(await CreateAsync(service.Id, [TestPlatform.WidgetSite]));

        var entry = Assert.Single(await _platform.AuditTrailAsync(service.OrganisationId, key.Id));
        Assert.Equal((AuditActions.WidgetKeyCreated, "widget_key", key.Id), (entry.Action, entry.TargetType, entry.TargetId));
        Assert.Equal(TestPlatform.Staff, entry.Actor);
        Assert.Equal(ManualClock.Start.AddMinutes(1), entry.At);
    }

    [Fact]
    public async Task Create_gives_two_keys_of_one_service_different_ids_and_public_keys()
    {
        var service = await _platform.CreateServiceAsync();

        var first = ResultAssert.Succeeded(await CreateAsync(service.Id, [TestPlatform.WidgetSite]));
        _platform.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = ResultAssert.Succeeded(await CreateAsync(service.Id, [TestPlatform.WidgetSite]));

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.Key, second.Key);
        Assert.Equal([first.Id, second.Id], (await _platform.WidgetKeys.ListByServiceAsync(service.Id)).Select(k => k.Id));
    }

    [Fact]
    public async Task Create_accepts_twenty_origins()
    {
        var service = await _platform.CreateServiceAsync();
        var origins = Enumerable.Range(1, WidgetKey.MaxOrigins).Select(i => $"https://site{i}.example.ca").ToList();

        Assert.Equal(origins, ResultAssert.Succeeded(await CreateAsync(service.Id, origins)).AllowedOrigins);
    }

    [Fact]
    public async Task Create_is_refused_without_an_origin() =>
        await AssertRefusedAsync("allowedOrigins", ErrorCodes.Required, origins: []);

    [Fact]
    public async Task Create_is_refused_with_more_than_twenty_origins() =>
        await AssertRefusedAsync("allowedOrigins", ErrorCodes.OutOfRange,
            origins: Enumerable.Range(1, WidgetKey.MaxOrigins + 1).Select(i => $"https://site{i}.example.ca").ToList());

    [Fact]
    public async Task Create_counts_the_origins_given_not_the_distinct_ones()
    {
        await AssertRefusedAsync("allowedOrigins", ErrorCodes.OutOfRange, origins: Enumerable.Repeat(TestPlatform.WidgetSite, WidgetKey.MaxOrigins + 1).ToList());
    }

    [Theory]
    [InlineData("www.example.ca")]
    [InlineData("https://www.example.ca/en")]
    [InlineData("ftp://www.example.ca")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user@www.example.ca")]
    [InlineData("https://*.ca")]
    [InlineData("")]
    [InlineData("null")]
    public async Task Create_is_refused_when_an_origin_is_not_an_origin_pattern(string origin) =>
        await AssertRefusedAsync("allowedOrigins", ErrorCodes.InvalidFormat, origins: [TestPlatform.WidgetSite, origin]);

    [Fact]
    public async Task Create_reports_each_bad_origin()
    {
        var service = await _platform.CreateServiceAsync();

        var result = await CreateAsync(service.Id, ["https://www.example.ca/a", TestPlatform.WidgetSite, "ftp://example.ca"]);

        Assert.Equal(2, result.Errors.Count(e => (e.Field, e.Code) == ("allowedOrigins", ErrorCodes.InvalidFormat)));
    }

    [Theory]
    [InlineData("/en/services/*")]
    [InlineData("https://www.example.ca/en?x=*")]
    [InlineData("ftp://www.example.ca/*")]
    [InlineData("https://www.example.ca/*/*/*/*/*/*/*/*/*")]
    public async Task Create_is_refused_when_the_page_pattern_is_not_an_address_pattern(string pattern) =>
        await AssertRefusedAsync("pagePattern", ErrorCodes.InvalidFormat, pagePattern: pattern);

    [Fact]
    public async Task Create_is_refused_when_the_page_pattern_is_too_long() =>
        await AssertRefusedAsync("pagePattern", ErrorCodes.InvalidFormat, pagePattern: "https://www.example.ca/" + new string('p', WidgetPages.MaxPatternLength));

    [Theory]
    [InlineData("de")]
    [InlineData("EN")]
    [InlineData("english")]
    public async Task Create_is_refused_when_the_language_is_not_offered(string language) =>
        await AssertRefusedAsync("language", ErrorCodes.UnsupportedLanguage, language: language);

    [Fact]
    public async Task Create_is_refused_when_the_question_is_too_long() =>
        await AssertRefusedAsync("question.en", ErrorCodes.TooLong,
            question: LocalizedText.EnFr(new string('q', TextLimits.Title + 1), "Votre avis?"));

    [Fact]
    public async Task Create_is_refused_when_the_question_is_in_a_language_not_offered() =>
        await AssertRefusedAsync("question.de", ErrorCodes.UnsupportedLanguage, question: new LocalizedText([new("de", "Wie war es?")]));

    [Fact]
    public async Task Create_accepts_a_question_in_one_language_only()
    {
        var service = await _platform.CreateServiceAsync();

        var key = ResultAssert.Succeeded(await CreateAsync(service.Id, [TestPlatform.WidgetSite], question: new LocalizedText([new("fr", "Votre avis?")])));

        Assert.Equal(("How was your experience?", "Votre avis?"), (key.QuestionIn("en"), key.QuestionIn("fr")));
    }

    [Fact]
    public async Task Create_reports_every_problem_with_the_input_at_once()
    {
        var service = await _platform.CreateServiceAsync();

        var result = await CreateAsync(service.Id, ["nope"], "nope", LocalizedText.EnFr(new string('q', TextLimits.Title + 1), "?"), "de");

        Assert.Equal(
            [("allowedOrigins", ErrorCodes.InvalidFormat), ("language", ErrorCodes.UnsupportedLanguage), ("pagePattern", ErrorCodes.InvalidFormat), ("question.en", ErrorCodes.TooLong)],
            result.Errors.Select(e => (e.Field, e.Code)).OrderBy(e => e.Field, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_is_refused_when_the_service_is_unknown()
    {
        var unknown = Ids.New();

        ResultAssert.FailedOnly(await CreateAsync(unknown, [TestPlatform.WidgetSite]), "serviceId", ErrorCodes.NotFound);

        Assert.Empty(await _platform.WidgetKeys.ListByServiceAsync(unknown));
    }

    [Fact]
    public async Task Create_makes_a_key_for_one_service_only()
    {
        var service = await _platform.CreateServiceAsync();
        var sibling = await _platform.CreateServiceAsync(service.OrganisationId);

        await _platform.CreateWidgetKeyAsync(service.Id);

        Assert.Single(await _platform.WidgetKeys.ListByServiceAsync(service.Id));
        Assert.Empty(await _platform.WidgetKeys.ListByServiceAsync(sibling.Id));
    }
}
