using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Consultations;

/// <summary>Draft → open → closed → outcome published, and every way a step can be refused.</summary>
public sealed class ConsultationLifecycleTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private static readonly LocalizedText Outcome = LocalizedText.EnFr("The lanes will be built in 2031.", "Les pistes seront construites en 2031.");

    private Task<Result<Consultation>> OpenAsync(string id, int? expectedVersion = null) =>
        _platform.OpenConsultation.ExecuteAsync(new OpenConsultation.Request(id, expectedVersion), TestPlatform.Staff);

    private Task<Result<Consultation>> CloseAsync(string id, int? expectedVersion = null) =>
        _platform.CloseConsultation.ExecuteAsync(new CloseConsultation.Request(id, expectedVersion), TestPlatform.Staff);

    private Task<Result<Consultation>> PublishAsync(string id, LocalizedText? outcome = null, int? expectedVersion = null) =>
        _platform.PublishOutcome.ExecuteAsync(new PublishOutcome.Request(id, outcome ?? Outcome, expectedVersion), TestPlatform.Staff);

    private async Task<Consultation> DraftWithAsync(LocalizedText? summary, LocalizedText? body, DateTimeOffset? closesAt = null)
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var (title, _, _) = TestPlatform.CompleteTexts();
        return ResultAssert.Succeeded(await _platform.CreateConsultation.ExecuteAsync(
            new CreateConsultation.Request(organisation.Id, "draft", title, summary, body, ClosesAt: closesAt), TestPlatform.Staff));
    }

    // ---- Open ----

    [Fact]
    public async Task Open_moves_a_complete_draft_to_open_and_audits_it()
    {
        var draft = await _platform.CreateDraftConsultationAsync();
        _platform.Clock.Advance(TimeSpan.FromHours(1));

        var opened = ResultAssert.Succeeded(await OpenAsync(draft.Id, expectedVersion: 1));

        Assert.Equal((ConsultationStatus.Open, 2), (opened.Status, opened.Version));
        var stored = await _platform.Consultations.GetAsync(draft.Id);
        Assert.Equal((ConsultationStatus.Open, 2), (stored!.Status, stored.Version));
        Assert.Equal(ManualClock.Start.AddHours(1), stored.UpdatedAt);
        Assert.Equal(ManualClock.Start, stored.CreatedAt);
        var entry = (await _platform.AuditTrailAsync(draft.OrganisationId, draft.Id)).Single(e => e.Action == AuditActions.ConsultationOpened);
        Assert.Equal((AuditActions.ConsultationOpened, "consultation", TestPlatform.Staff, ManualClock.Start.AddHours(1)),
            (entry.Action, entry.TargetType, entry.Actor, entry.At));
    }

    [Fact]
    public async Task Open_is_refused_when_the_french_summary_is_missing()
    {
        var (_, summary, body) = TestPlatform.CompleteTexts();
        var draft = await DraftWithAsync(new LocalizedText([new("en", summary["en"])]), body);
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        ResultAssert.FailedOnly(await OpenAsync(draft.Id), "summary.fr", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Open_is_refused_when_the_body_is_missing_in_every_language()
    {
        var (_, summary, _) = TestPlatform.CompleteTexts();
        var draft = await DraftWithAsync(summary, null);
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        var result = await OpenAsync(draft.Id);

        ResultAssert.Failed(result, "body", ErrorCodes.Required);
        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Open_is_refused_when_the_english_body_is_blank()
    {
        var (_, summary, body) = TestPlatform.CompleteTexts();
        var draft = await DraftWithAsync(summary, LocalizedText.EnFr("   ", body["fr"]));
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        ResultAssert.Failed(await OpenAsync(draft.Id), "body.en", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Open_is_refused_when_the_closing_date_has_passed()
    {
        var (_, summary, body) = TestPlatform.CompleteTexts();
        var draft = await DraftWithAsync(summary, body, closesAt: ManualClock.Start.AddDays(1));
        _platform.Clock.Advance(TimeSpan.FromDays(1));
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        ResultAssert.FailedOnly(await OpenAsync(draft.Id), "closesAt", ErrorCodes.OutOfRange);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Open_is_refused_when_the_consultation_is_already_open()
    {
        var open = await _platform.CreateOpenConsultationAsync();
        var before = await _platform.SnapshotAsync(open.OrganisationId);

        ResultAssert.FailedOnly(await OpenAsync(open.Id), "consultationId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(open.OrganisationId));
    }

    [Fact]
    public async Task Open_is_refused_when_the_consultation_is_closed()
    {
        var closed = await _platform.CreateClosedConsultationAsync();
        var before = await _platform.SnapshotAsync(closed.OrganisationId);

        ResultAssert.FailedOnly(await OpenAsync(closed.Id), "consultationId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(closed.OrganisationId));
    }

    [Fact]
    public async Task Open_is_refused_when_the_consultation_is_unknown()
    {
        ResultAssert.FailedOnly(await OpenAsync(Ids.New()), "consultationId", ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Open_is_refused_when_the_expected_version_is_stale()
    {
        var draft = await _platform.CreateDraftConsultationAsync();
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        ResultAssert.FailedOnly(await OpenAsync(draft.Id, expectedVersion: 2), "expectedVersion", ErrorCodes.Conflict);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    // ---- Close ----

    [Fact]
    public async Task Close_moves_an_open_consultation_to_closed_and_audits_it()
    {
        var open = await _platform.CreateOpenConsultationAsync();

        var closed = ResultAssert.Succeeded(await CloseAsync(open.Id, expectedVersion: open.Version));

        Assert.Equal((ConsultationStatus.Closed, open.Version + 1), (closed.Status, closed.Version));
        Assert.Equal(ConsultationStatus.Closed, (await _platform.Consultations.GetAsync(open.Id))!.Status);
        Assert.Single(await _platform.AuditTrailAsync(open.OrganisationId, open.Id), e => e.Action == AuditActions.ConsultationClosed);
    }

    [Fact]
    public async Task Close_is_refused_when_the_consultation_is_a_draft()
    {
        var draft = await _platform.CreateDraftConsultationAsync();
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        ResultAssert.FailedOnly(await CloseAsync(draft.Id), "consultationId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Close_is_refused_when_the_consultation_is_already_closed()
    {
        var closed = await _platform.CreateClosedConsultationAsync();
        var before = await _platform.SnapshotAsync(closed.OrganisationId);

        ResultAssert.FailedOnly(await CloseAsync(closed.Id), "consultationId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(closed.OrganisationId));
    }

    [Fact]
    public async Task Close_is_refused_when_the_expected_version_is_stale()
    {
        var open = await _platform.CreateOpenConsultationAsync();
        var before = await _platform.SnapshotAsync(open.OrganisationId);

        ResultAssert.FailedOnly(await CloseAsync(open.Id, expectedVersion: open.Version - 1), "expectedVersion", ErrorCodes.Conflict);

        Assert.Equal(before, await _platform.SnapshotAsync(open.OrganisationId));
    }

    [Fact]
    public async Task Close_is_refused_when_the_consultation_is_unknown()
    {
        ResultAssert.FailedOnly(await CloseAsync(Ids.New()), "consultationId", ErrorCodes.NotFound);
    }

    // ---- Outcome ----

    [Fact]
    public async Task PublishOutcome_publishes_the_outcome_of_a_closed_consultation_and_audits_it()
    {
        var closed = await _platform.CreateClosedConsultationAsync();

        var published = ResultAssert.Succeeded(await PublishAsync(closed.Id, expectedVersion: closed.Version));

        var stored = await _platform.Consultations.GetAsync(closed.Id);
        Assert.Equal((ConsultationStatus.OutcomePublished, Outcome, closed.Version + 1), (stored!.Status, stored.Outcome, stored.Version));
        Assert.Equal(published.Version, stored.Version);
        Assert.Single(await _platform.AuditTrailAsync(closed.OrganisationId, closed.Id), e => e.Action == AuditActions.ConsultationOutcomePublished);
    }

    [Fact]
    public async Task PublishOutcome_corrects_an_outcome_already_published()
    {
        var closed = await _platform.CreateClosedConsultationAsync();
        ResultAssert.Succeeded(await PublishAsync(closed.Id));
        var corrected = LocalizedText.EnFr("Corrected: built in 2032.", "Corrigé : construites en 2032.");

        ResultAssert.Succeeded(await PublishAsync(closed.Id, corrected));

        var stored = await _platform.Consultations.GetAsync(closed.Id);
        Assert.Equal((ConsultationStatus.OutcomePublished, corrected), (stored!.Status, stored.Outcome));
        Assert.Equal(2, (await _platform.AuditTrailAsync(closed.OrganisationId, closed.Id)).Count(e => e.Action == AuditActions.ConsultationOutcomePublished));
    }

    [Fact]
    public async Task PublishOutcome_is_refused_while_the_consultation_is_open()
    {
        var open = await _platform.CreateOpenConsultationAsync();
        var before = await _platform.SnapshotAsync(open.OrganisationId);

        ResultAssert.FailedOnly(await PublishAsync(open.Id), "consultationId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(open.OrganisationId));
    }

    [Fact]
    public async Task PublishOutcome_is_refused_for_a_draft()
    {
        var draft = await _platform.CreateDraftConsultationAsync();
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        ResultAssert.FailedOnly(await PublishAsync(draft.Id), "consultationId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task PublishOutcome_is_refused_when_the_french_outcome_is_missing()
    {
        var closed = await _platform.CreateClosedConsultationAsync();
        var before = await _platform.SnapshotAsync(closed.OrganisationId);

        ResultAssert.FailedOnly(await PublishAsync(closed.Id, new LocalizedText([new("en", "Built in 2031.")])), "outcome.fr", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(closed.OrganisationId));
    }

    [Fact]
    public async Task PublishOutcome_is_refused_when_the_outcome_is_empty()
    {
        var closed = await _platform.CreateClosedConsultationAsync();
        var before = await _platform.SnapshotAsync(closed.OrganisationId);

        ResultAssert.FailedOnly(await PublishAsync(closed.Id, LocalizedText.Empty), "outcome", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(closed.OrganisationId));
    }

    [Fact]
    public async Task PublishOutcome_is_refused_when_the_outcome_is_too_long()
    {
        var closed = await _platform.CreateClosedConsultationAsync();
        var before = await _platform.SnapshotAsync(closed.OrganisationId);

        var result = await PublishAsync(closed.Id, LocalizedText.EnFr(new string('o', TextLimits.Body + 1), "Résultat"));

        ResultAssert.FailedOnly(result, "outcome.en", ErrorCodes.TooLong);
        Assert.Equal(before, await _platform.SnapshotAsync(closed.OrganisationId));
    }

    [Fact]
    public async Task PublishOutcome_is_refused_when_the_expected_version_is_stale()
    {
        var closed = await _platform.CreateClosedConsultationAsync();
        var before = await _platform.SnapshotAsync(closed.OrganisationId);

        ResultAssert.FailedOnly(await PublishAsync(closed.Id, expectedVersion: 1), "expectedVersion", ErrorCodes.Conflict);

        Assert.Equal(before, await _platform.SnapshotAsync(closed.OrganisationId));
    }

    [Fact]
    public async Task PublishOutcome_is_refused_when_the_consultation_is_unknown()
    {
        ResultAssert.FailedOnly(await PublishAsync(Ids.New()), "consultationId", ErrorCodes.NotFound);
    }

    // ---- The whole trail ----

    [Fact]
    public async Task Every_staff_step_of_the_lifecycle_is_in_the_audit_trail_in_order()
    {
        var draft = await _platform.CreateDraftConsultationAsync();
        var id = draft.Id;
        _platform.Clock.Advance(TimeSpan.FromMinutes(1));
        var (title, summary, body) = TestPlatform.CompleteTexts();
        ResultAssert.Succeeded(await _platform.UpdateConsultation.ExecuteAsync(
            new UpdateConsultation.Request(id, title, summary, body, IdentityPolicy.AnonymousAllowed, null, null, 1), TestPlatform.Staff));
        _platform.Clock.Advance(TimeSpan.FromMinutes(1));
        ResultAssert.Succeeded(await OpenAsync(id, 2));
        _platform.Clock.Advance(TimeSpan.FromMinutes(1));
        ResultAssert.Succeeded(await CloseAsync(id, 3));
        _platform.Clock.Advance(TimeSpan.FromMinutes(1));
        var final = ResultAssert.Succeeded(await PublishAsync(id, expectedVersion: 4));

        Assert.Equal(5, final.Version);
        var trail = await _platform.AuditTrailAsync(draft.OrganisationId, id);
        Assert.Equal(
            [AuditActions.ConsultationCreated, AuditActions.ConsultationUpdated, AuditActions.ConsultationOpened,
             AuditActions.ConsultationClosed, AuditActions.ConsultationOutcomePublished],
            trail.Select(e => e.Action));
        Assert.Equal(Enumerable.Range(0, 5).Select(m => ManualClock.Start.AddMinutes(m)), trail.Select(e => e.At));
        Assert.All(trail, e => Assert.Equal((TestPlatform.Staff, "consultation", id, draft.OrganisationId), (e.Actor, e.TargetType, e.TargetId, e.OrganisationId)));
    }
}
