using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Tallies;

namespace Engagement.Core.Insights;

/// <summary>What a consultation heard in a period: comments and replies received (any status), those published, and their sentiment.</summary>
/// <param name="Start">The period's first day; null (with End) for all time.</param>
public sealed record ConsultationPeriod(DateOnly? Start, DateOnly? End, long Received, long PublishedComments, long PublishedReplies, SentimentMix Sentiment)
{
    public static ConsultationPeriod From(DateOnly? start, DateOnly? end, Tally tally)
    {
        var received = Enum.GetValues<CommentStatus>().Sum(s => tally[CommentTallies.StatusBucket(false, s)] + tally[CommentTallies.StatusBucket(true, s)]);
        return new ConsultationPeriod(start, end, received, tally[CommentTallies.StatusBucket(false, CommentStatus.Published)],
            tally[CommentTallies.StatusBucket(true, CommentStatus.Published)], SentimentMix.From(tally));
    }
}

/// <summary>A consultation's insights: all-time figures and one entry per period of the range.</summary>
/// <param name="Themes">The organisation's latest themes as heard in this consultation, largest first.</param>
public sealed record ConsultationInsights(
    Consultation Consultation, InsightsRange Range, ConsultationPeriod Overall, IReadOnlyList<ConsultationPeriod> Periods, IReadOnlyList<ThemeCount> Themes);

/// <summary>Reads a consultation's insights off its tallies (one for all time, one per day of the range): never the comments themselves.</summary>
public sealed class GetConsultationInsights(IConsultationStore consultations, ITallyStore tallies, IThemeStore themes, TimeProvider clock) : IUseCase
{
    public sealed record Request(string ConsultationId, DateOnly? From, DateOnly? To, InsightsGranularity Granularity);

    public async Task<Result<ConsultationInsights>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var ranged = InsightsRange.Of(request.From, request.To, request.Granularity, TallyScopes.DayOf(clock.GetUtcNow()));
        if (!ranged.Succeeded)
            return Result<ConsultationInsights>.Fail(ranged.Errors);
        var range = ranged.Value;
        if (await consultations.GetAsync(request.ConsultationId, ct) is not { } consultation)
            return Result<ConsultationInsights>.Fail("consultationId", ErrorCodes.NotFound, "There is no such consultation.");
        var overall = await tallies.GetAsync(TallyScopes.Consultation(consultation.Id), ct);
        var periods = await range.ReadAsync(tallies, day => TallyScopes.ConsultationDay(consultation.Id, day), ct);
        return new ConsultationInsights(consultation, range, ConsultationPeriod.From(null, null, overall),
            [.. periods.Select(p => ConsultationPeriod.From(p.Start, p.End, p.Tally))],
            ThemeSnapshot.CountsIn(await themes.GetAsync(consultation.OrganisationId, ct), TallyScopes.Consultation(consultation.Id)));
    }
}
