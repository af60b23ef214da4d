using Engagement.Core.Common;

namespace Engagement.Core.Surveys;

/// <summary>Stores survey responses. Every adapter honours the rules stated on each method.</summary>
public interface ISurveyResponseStore
{
    /// <summary>
    /// Adds a response, applies <see cref="SurveyTallies.ForResponse"/> to the survey's tally and stores the
    /// contributor's follow-up address when given, in one commit. Returns false, and changes nothing (no tally moves, no
    /// address kept), when the participant already has a response to this survey, even under concurrent calls, or when
    /// the id is taken.
    /// </summary>
    Task<bool> TryAddAsync(SurveyResponse response, FollowUps.FollowUp? followUp = null, CancellationToken ct = default);

    /// <summary>The participant's response to the survey, or null.</summary>
    Task<SurveyResponse?> GetByParticipantAsync(string surveyId, string participantId, CancellationToken ct = default);

    /// <summary>One page of the survey's responses, oldest first by (submission time, id); Next is null when no item follows.</summary>
    Task<Page<SurveyResponse>> ListAsync(string surveyId, PageRequest page, CancellationToken ct = default);
}
