using Engagement.Core.Moderation;
using GraphQL.Types;

namespace Engagement.Moderation.GraphQL;

/// <summary>A text waiting for (or having had) a moderator's decision, with every reason it is there.</summary>
internal sealed class ModerationItemGraphType : ObjectGraphType<ModerationItem>
{
    public ModerationItemGraphType()
    {
        Name = "ModerationItem";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<TextKindGraphType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field(x => x.TargetId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The comment's or rating's id.");
        Field(x => x.ConsultationId, type: typeof(IdGraphType));
        Field(x => x.Text).Description("As stored: personal information already masked.");
        Field(x => x.Language);
        Field<NonNullGraphType<ModerationSourceGraphType>>("source").Resolve(ctx => ctx.Source.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScreeningReasonGraphType>>>>("reasons").Resolve(ctx => ctx.Source.Reasons);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportCountGraphType>>>>("reports")
            .Description("Citizens' reports of the text by reason, in the order of ReportReason; reasons nobody gave are left out.")
            .Resolve(ctx => Enum.GetValues<ReportReason>()
                .Where(r => ctx.Source.Reports.GetValueOrDefault(r.Key()) > 0)
                .Select(r => new KeyValuePair<ReportReason, int>(r, ctx.Source.Reports[r.Key()]))
                .ToList());
        Field(x => x.Risk);
        Field(x => x.Reach);
        Field(x => x.Priority).Description("Risk times ten plus reach (capped at 100); the queue is ordered by it, then by age.");
        Field<NonNullGraphType<ModerationItemStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status);
        Field(x => x.ClaimedBy, nullable: true);
        Field(x => x.ClaimedUntil, nullable: true);
        Field<ModerationDecisionGraphType>("decision").Resolve(ctx => ctx.Source.Decision);
        Field(x => x.DecisionReason, nullable: true);
        Field<IdGraphType>("promotedTo").Description("The backlog item a promoted text became evidence for.").Resolve(ctx => ctx.Source.PromotedTo);
        Field(x => x.DecidedBy, nullable: true);
        Field(x => x.DecidedAt, nullable: true);
        Field(x => x.CreatedAt);
    }
}
