using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Surveys;
using Engagement.Core.Tests.Support;
using static Engagement.Core.Tests.Support.Questions;

namespace Engagement.Core.Tests.Surveys;

/// <summary>Draft → open → closed, and editing while (and only while) the survey is a draft.</summary>
public sealed class SurveyLifecycleTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private static readonly LocalizedText NewTitle = LocalizedText.EnFr("Revised survey", "Sondage révisé");

    private Task<Result<Survey>> UpdateAsync(Survey survey, IReadOnlyList<Question> questions, LocalizedText? title = null, int? expectedVersion = null,
        IdentityPolicy policy = IdentityPolicy.AnonymousAllowed) =>
        _platform.UpdateSurvey.ExecuteAsync(new UpdateSurvey.Request(survey.Id, title ?? NewTitle, questions, null, policy, expectedVersion), TestPlatform.Staff);

    private Task<Result<Survey>> OpenAsync(string id, int? expectedVersion = null) =>
        _platform.OpenSurvey.ExecuteAsync(new OpenSurvey.Request(id, expectedVersion), TestPlatform.Staff);

    private Task<Result<Survey>> CloseAsync(string id, int? expectedVersion = null) =>
        _platform.CloseSurvey.ExecuteAsync(new CloseSurvey.Request(id, expectedVersion), TestPlatform.Staff);

    [Fact]
    public async Task Update_replaces_the_questions_of_a_draft_and_audits_it()
    {
        var draft = await _platform.CreateDraftSurveyAsync([YesNo("old")]);
        _platform.Clock.Advance(TimeSpan.FromMinutes(2));

        var updated = ResultAssert.Succeeded(await UpdateAsync(draft, [Rating("new"), ShortText("why") with { ShowIf = ShowIfEquals("new", "1") }],
            expectedVersion: 1, policy: IdentityPolicy.VerifiedEmailRequired));

        var stored = await _platform.Surveys.GetAsync(draft.Id);
        Assert.Equal((2, NewTitle, IdentityPolicy.VerifiedEmailRequired), (stored!.Version, stored.Title, stored.IdentityPolicy));
        Assert.Equal(["new", "why"], stored.Questions.Select(q => q.Id));
        Assert.Equal(updated.Version, stored.Version);
        Assert.Equal((draft.Slug, ManualClock.Start, ManualClock.Start.AddMinutes(2)), (stored.Slug, stored.CreatedAt, stored.UpdatedAt));
        Assert.Single(await _platform.AuditTrailAsync(draft.OrganisationId, draft.Id), e => e.Action == AuditActions.SurveyUpdated);
    }

    [Fact]
    public async Task Update_is_refused_once_the_survey_is_open()
    {
        var open = await _platform.CreateOpenSurveyAsync(YesNo("q"));
        var before = await _platform.SnapshotAsync(open.OrganisationId);

        ResultAssert.FailedOnly(await UpdateAsync(open, [Rating("other")]), "surveyId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(open.OrganisationId));
        Assert.Equal("q", Assert.Single((await _platform.Surveys.GetAsync(open.Id))!.Questions).Id);
    }

    [Fact]
    public async Task Update_is_refused_once_the_survey_is_closed()
    {
        var open = await _platform.CreateOpenSurveyAsync(YesNo("q"));
        ResultAssert.Succeeded(await CloseAsync(open.Id));
        var before = await _platform.SnapshotAsync(open.OrganisationId);

        ResultAssert.FailedOnly(await UpdateAsync(open, [Rating("other")]), "surveyId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(open.OrganisationId));
    }

    [Fact]
    public async Task Update_is_refused_when_the_new_questions_break_a_rule()
    {
        var draft = await _platform.CreateDraftSurveyAsync([YesNo("q")]);
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        var result = await UpdateAsync(draft, [YesNo("a"), YesNo("a")]);

        ResultAssert.FailedOnly(result, "questions[1].id", ErrorCodes.Duplicate);
        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Update_is_refused_when_the_title_is_missing_in_french()
    {
        var draft = await _platform.CreateDraftSurveyAsync([YesNo("q")]);
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        ResultAssert.FailedOnly(await UpdateAsync(draft, [YesNo("q")], new LocalizedText([new("en", "Only English")])), "title.fr", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Update_is_refused_when_the_expected_version_is_stale()
    {
        var draft = await _platform.CreateDraftSurveyAsync([YesNo("q")]);
        ResultAssert.Succeeded(await UpdateAsync(draft, [YesNo("first-edit")], expectedVersion: 1));
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        ResultAssert.FailedOnly(await UpdateAsync(draft, [YesNo("second-edit")], expectedVersion: 1), "expectedVersion", ErrorCodes.Conflict);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
        Assert.Equal("first-edit", (await _platform.Surveys.GetAsync(draft.Id))!.Questions[0].Id);
    }

    [Fact]
    public async Task Update_is_refused_when_the_survey_is_unknown()
    {
        var ghost = new Survey
        {
            Id = Ids.New(), OrganisationId = Ids.New(), Slug = "ghost", Title = NewTitle, Status = SurveyStatus.Draft,
            IdentityPolicy = IdentityPolicy.AnonymousAllowed, Questions = [], CreatedAt = ManualClock.Start, UpdatedAt = ManualClock.Start, Version = 1,
        };
        ResultAssert.FailedOnly(await UpdateAsync(ghost, [YesNo("q")]), "surveyId", ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Open_moves_a_draft_to_open_and_audits_it()
    {
        var draft = await _platform.CreateDraftSurveyAsync([YesNo("q")]);

        var opened = ResultAssert.Succeeded(await OpenAsync(draft.Id, expectedVersion: 1));

        Assert.Equal((SurveyStatus.Open, 2), (opened.Status, opened.Version));
        Assert.Equal(SurveyStatus.Open, (await _platform.Surveys.GetAsync(draft.Id))!.Status);
        Assert.Single(await _platform.AuditTrailAsync(draft.OrganisationId, draft.Id), e => e.Action == AuditActions.SurveyOpened);
    }

    [Fact]
    public async Task Open_is_refused_when_the_survey_is_already_open()
    {
        var open = await _platform.CreateOpenSurveyAsync(YesNo("q"));
        var before = await _platform.SnapshotAsync(open.OrganisationId);

        ResultAssert.FailedOnly(await OpenAsync(open.Id), "surveyId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(open.OrganisationId));
    }

    [Fact]
    public async Task Open_is_refused_when_the_survey_is_closed()
    {
        var open = await _platform.CreateOpenSurveyAsync(YesNo("q"));
        ResultAssert.Succeeded(await CloseAsync(open.Id));
        var before = await _platform.SnapshotAsync(open.OrganisationId);

        ResultAssert.FailedOnly(await OpenAsync(open.Id), "surveyId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(open.OrganisationId));
    }

    [Fact]
    public async Task Open_is_refused_when_the_expected_version_is_stale()
    {
        var draft = await _platform.CreateDraftSurveyAsync([YesNo("q")]);
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        ResultAssert.FailedOnly(await OpenAsync(draft.Id, expectedVersion: 7), "expectedVersion", ErrorCodes.Conflict);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Open_is_refused_when_the_survey_is_unknown()
    {
        ResultAssert.FailedOnly(await OpenAsync(Ids.New()), "surveyId", ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Close_moves_an_open_survey_to_closed_and_audits_it()
    {
        var open = await _platform.CreateOpenSurveyAsync(YesNo("q"));

        var closed = ResultAssert.Succeeded(await CloseAsync(open.Id, expectedVersion: open.Version));

        Assert.Equal((SurveyStatus.Closed, open.Version + 1), (closed.Status, closed.Version));
        Assert.Equal(SurveyStatus.Closed, (await _platform.Surveys.GetAsync(open.Id))!.Status);
        Assert.Single(await _platform.AuditTrailAsync(open.OrganisationId, open.Id), e => e.Action == AuditActions.SurveyClosed);
    }

    [Fact]
    public async Task Close_is_refused_when_the_survey_is_a_draft()
    {
        var draft = await _platform.CreateDraftSurveyAsync([YesNo("q")]);
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        ResultAssert.FailedOnly(await CloseAsync(draft.Id), "surveyId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Close_is_refused_when_the_survey_is_already_closed()
    {
        var open = await _platform.CreateOpenSurveyAsync(YesNo("q"));
        ResultAssert.Succeeded(await CloseAsync(open.Id));
        var before = await _platform.SnapshotAsync(open.OrganisationId);

        ResultAssert.FailedOnly(await CloseAsync(open.Id), "surveyId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(open.OrganisationId));
    }

    [Fact]
    public async Task Close_is_refused_when_the_expected_version_is_stale()
    {
        var open = await _platform.CreateOpenSurveyAsync(YesNo("q"));
        var before = await _platform.SnapshotAsync(open.OrganisationId);

        ResultAssert.FailedOnly(await CloseAsync(open.Id, expectedVersion: 1), "expectedVersion", ErrorCodes.Conflict);

        Assert.Equal(before, await _platform.SnapshotAsync(open.OrganisationId));
    }
}
