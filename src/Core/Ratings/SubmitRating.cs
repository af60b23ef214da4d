using Engagement.Core.Common;
using Engagement.Core.FollowUps;
using Engagement.Core.Live;
using Engagement.Core.Moderation;
using Engagement.Core.Organisations;
using Engagement.Core.Participants;
using Engagement.Core.Screening;
using Engagement.Core.Comments;
using Engagement.Core.Widgets;

namespace Engagement.Core.Ratings;

/// <summary>Records a rating of a service (1–5, optional comment); acknowledged only once it and its tally are durable.</summary>
public sealed class SubmitRating(
    IServiceStore services, IRatingStore ratings, IParticipantStore participants, SupportedLanguages languages, TimeProvider clock,
    ITextScreening screening, ModerationQueue queue, FollowUpOptIn followUp, ILiveNotifier live) : IUseCase
{
    /// <summary>
    /// A rating; <paramref name="WidgetKeyId"/> names the widget key it came through, if any. <paramref name="FollowUpEmail"/>,
    /// when given with a comment, is where to say what the comment led to.
    /// </summary>
    public sealed record Request(
        string ServiceId, int Score, string Language, string? Comment = null, string? PageUrl = null, string? ParticipantId = null, string? WidgetKeyId = null,
        string? FollowUpEmail = null);

    public Task<Result<ServiceRating>> ExecuteAsync(Request request, CancellationToken ct = default) => ExecuteAsync(request, null, ct);

    /// <summary>
    /// As <see cref="ExecuteAsync(Request, CancellationToken)"/>, for a caller that already holds the service's
    /// organisation (a widget key names its service, and services are never deleted), so the lookup is skipped.
    /// </summary>
    internal async Task<Result<ServiceRating>> ExecuteAsync(Request request, string? knownOrganisationId, CancellationToken ct)
    {
        var v = new Validator();
        if (request.Score is < 1 or > 5)
            v.Add("score", ErrorCodes.OutOfRange, "Choose a score from 1 to 5.");
        v.Language("language", request.Language, languages);
        v.OptionalText("comment", request.Comment, TextLimits.RatingComment);
        v.OptionalHttpUrl("pageUrl", request.PageUrl);
        FollowUpOptIn.Validate(v, request.FollowUpEmail);
        var page = WidgetPages.Normalise(request.PageUrl);
        if (!v.HasErrors && request.PageUrl is not null && page is null)
            v.Add("pageUrl", ErrorCodes.InvalidFormat, $"Give a full web address (http or https, not IPv6, at most {TextLimits.PageUrl} characters once encoded).");
        if (v.HasErrors)
            return Result<ServiceRating>.Fail(v.Errors);

        var organisationId = knownOrganisationId ?? (await services.GetAsync(request.ServiceId, ct))?.OrganisationId;
        if (organisationId is null)
            return Result<ServiceRating>.Fail("serviceId", ErrorCodes.NotFound, "There is no such service.");
        if (request.ParticipantId is not null && await participants.GetAsync(request.ParticipantId, ct) is null)
            return Result<ServiceRating>.Fail("participantId", ErrorCodes.NotFound, "This participant is not known.");

        // The comment takes the same screening as every public text; a refused comment is dropped, the score still counts.
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment;
        CommentStatus? commentStatus = null;
        ScreeningResult? screened = null;
        if (comment is not null)
        {
            screened = await screening.ScreenAsync(
                new TextToScreen(organisationId, TextKind.RatingComment, comment, request.Language, request.ParticipantId), ct);
            (comment, commentStatus) = screened.Outcome switch
            {
                ScreeningOutcome.Publish => (screened.Text, CommentStatus.Published),
                ScreeningOutcome.Hold => (screened.Text, CommentStatus.Held),
                _ => ((string?)null, (CommentStatus?)CommentStatus.Rejected),
            };
        }

        var rating = new ServiceRating
        {
            Id = Ids.New(),
            ServiceId = request.ServiceId,
            OrganisationId = organisationId,
            Score = request.Score,
            Comment = comment,
            CommentStatus = commentStatus,
            PageUrl = page,
            WidgetKeyId = request.WidgetKeyId,
            Language = request.Language,
            ParticipantId = request.ParticipantId,
            CreatedAt = clock.GetUtcNow(),
        };
        // Only a kept comment can become evidence, so only then is an address worth keeping.
        var wish = commentStatus is CommentStatus.Published or CommentStatus.Held
            ? await followUp.ForAsync(organisationId, ContributionKind.Rating, rating.Id, request.FollowUpEmail, rating.Language, ct)
            : null;
        if (!await ratings.TryAddAsync(rating, wish, ct))
            throw new InvalidOperationException("A freshly generated rating id collided with an existing one.");
        if (commentStatus == CommentStatus.Held)
            await queue.EnqueueHeldAsync(organisationId, TextKind.RatingComment, rating.Id, null, screened!, rating.Language, ct);
        live.Changed(LiveTopic.Service(request.ServiceId));
        return rating;
    }
}
