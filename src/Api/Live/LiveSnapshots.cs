using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Live;
using Engagement.Core.Moderation;
using Engagement.Core.Organisations;
using Engagement.Core.Ratings;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;

namespace Engagement.Api.Live;

/// <summary>What viewers of a consultation see move: published comment and reply counts, and the reactions on the first page of comments.</summary>
public sealed record ConsultationSnapshot(string ConsultationId, long Comments, long Replies, IReadOnlyList<CommentReactions> FirstPage);

/// <summary>A published comment's agree and disagree counts.</summary>
public sealed record CommentReactions(string CommentId, long Agree, long Disagree);

/// <summary>
/// What staff watching an organisation's moderation queue see: comments and replies held for review, summed over
/// the organisation's consultations from their tallies, and the moderation queue's pending and escalated items.
/// </summary>
public sealed record ModerationQueueSnapshot(string OrganisationId, long HeldComments, long HeldReplies, int Pending, int Escalated);

/// <summary>What staff watching an organisation's backlog board see move: the board's items in priority order (id, status, score).</summary>
public sealed record BacklogSnapshot(string OrganisationId, IReadOnlyList<BacklogCard> Items);

/// <summary>One item as the board shows it live.</summary>
public sealed record BacklogCard(string Id, string Title, Core.Backlog.BacklogStatus Status, double Score, int Evidence);

/// <summary>
/// Reads the current snapshot of a live topic off the tallies, so a push costs a few store calls whatever the
/// number of writes behind it. A survey's snapshot is its <see cref="GetSurveyResults.Results"/>, a service's its
/// <see cref="RatingSummary"/>. Null when the topic's consultation, survey, service or organisation does not exist.
/// </summary>
public sealed class LiveSnapshots(
    IConsultationStore consultations, ICommentStore comments, ISurveyStore surveys, IServiceStore services, IOrganisationStore organisations,
    ITallyStore tallies, IModerationItemStore moderationItems, Core.Backlog.IBacklogStore backlogItems, Core.Backlog.BacklogPriority priority)
{
    /// <summary>As many comments as the first page of a consultation's comments shows by default.</summary>
    public const int FirstPageSize = 20;

    public async Task<object?> ReadAsync(LiveTopic topic, CancellationToken ct) => topic.Kind switch
    {
        LiveTopicKind.Consultation => await ConsultationAsync(topic.Id, ct),
        LiveTopicKind.Survey => await SurveyAsync(topic.Id, ct),
        LiveTopicKind.Service => await ServiceAsync(topic.Id, ct),
        LiveTopicKind.ModerationQueue => await ModerationQueueAsync(topic.Id, ct),
        LiveTopicKind.Backlog => await BacklogAsync(topic.Id, ct),
        _ => null,
    };

    public async Task<ConsultationSnapshot?> ConsultationAsync(string consultationId, CancellationToken ct)
    {
        var consultation = await consultations.GetAsync(consultationId, ct);
        // Drafts are staff-only: a citizen must not learn one exists by watching it.
        if (consultation is null || consultation.Status == ConsultationStatus.Draft)
            return null;
        var page = await comments.ListTopLevelAsync(consultation.Id, CommentStatus.Published, PageRequest.First(FirstPageSize), ct);
        var scopes = page.Items.Select(c => TallyScopes.Comment(c.Id)).Append(TallyScopes.Consultation(consultation.Id)).ToArray();
        var counts = await tallies.GetManyAsync(scopes, ct);
        var own = counts[TallyScopes.Consultation(consultation.Id)];
        var firstPage = page.Items.Select(c =>
        {
            var tally = counts[TallyScopes.Comment(c.Id)];
            return new CommentReactions(c.Id, tally[CommentTallies.Agree], tally[CommentTallies.Disagree]);
        }).ToArray();
        return new ConsultationSnapshot(consultation.Id,
            own[CommentTallies.StatusBucket(false, CommentStatus.Published)], own[CommentTallies.StatusBucket(true, CommentStatus.Published)], firstPage);
    }

    public async Task<GetSurveyResults.Results?> SurveyAsync(string surveyId, CancellationToken ct)
    {
        var survey = await surveys.GetAsync(surveyId, ct);
        if (survey is null || survey.Status == SurveyStatus.Draft)
            return null;
        return GetSurveyResults.From(survey, await tallies.GetAsync(TallyScopes.Survey(survey.Id), ct));
    }

    public async Task<RatingSummary?> ServiceAsync(string serviceId, CancellationToken ct)
    {
        if (await services.GetAsync(serviceId, ct) is null)
            return null;
        return RatingSummary.From(serviceId, await tallies.GetAsync(TallyScopes.Service(serviceId), ct));
    }

    public async Task<ModerationQueueSnapshot?> ModerationQueueAsync(string organisationId, CancellationToken ct)
    {
        if (await organisations.GetAsync(organisationId, ct) is null)
            return null;
        var all = await consultations.ListAsync(organisationId, ct: ct);
        var pending = await moderationItems.CountAsync(organisationId, ModerationItemStatus.Pending, ct);
        var escalated = await moderationItems.CountAsync(organisationId, ModerationItemStatus.Escalated, ct);
        if (all.Count == 0)
            return new ModerationQueueSnapshot(organisationId, 0, 0, pending, escalated);
        var counts = await tallies.GetManyAsync(all.Select(c => TallyScopes.Consultation(c.Id)).ToArray(), ct);
        return new ModerationQueueSnapshot(organisationId,
            counts.Values.Sum(t => t[CommentTallies.StatusBucket(false, CommentStatus.Held)]),
            counts.Values.Sum(t => t[CommentTallies.StatusBucket(true, CommentStatus.Held)]),
            pending, escalated);
    }

    public async Task<BacklogSnapshot?> BacklogAsync(string organisationId, CancellationToken ct)
    {
        if (await organisations.GetAsync(organisationId, ct) is null)
            return null;
        var items = await new Core.Backlog.ListBacklog(backlogItems, priority).ExecuteAsync(organisationId, null, ct);
        return new BacklogSnapshot(organisationId, [.. items.Select(i => new BacklogCard(i.Id, i.Title, i.Status, i.Priority.Score, i.Evidence.Count))]);
    }
}
