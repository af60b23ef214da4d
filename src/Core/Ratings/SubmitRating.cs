using Engagement.Core.Common;
using Engagement.Core.Live;
using Engagement.Core.Organisations;
using Engagement.Core.Participants;

namespace Engagement.Core.Ratings;

/// <summary>Records a rating of a service (1–5, optional comment); acknowledged only once it and its tally are durable.</summary>
public sealed class SubmitRating(
    IServiceStore services, IRatingStore ratings, IParticipantStore participants, SupportedLanguages languages, TimeProvider clock,
    ILiveNotifier live) : IUseCase
{
    public sealed record Request(string ServiceId, int Score, string Language, string? Comment = null, string? PageUrl = null, string? ParticipantId = null);

    public async Task<Result<ServiceRating>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var v = new Validator();
        if (request.Score is < 1 or > 5)
            v.Add("score", ErrorCodes.OutOfRange, "Choose a score from 1 to 5.");
        v.Language("language", request.Language, languages);
        v.OptionalText("comment", request.Comment, TextLimits.RatingComment);
        v.OptionalHttpUrl("pageUrl", request.PageUrl);
        if (v.HasErrors)
            return Result<ServiceRating>.Fail(v.Errors);

        var service = await services.GetAsync(request.ServiceId, ct);
        if (service is null)
            return Result<ServiceRating>.Fail("serviceId", ErrorCodes.NotFound, "There is no such service.");
        if (request.ParticipantId is not null && await participants.GetAsync(request.ParticipantId, ct) is null)
            return Result<ServiceRating>.Fail("participantId", ErrorCodes.NotFound, "This participant is not known.");

        var rating = new ServiceRating
        {
            Id = Ids.New(),
            ServiceId = service.Id,
            OrganisationId = service.OrganisationId,
            Score = request.Score,
            Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment,
            PageUrl = request.PageUrl,
            Language = request.Language,
            ParticipantId = request.ParticipantId,
            CreatedAt = clock.GetUtcNow(),
        };
        if (!await ratings.TryAddAsync(rating, ct))
            throw new InvalidOperationException("A freshly generated rating id collided with an existing one.");
        live.Changed(LiveTopic.Service(service.Id));
        return rating;
    }
}
