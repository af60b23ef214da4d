using Engagement.Core.Common;
using Engagement.Core.Moderation;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="ICommentReportStore"/> every adapter honours.</summary>
public abstract class CommentReportStoreContract : StoreContract
{
    private static CommentReport Report(string commentId, ReportReason reason = ReportReason.Spam, DateTimeOffset? at = null, string? participantId = null) => new()
    {
        CommentId = commentId,
        ParticipantId = participantId ?? Ids.New(),
        Reason = reason,
        At = at ?? Make.T0,
    };

    [ContractFact]
    public async Task TryAddAsync_stores_reports_that_CountAsync_counts_by_reason_leaving_out_reasons_nobody_gave()
    {
        var stores = await CreateStoresAsync();
        var commentId = Ids.New();

        Assert.True(await stores.CommentReports.TryAddAsync(Report(commentId, ReportReason.Spam)));
        Assert.True(await stores.CommentReports.TryAddAsync(Report(commentId, ReportReason.PersonalInformation)));
        Assert.True(await stores.CommentReports.TryAddAsync(Report(commentId, ReportReason.Spam)));

        var counts = await stores.CommentReports.CountAsync(commentId, Make.T0);
        Assert.Equal(new Dictionary<ReportReason, int> { [ReportReason.Spam] = 2, [ReportReason.PersonalInformation] = 1 }, counts);
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_participant_already_reported_the_comment_for_any_reason()
    {
        var stores = await CreateStoresAsync();
        var first = Report(Ids.New(), ReportReason.Offensive);
        await stores.CommentReports.TryAddAsync(first);

        Assert.False(await stores.CommentReports.TryAddAsync(first with { At = Make.T0.AddDays(1) }));
        Assert.False(await stores.CommentReports.TryAddAsync(first with { Reason = ReportReason.OffTopic, At = Make.T0.AddDays(2) }));

        Assert.Equal(new Dictionary<ReportReason, int> { [ReportReason.Offensive] = 1 }, await stores.CommentReports.CountAsync(first.CommentId, Make.T0.AddYears(-1)));
    }

    [ContractFact]
    public async Task TryAddAsync_lets_a_participant_report_other_comments_and_others_report_the_same_comment()
    {
        var stores = await CreateStoresAsync();
        var participantId = Ids.New();
        var (a, b) = (Ids.New(), Ids.New());

        Assert.True(await stores.CommentReports.TryAddAsync(Report(a, participantId: participantId)));
        Assert.True(await stores.CommentReports.TryAddAsync(Report(b, participantId: participantId)));
        Assert.True(await stores.CommentReports.TryAddAsync(Report(a)));

        Assert.Equal(2, (await stores.CommentReports.CountAsync(a, Make.T0))[ReportReason.Spam]);
        Assert.Equal(1, (await stores.CommentReports.CountAsync(b, Make.T0))[ReportReason.Spam]);
    }

    [ContractFact]
    public async Task TryAddAsync_accepts_exactly_one_of_many_concurrent_reports_by_the_same_participant()
    {
        var stores = await CreateStoresAsync();
        var (commentId, participantId) = (Ids.New(), Ids.New());
        var reasons = Enum.GetValues<ReportReason>();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => stores.CommentReports.TryAddAsync(Report(commentId, reasons[i % reasons.Length], participantId: participantId)))));

        Assert.Single(results, r => r);
        Assert.Equal(1, (await stores.CommentReports.CountAsync(commentId, Make.T0)).Values.Sum());
    }

    [ContractFact]
    public async Task CountAsync_counts_the_reports_from_the_instant_on_compared_as_instants_not_local_clock_times()
    {
        var stores = await CreateStoresAsync();
        var commentId = Ids.New();
        // 10:00 at UTC+2 is 08:00 UTC: before 09:00 UTC despite the larger clock reading.
        var since = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);
        await stores.CommentReports.TryAddAsync(Report(commentId, ReportReason.Spam, new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.FromHours(2))));
        await stores.CommentReports.TryAddAsync(Report(commentId, ReportReason.Spam, since.AddTicks(-1)));
        await stores.CommentReports.TryAddAsync(Report(commentId, ReportReason.OffTopic, since.ToOffset(TimeSpan.FromHours(-5))));
        await stores.CommentReports.TryAddAsync(Report(commentId, ReportReason.Offensive, since.AddMinutes(1)));

        var counts = await stores.CommentReports.CountAsync(commentId, since);

        Assert.Equal(new Dictionary<ReportReason, int> { [ReportReason.OffTopic] = 1, [ReportReason.Offensive] = 1 }, counts);
        Assert.Equal(4, (await stores.CommentReports.CountAsync(commentId, since.AddDays(-1))).Values.Sum());
        Assert.Empty(await stores.CommentReports.CountAsync(commentId, since.AddHours(1)));
    }

    [ContractFact]
    public async Task CountAsync_returns_an_empty_dictionary_for_a_comment_nobody_reported()
    {
        var stores = await CreateStoresAsync();

        Assert.Empty(await stores.CommentReports.CountAsync(Ids.New(), DateTimeOffset.MinValue));
    }
}
