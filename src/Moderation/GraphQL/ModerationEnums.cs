using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using GraphQL.Types;

namespace Engagement.Moderation.GraphQL;

/// <summary>Where a moderation item stands.</summary>
internal sealed class ModerationItemStatusGraphType : EnumerationGraphType<ModerationItemStatus>
{
    public ModerationItemStatusGraphType() => Name = "ModerationItemStatus";
}

/// <summary>What was decided about an item.</summary>
internal sealed class ModerationDecisionGraphType : EnumerationGraphType<ModerationDecision>
{
    public ModerationDecisionGraphType() => Name = "ModerationDecision";
}

/// <summary>What a moderator does with a claimed item.</summary>
internal sealed class ModerationActionGraphType : EnumerationGraphType<ModerationAction>
{
    public ModerationActionGraphType() => Name = "ModerationAction";
}

/// <summary>Why an item is in the queue.</summary>
internal sealed class ModerationSourceGraphType : EnumerationGraphType<ModerationSource>
{
    public ModerationSourceGraphType() => Name = "ModerationSource";
}

/// <summary>The kind of text an item holds.</summary>
internal sealed class TextKindGraphType : EnumerationGraphType<TextKind>
{
    public TextKindGraphType() => Name = "TextKind";
}

/// <summary>How serious a screening reason is.</summary>
internal sealed class ReasonSeverityGraphType : EnumerationGraphType<ReasonSeverity>
{
    public ReasonSeverityGraphType() => Name = "ReasonSeverity";
}

/// <summary>Blocked terms reject a text, suspect terms hold it.</summary>
internal sealed class TermListKindGraphType : EnumerationGraphType<TermListKind>
{
    public TermListKindGraphType() => Name = "TermListKind";
}

/// <summary>Why screening flagged a text.</summary>
internal sealed class ScreeningReasonGraphType : ObjectGraphType<ScreeningReason>
{
    public ScreeningReasonGraphType()
    {
        Name = "ScreeningReason";
        Field(x => x.Code).Description("A stable code such as pii.email, term.blocked, spam.links.");
        Field<NonNullGraphType<ReasonSeverityGraphType>>("severity").Resolve(ctx => ctx.Source.Severity);
        Field(x => x.Detail);
    }
}

/// <summary>One of an organisation's term lists.</summary>
internal sealed class TermListGraphType : ObjectGraphType<TermList>
{
    public TermListGraphType()
    {
        Name = "TermList";
        Field<NonNullGraphType<TermListKindGraphType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field(x => x.Language);
        Field(x => x.Terms, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
        Field(x => x.UpdatedAt);
        Field(x => x.UpdatedBy);
    }
}

/// <summary>How moderation is going in an organisation.</summary>
internal sealed class ModerationMetricsGraphType : ObjectGraphType<GetModerationMetrics.Metrics>
{
    public ModerationMetricsGraphType()
    {
        Name = "ModerationMetrics";
        Field(x => x.QueueDepth).Description("Items waiting now.");
        Field(x => x.Escalated).Description("Items waiting for an admin now.");
        Field(x => x.Days).Description("The window the other figures cover.");
        Field(x => x.AutomaticallyHeld).Description("Texts screening held for a person in the window.");
        Field(x => x.AutomaticallyRejected).Description("Texts screening refused in the window.");
        Field<NonNullGraphType<IntGraphType>>("approved").Resolve(ctx => ctx.Source.HumanDecisions[ModerationDecision.Approved]);
        Field<NonNullGraphType<IntGraphType>>("rejected").Resolve(ctx => ctx.Source.HumanDecisions[ModerationDecision.Rejected]);
        Field<NonNullGraphType<IntGraphType>>("redactedAndApproved").Resolve(ctx => ctx.Source.HumanDecisions[ModerationDecision.RedactedAndApproved]);
        Field<NonNullGraphType<IntGraphType>>("promoted").Resolve(ctx => ctx.Source.HumanDecisions[ModerationDecision.Promoted]);
        Field<FloatGraphType>("timeToDecisionP50Seconds").Resolve(ctx => ctx.Source.TimeToDecisionSeconds?.P50);
        Field<FloatGraphType>("timeToDecisionP90Seconds").Resolve(ctx => ctx.Source.TimeToDecisionSeconds?.P90);
        Field<FloatGraphType>("timeToDecisionP99Seconds").Resolve(ctx => ctx.Source.TimeToDecisionSeconds?.P99);
        Field(x => x.Truncated).Description($"True when the window held more than {GetModerationMetrics.MaxItems} items and the figures cover the oldest.");
    }
}
