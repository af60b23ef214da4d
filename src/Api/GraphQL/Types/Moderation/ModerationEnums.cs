using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Moderation;

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
