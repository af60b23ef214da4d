using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Consultations;

/// <summary>Editing a consultation while it is a draft or open, guarded by its version.</summary>
public sealed class UpdateConsultationTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private static UpdateConsultation.Request Edit(
        Consultation c, LocalizedText? title = null, LocalizedText? summary = null, LocalizedText? body = null,
        IdentityPolicy? policy = null, DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, int? expectedVersion = null) =>
        new(c.Id, title ?? c.Title, summary ?? c.Summary, body ?? c.Body, policy ?? c.IdentityPolicy, opensAt ?? c.OpensAt, closesAt ?? c.ClosesAt, expectedVersion);

    private Task<Result<Consultation>> UpdateAsync(UpdateConsultation.Request request) =>
        _platform.UpdateConsultation.ExecuteAsync(request, TestPlatform.Staff);

    [Fact]
    public async Task Update_replaces_the_texts_policy_and_dates_of_a_draft_and_audits_it()
    {
        var draft = await _platform.CreateDraftConsultationAsync(complete: false);
        var title = LocalizedText.EnFr("Bike lanes 🚲 on Rue Saint-Denis", "Pistes cyclables 🚲 rue Saint-Denis");
        var summary = new LocalizedText([new("fr", "Résumé seulement en français")]);
        var opensAt = ManualClock.Start.AddDays(3);
        var closesAt = ManualClock.Start.AddDays(40);
        _platform.Clock.Advance(TimeSpan.FromMinutes(5));

        var updated = ResultAssert.Succeeded(await UpdateAsync(
            new UpdateConsultation.Request(draft.Id, title, summary, null, IdentityPolicy.VerifiedEmailRequired, opensAt, closesAt, ExpectedVersion: 1)));

        var stored = await _platform.Consultations.GetAsync(draft.Id);
        Assert.Equal(updated.Version, stored!.Version);
        Assert.Equal(2, stored.Version);
        Assert.Equal((title, summary), (stored.Title, stored.Summary));
        Assert.Empty(stored.Body);
        Assert.Equal((IdentityPolicy.VerifiedEmailRequired, opensAt, closesAt), (stored.IdentityPolicy, stored.OpensAt, stored.ClosesAt));
        Assert.Equal((draft.Slug, draft.OrganisationId, ManualClock.Start), (stored.Slug, stored.OrganisationId, stored.CreatedAt));
        Assert.Equal(ManualClock.Start.AddMinutes(5), stored.UpdatedAt);
        Assert.Equal(ConsultationStatus.Draft, stored.Status);
        Assert.Single(await _platform.AuditTrailAsync(draft.OrganisationId, draft.Id), e => e.Action == AuditActions.ConsultationUpdated);
    }

    [Fact]
    public async Task Update_clears_the_dates_when_none_are_given()
    {
        var draft = await _platform.CreateDraftConsultationAsync(opensAt: ManualClock.Start.AddDays(1), closesAt: ManualClock.Start.AddDays(2));

        ResultAssert.Succeeded(await UpdateAsync(new UpdateConsultation.Request(draft.Id, draft.Title, draft.Summary, draft.Body, draft.IdentityPolicy, null, null)));

        var stored = await _platform.Consultations.GetAsync(draft.Id);
        Assert.Null(stored!.OpensAt);
        Assert.Null(stored.ClosesAt);
    }

    [Fact]
    public async Task Update_of_an_open_consultation_keeps_it_open()
    {
        var open = await _platform.CreateOpenConsultationAsync();
        var body = LocalizedText.EnFr("New body", "Nouveau corps");

        ResultAssert.Succeeded(await UpdateAsync(Edit(open, body: body, expectedVersion: open.Version)));

        var stored = await _platform.Consultations.GetAsync(open.Id);
        Assert.Equal((ConsultationStatus.Open, body, open.Version + 1), (stored!.Status, stored.Body, stored.Version));
    }

    [Fact]
    public async Task Update_of_an_open_consultation_is_refused_when_the_french_summary_is_removed()
    {
        var open = await _platform.CreateOpenConsultationAsync();
        var before = await _platform.SnapshotAsync(open.OrganisationId);

        var result = await UpdateAsync(Edit(open, summary: new LocalizedText([new("en", "English only")])));

        ResultAssert.FailedOnly(result, "summary.fr", ErrorCodes.Required);
        Assert.Equal(before, await _platform.SnapshotAsync(open.OrganisationId));
    }

    [Fact]
    public async Task Update_of_an_open_consultation_is_refused_when_the_closing_date_has_passed()
    {
        var open = await _platform.CreateOpenConsultationAsync();
        var before = await _platform.SnapshotAsync(open.OrganisationId);

        var result = await UpdateAsync(Edit(open, closesAt: _platform.Clock.GetUtcNow().AddMinutes(-1)));

        ResultAssert.FailedOnly(result, "closesAt", ErrorCodes.OutOfRange);
        Assert.Equal(before, await _platform.SnapshotAsync(open.OrganisationId));
    }

    [Fact]
    public async Task Update_is_refused_when_the_consultation_is_closed()
    {
        var closed = await _platform.CreateClosedConsultationAsync();
        var before = await _platform.SnapshotAsync(closed.OrganisationId);

        ResultAssert.FailedOnly(await UpdateAsync(Edit(closed, title: LocalizedText.EnFr("Late", "Tard"))), "consultationId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(closed.OrganisationId));
    }

    [Fact]
    public async Task Update_is_refused_when_the_outcome_is_published()
    {
        var closed = await _platform.CreateClosedConsultationAsync();
        var published = ResultAssert.Succeeded(await _platform.PublishOutcome.ExecuteAsync(
            new PublishOutcome.Request(closed.Id, LocalizedText.EnFr("Done", "Fait")), TestPlatform.Staff));
        var before = await _platform.SnapshotAsync(closed.OrganisationId);

        ResultAssert.FailedOnly(await UpdateAsync(Edit(published, title: LocalizedText.EnFr("Late", "Tard"))), "consultationId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(closed.OrganisationId));
    }

    [Fact]
    public async Task Update_is_refused_with_a_conflict_when_someone_else_changed_it_first()
    {
        var draft = await _platform.CreateDraftConsultationAsync();
        var alice = LocalizedText.EnFr("Alice's title", "Titre d'Alice");
        var bob = LocalizedText.EnFr("Bob's title", "Titre de Bob");
        ResultAssert.Succeeded(await UpdateAsync(Edit(draft, title: alice, expectedVersion: draft.Version)));
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        var result = await UpdateAsync(Edit(draft, title: bob, expectedVersion: draft.Version));

        ResultAssert.FailedOnly(result, "expectedVersion", ErrorCodes.Conflict);
        Assert.Equal(alice, (await _platform.Consultations.GetAsync(draft.Id))!.Title);
        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Update_without_an_expected_version_overwrites_the_latest()
    {
        var draft = await _platform.CreateDraftConsultationAsync();
        ResultAssert.Succeeded(await UpdateAsync(Edit(draft, title: LocalizedText.EnFr("One", "Un"))));

        var second = ResultAssert.Succeeded(await UpdateAsync(Edit(draft, title: LocalizedText.EnFr("Two", "Deux"))));

        Assert.Equal(3, second.Version);
        Assert.Equal("Two", (await _platform.Consultations.GetAsync(draft.Id))!.Title["en"]);
    }

    [Fact]
    public async Task Update_is_refused_when_the_closing_date_comes_before_the_opening_date()
    {
        var draft = await _platform.CreateDraftConsultationAsync();
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        var result = await UpdateAsync(Edit(draft, opensAt: ManualClock.Start.AddDays(5), closesAt: ManualClock.Start.AddDays(4)));

        ResultAssert.FailedOnly(result, "closesAt", ErrorCodes.OutOfRange);
        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Update_is_refused_when_the_identity_policy_is_not_defined()
    {
        var draft = await _platform.CreateDraftConsultationAsync();
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        ResultAssert.FailedOnly(await UpdateAsync(Edit(draft, policy: (IdentityPolicy)(-1))), "identityPolicy", ErrorCodes.InvalidFormat);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Update_is_refused_when_the_title_is_missing_in_french()
    {
        var draft = await _platform.CreateDraftConsultationAsync();
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        ResultAssert.FailedOnly(await UpdateAsync(Edit(draft, title: new LocalizedText([new("en", "Title")]))), "title.fr", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Update_is_refused_when_a_text_uses_an_unsupported_language()
    {
        var draft = await _platform.CreateDraftConsultationAsync();
        var before = await _platform.SnapshotAsync(draft.OrganisationId);
        var body = new LocalizedText([new("en", "Body"), new("fr", "Corps"), new("es", "Cuerpo")]);

        ResultAssert.FailedOnly(await UpdateAsync(Edit(draft, body: body)), "body.es", ErrorCodes.UnsupportedLanguage);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Update_is_refused_when_the_consultation_is_unknown()
    {
        var (title, summary, body) = TestPlatform.CompleteTexts();
        var result = await UpdateAsync(new UpdateConsultation.Request(Ids.New(), title, summary, body, IdentityPolicy.AnonymousAllowed, null, null));
        ResultAssert.FailedOnly(result, "consultationId", ErrorCodes.NotFound);
    }
}
