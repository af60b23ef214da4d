using Engagement.Core.Audit;
using Engagement.Core.Backlog;
using Engagement.Core.Common;
using Engagement.Core.Insights;
using Engagement.Core.Live;
using Engagement.Core.Screening;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Backlog;

/// <summary>
/// Backlog items: evidence from texts, themes and drift alerts (each record once, other organisations' refused), the
/// status workflow with its public notes, merging duplicates, the priority formula, and impact after shipping.
/// </summary>
public sealed class BacklogTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly Actor Analyst = Actor.Staff("analyst-1");
    private readonly TestPlatform _platform = new(db);

    /// <summary>A published comment insights have read (tagged with a label), in a new organisation's consultation.</summary>
    private async Task<(string OrganisationId, string CommentId)> TaggedCommentAsync(SentimentLabel label, string? organisationId = null)
    {
        var consultation = await _platform.CreateOpenConsultationAsync(organisationId: organisationId ?? (await _platform.CreateOrganisationAsync()).Id);
        var comment = ResultAssert.Succeeded(await _platform.PostComment.ExecuteAsync(new(consultation.Id, (await _platform.RegisterParticipantAsync()).Id, "The ramp at the library is broken.", "en")));
        await _platform.SentimentFeed.SaveTagsAsync([(TextKind.Comment, comment.Id, new SentimentTag(label, 0.9f, 0, 0, 0, "en", SentimentNote.None, "m"))], 1);
        return (consultation.OrganisationId, comment.Id);
    }

    private async Task<BacklogItem> NewItemAsync(string organisationId, params EvidenceRef[] evidence) =>
        ResultAssert.Succeeded(await _platform.CreateBacklogItem.ExecuteAsync(new(organisationId, "Fix the library ramp", "Several people cannot get in.", Evidence: evidence), Analyst));

    [Fact]
    public async Task An_item_is_created_with_its_evidence_counted_once_ranked_and_audited()
    {
        var (organisationId, commentId) = await TaggedCommentAsync(SentimentLabel.Negative);

        var item = await NewItemAsync(organisationId, new EvidenceRef(EvidenceKind.Comment, commentId), new EvidenceRef(EvidenceKind.Comment, commentId));

        var evidence = Assert.Single(item.Evidence);
        Assert.Equal((EvidenceKind.Comment, commentId, 1, 1.0, "The ramp at the library is broken."), (evidence.Kind, evidence.TargetId, evidence.Weight, evidence.NegativeShare, evidence.Excerpt));
        Assert.Equal((BacklogStatus.Proposed, 1.0, 1.0), (item.Status, item.Priority.Volume, item.Priority.NegativeShare));
        // 10 × log2(1 + 1) × (0.5 + 1) × (1 + log10(1 + 0) / 4) = 15.
        Assert.Equal(15, item.Priority.Score);
        Assert.Contains(LiveTopic.Backlog(organisationId), _platform.Live.Raised);
        Assert.Equal(AuditActions.BacklogItemCreated, (await _platform.Audit.ListAsync(organisationId, null, PageRequest.First(10))).Items.First(e => e.TargetId == item.Id).Action);
    }

    [Fact]
    public async Task Evidence_of_another_organisation_or_unknown_is_refused_naming_it()
    {
        var (_, foreignComment) = await TaggedCommentAsync(SentimentLabel.Negative);
        var organisation = await _platform.CreateOrganisationAsync();

        var result = await _platform.CreateBacklogItem.ExecuteAsync(new(organisation.Id, "Title", "", Evidence:
            [new EvidenceRef(EvidenceKind.Comment, foreignComment), new EvidenceRef(EvidenceKind.Theme, "th_nope"), new EvidenceRef(EvidenceKind.DriftAlert, Ids.New())]), Analyst);

        ResultAssert.Failed(result, "evidence.0", ErrorCodes.NotFound);
        ResultAssert.Failed(result, "evidence.1", ErrorCodes.NotFound);
        ResultAssert.Failed(result, "evidence.2", ErrorCodes.NotFound);
        Assert.Empty(await _platform.Backlog.ListAsync(organisation.Id, null, 10));
    }

    [Fact]
    public async Task A_theme_and_a_drift_alert_weigh_as_many_texts_as_they_stand_for()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        await _platform.Themes.SaveAsync(new ThemeSnapshot
        {
            OrganisationId = organisation.Id, RefreshedAt = _platform.Clock.GetUtcNow(), Watermark = 1, TextsRead = 40,
            Themes = [new ThemeSummary("th_snow", "en", ["snow", "plow", "sidewalk"], 40, []) { NegativeShare = 0.75 }],
            ThemeOfText = new Dictionary<string, string>(),
        });
        var alert = new DriftAlert
        {
            Id = Ids.New(), OrganisationId = organisation.Id, Subject = DriftSubject.Theme, SubjectId = "th_snow", Metric = DriftMetric.NegativeShare,
            Day = DateOnly.FromDateTime(_platform.Clock.GetUtcNow().UtcDateTime), Observed = 0.9, Baseline = 0.4, Z = 4.1, RecentCount = 20, RaisedAt = _platform.Clock.GetUtcNow(),
        };
        await _platform.DriftAlerts.TryAddAsync(alert, []);

        var item = await NewItemAsync(organisation.Id, new EvidenceRef(EvidenceKind.Theme, "th_snow"), new EvidenceRef(EvidenceKind.DriftAlert, alert.Id));

        Assert.Equal([(EvidenceKind.Theme, 40, (double?)0.75, "snow · plow · sidewalk"), (EvidenceKind.DriftAlert, 20, 0.9, "Theme NegativeShare: 0.9 against 0.4")],
            item.Evidence.Select(e => (e.Kind, e.Weight, e.NegativeShare, e.Excerpt)));
        Assert.Equal((60, 0.8), (item.Priority.Volume, item.Priority.NegativeShare));
    }

    [Fact]
    public async Task Status_moves_along_the_workflow_with_a_public_note_to_close_and_never_back()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var item = await NewItemAsync(organisation.Id);
        Task<Result<BacklogItem>> MoveAsync(BacklogStatus status, string? note = null) =>
            _platform.ChangeBacklogStatus.ExecuteAsync(new(item.Id, organisation.Id, status, note), Analyst);

        ResultAssert.Failed(await MoveAsync(BacklogStatus.Shipped, "Done."), "status", ErrorCodes.InvalidState);
        ResultAssert.Succeeded(await MoveAsync(BacklogStatus.Accepted));
        ResultAssert.Succeeded(await MoveAsync(BacklogStatus.InProgress));
        ResultAssert.Failed(await MoveAsync(BacklogStatus.Shipped), "publicNote", ErrorCodes.Required);
        var shipped = ResultAssert.Succeeded(await MoveAsync(BacklogStatus.Shipped, "You said the ramp was broken; we rebuilt it in May."));
        ResultAssert.Failed(await MoveAsync(BacklogStatus.Declined, "Too late."), "status", ErrorCodes.InvalidState);
        ResultAssert.Failed(await _platform.ChangeBacklogStatus.ExecuteAsync(new(item.Id, Ids.New(), BacklogStatus.Declined, "x"), Analyst), "id", ErrorCodes.NotFound);

        Assert.Equal((BacklogStatus.Shipped, "You said the ramp was broken; we rebuilt it in May.", _platform.Clock.GetUtcNow()), (shipped.Status, shipped.PublicNote, shipped.ShippedAt));
        var moves = (await _platform.Audit.ListAsync(organisation.Id, null, PageRequest.First(20))).Items
            .Where(e => e.Action == AuditActions.BacklogStatusChanged).Select(e => e.Detail).ToList();
        Assert.Equal(["Proposed -> Accepted", "Accepted -> InProgress", "InProgress -> Shipped"], moves);
    }

    [Fact]
    public async Task Merging_combines_the_evidence_once_and_takes_the_duplicate_off_the_board()
    {
        var (organisationId, first) = await TaggedCommentAsync(SentimentLabel.Negative);
        var (_, second) = await TaggedCommentAsync(SentimentLabel.Neutral, organisationId);
        var target = await NewItemAsync(organisationId, new EvidenceRef(EvidenceKind.Comment, first));
        var duplicate = await NewItemAsync(organisationId, new EvidenceRef(EvidenceKind.Comment, first), new EvidenceRef(EvidenceKind.Comment, second));

        var merged = ResultAssert.Succeeded(await _platform.MergeBacklogItems.ExecuteAsync(new(organisationId, target.Id, duplicate.Id), Analyst));

        Assert.Equal([first, second], merged.Evidence.Select(e => e.TargetId));
        Assert.Equal(0.5, merged.Priority.NegativeShare);
        Assert.Equal(target.Id, (await _platform.Backlog.GetAsync(duplicate.Id))!.MergedInto);
        Assert.Equal([target.Id], (await _platform.ListBacklog.ExecuteAsync(organisationId, null)).Select(i => i.Id));
        ResultAssert.Failed(await _platform.MergeBacklogItems.ExecuteAsync(new(organisationId, target.Id, duplicate.Id), Analyst), "duplicateId", ErrorCodes.InvalidState);
        ResultAssert.Failed(await _platform.MergeBacklogItems.ExecuteAsync(new(organisationId, target.Id, target.Id), Analyst), "duplicateId", ErrorCodes.Conflict);
    }

    [Fact]
    public async Task Priority_ranks_more_recent_negative_evidence_higher_and_decays_with_age()
    {
        var (organisationId, negative) = await TaggedCommentAsync(SentimentLabel.Negative);
        var (_, positive) = await TaggedCommentAsync(SentimentLabel.Positive, organisationId);
        var complaint = await NewItemAsync(organisationId, new EvidenceRef(EvidenceKind.Comment, negative));
        var praise = await NewItemAsync(organisationId, new EvidenceRef(EvidenceKind.Comment, positive));

        Assert.Equal([complaint.Id, praise.Id], (await _platform.ListBacklog.ExecuteAsync(organisationId, null)).Select(i => i.Id));
        _platform.Clock.Advance(TimeSpan.FromDays(BacklogPriority.HalfLifeDays));
        var aged = (await _platform.ListBacklog.ExecuteAsync(organisationId, null)).Single(i => i.Id == complaint.Id);
        Assert.Equal(0.5, aged.Priority.RecentVolume);
        Assert.True(aged.Priority.Score < complaint.Priority.Score);
    }

    [Fact]
    public async Task A_shipped_item_shows_its_services_satisfaction_before_and_after()
    {
        var service = await _platform.CreateServiceAsync();
        foreach (var score in new[] { 1, 2, 5 })
            await _platform.SubmitRating.ExecuteAsync(new(service.Id, score, "en"));
        var item = ResultAssert.Succeeded(await _platform.CreateBacklogItem.ExecuteAsync(new(service.OrganisationId, "Shorter queue", "", ServiceId: service.Id), Analyst));
        _platform.Clock.Advance(TimeSpan.FromDays(1));
        foreach (var status in new[] { BacklogStatus.Accepted, BacklogStatus.InProgress })
            await _platform.ChangeBacklogStatus.ExecuteAsync(new(item.Id, service.OrganisationId, status), Analyst);
        var shipped = ResultAssert.Succeeded(await _platform.ChangeBacklogStatus.ExecuteAsync(new(item.Id, service.OrganisationId, BacklogStatus.Shipped, "We added a second counter."), Analyst));
        foreach (var score in new[] { 5, 4 })
            await _platform.SubmitRating.ExecuteAsync(new(service.Id, score, "en"));

        var impact = await _platform.GetBacklogImpact.ExecuteAsync(shipped);

        Assert.NotNull(impact);
        Assert.Equal((3L, 1.0 / 3), (impact.Before.Count, impact.Before.Csat!.Value));
        Assert.Equal((2L, 1.0), (impact.After.Count, impact.After.Csat!.Value));
        Assert.Null(await _platform.GetBacklogImpact.ExecuteAsync(item));
    }
}
