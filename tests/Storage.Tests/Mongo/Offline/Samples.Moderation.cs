using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

public static partial class Samples
{
    public static ModerationItem ModerationItem(ModerationItemStatus status = ModerationItemStatus.Escalated) =>
        Make.ModerationItem("org-1", "c-1", status, createdAt: Make.T0, id: "m-1") with
        {
            ConsultationId = "con-1",
            ClaimedBy = "s-1",
            DecidedBy = "s-2",
            PromotedTo = "b-1",
            Decision = ModerationDecision.Promoted,
        };

    public static TermList TermList() => new()
    {
        OrganisationId = "org-1",
        Kind = TermListKind.Suspect,
        Language = "fr",
        Terms = ["connard", "va te faire « voir »", "🖕", Make.Unicode],
        UpdatedAt = Make.T0,
        UpdatedBy = "staff:s-1",
    };

    [BsonSamples]
    private static IEnumerable<object> Moderation() =>
    [
        ModerationItem(),
        ModerationItem(ModerationItemStatus.Pending) with { Source = ModerationSource.Screening, Reasons = [new ScreeningReason("pii.email", ReasonSeverity.Info, Make.Unicode)] },
        TermList(),
        new CommentReportDocument(new CommentReportKey("c-1", "p-1"), ReportReason.PersonalInformation, Make.T0),
    ];
}
