using Engagement.Core.Common;
using Engagement.Core.Organisations;
using Engagement.Core.Ratings;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Ratings;

/// <summary>Rating a service from the widget: score, comment, page address and language rules.</summary>
public sealed class SubmitRatingTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private Task<Result<ServiceRating>> RateAsync(string serviceId, int score = 4, string language = "en", string? comment = null, string? pageUrl = null, string? participantId = null) =>
        _platform.SubmitRating.ExecuteAsync(new SubmitRating.Request(serviceId, score, language, comment, pageUrl, participantId));

    /// <summary>Rating the service this way is refused with this error, and no rating is stored, no tally moves.</summary>
    private async Task AssertRefusedAsync(Service service, string field, string code, int score = 4, string language = "en", string? comment = null, string? pageUrl = null, string? participantId = null)
    {
        var before = await _platform.SnapshotAsync(service.OrganisationId);

        ResultAssert.FailedOnly(await RateAsync(service.Id, score, language, comment, pageUrl, participantId), field, code);

        Assert.Equal(before, await _platform.SnapshotAsync(service.OrganisationId));
    }

    [Fact]
    public async Task Submit_stores_the_rating_and_moves_the_summary()
    {
        var service = await _platform.CreateServiceAsync();
        var participant = await _platform.RegisterParticipantAsync();
        _platform.Clock.Advance(TimeSpan.FromSeconds(30));

        var rating = ResultAssert.Succeeded(await RateAsync(service.Id, 5, "fr", "Très rapide 👍", "https://example.org/fr/passeport", participant.Id));

        var stored = Assert.Single((await _platform.Ratings.ListAsync(service.Id, PageRequest.First(10))).Items);
        Assert.Equal(rating.Id, stored.Id);
        Assert.Equal((service.Id, service.OrganisationId, 5, "fr"), (stored.ServiceId, stored.OrganisationId, stored.Score, stored.Language));
        Assert.Equal(("Très rapide 👍", "https://example.org/fr/passeport", participant.Id), (stored.Comment, stored.PageUrl, stored.ParticipantId));
        Assert.Equal(ManualClock.Start.AddSeconds(30), stored.CreatedAt);
        var summary = ResultAssert.Succeeded(await _platform.GetRatingSummary.ExecuteAsync(service.Id));
        Assert.Equal((1L, 5.0, 1.0), (summary.Count, summary.Average, summary.Csat));
    }

    [Fact]
    public async Task Submit_accepts_an_anonymous_rating_without_comment_or_page()
    {
        var service = await _platform.CreateServiceAsync();

        ResultAssert.Succeeded(await RateAsync(service.Id, 3));

        var stored = Assert.Single((await _platform.Ratings.ListAsync(service.Id, PageRequest.First(10))).Items);
        Assert.Equal((3, (string?)null, (string?)null, (string?)null), (stored.Score, stored.Comment, stored.PageUrl, stored.ParticipantId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Submit_stores_a_blank_comment_as_no_comment(string comment)
    {
        var service = await _platform.CreateServiceAsync();

        ResultAssert.Succeeded(await RateAsync(service.Id, comment: comment));

        Assert.Null(Assert.Single((await _platform.Ratings.ListAsync(service.Id, PageRequest.First(10))).Items).Comment);
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Unicode), MemberType = typeof(SampleTexts))]
    public async Task Submit_keeps_the_comment_exactly_as_given(string comment)
    {
        var service = await _platform.CreateServiceAsync();

        ResultAssert.Succeeded(await RateAsync(service.Id, comment: comment));

        Assert.Equal(comment, Assert.Single((await _platform.Ratings.ListAsync(service.Id, PageRequest.First(10))).Items).Comment);
    }

    [Fact]
    public async Task Submit_accepts_a_comment_at_the_limit_counting_each_emoji_once()
    {
        var service = await _platform.CreateServiceAsync();

        ResultAssert.Succeeded(await RateAsync(service.Id, comment: TestPlatform.Repeat("🇨🇦", TextLimits.RatingComment)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task Submit_is_refused_when_the_score_is_outside_one_to_five(int score) =>
        await AssertRefusedAsync(await _platform.CreateServiceAsync(), "score", ErrorCodes.OutOfRange, score: score);

    [Fact]
    public async Task Submit_is_refused_when_the_comment_is_too_long() =>
        await AssertRefusedAsync(await _platform.CreateServiceAsync(), "comment", ErrorCodes.TooLong, comment: new string('c', TextLimits.RatingComment + 1));

    [Theory]
    [MemberData(nameof(SampleTexts.Malformed), MemberType = typeof(SampleTexts))]
    public async Task Submit_is_refused_when_the_comment_has_control_characters_or_broken_unicode(string malformed) =>
        await AssertRefusedAsync(await _platform.CreateServiceAsync(), "comment", ErrorCodes.InvalidFormat, comment: SampleTexts.MalformedText(malformed));

    [Theory]
    [InlineData("/fr/passeport")]
    [InlineData("passeport.html")]
    [InlineData("ftp://example.org/page")]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public async Task Submit_is_refused_when_the_page_is_not_an_absolute_web_address(string pageUrl) =>
        await AssertRefusedAsync(await _platform.CreateServiceAsync(), "pageUrl", ErrorCodes.InvalidFormat, pageUrl: pageUrl);

    [Fact]
    public async Task Submit_is_refused_when_the_page_address_is_too_long() =>
        await AssertRefusedAsync(await _platform.CreateServiceAsync(), "pageUrl", ErrorCodes.TooLong,
            pageUrl: "https://example.org/" + new string('p', TextLimits.PageUrl));

    [Theory]
    [InlineData("de", ErrorCodes.UnsupportedLanguage)]
    [InlineData("En", ErrorCodes.UnsupportedLanguage)]
    [InlineData("", ErrorCodes.Required)]
    public async Task Submit_is_refused_when_the_language_is_missing_or_not_offered(string language, string code) =>
        await AssertRefusedAsync(await _platform.CreateServiceAsync(), "language", code, language: language);

    [Fact]
    public async Task Submit_is_refused_when_the_participant_is_unknown() =>
        await AssertRefusedAsync(await _platform.CreateServiceAsync(), "participantId", ErrorCodes.NotFound, participantId: Ids.New());

    [Fact]
    public async Task Submit_is_refused_when_the_service_is_unknown()
    {
        var unknown = Ids.New();

        ResultAssert.FailedOnly(await RateAsync(unknown), "serviceId", ErrorCodes.NotFound);

        Assert.Empty((await _platform.Ratings.ListAsync(unknown, PageRequest.First(10))).Items);
    }

    [Fact]
    public async Task Submit_reports_every_problem_with_the_input_at_once()
    {
        var service = await _platform.CreateServiceAsync();

        var result = await RateAsync(service.Id, 9, "xx", new string('c', TextLimits.RatingComment + 1), "not a url");

        Assert.Equal(
            [("comment", ErrorCodes.TooLong), ("language", ErrorCodes.UnsupportedLanguage), ("pageUrl", ErrorCodes.InvalidFormat), ("score", ErrorCodes.OutOfRange)],
            result.Errors.Select(e => (e.Field, e.Code)).OrderBy(e => e.Field, StringComparer.Ordinal));
    }
}
