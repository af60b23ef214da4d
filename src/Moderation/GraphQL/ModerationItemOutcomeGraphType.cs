using Engagement.Core.Moderation;
using GraphQL.Types;

namespace Engagement.Moderation.GraphQL;

/// <summary>What a bulk decision did to one item: decided, or left as it was with the reason why.</summary>
internal sealed class ModerationItemOutcomeGraphType : ObjectGraphType<DecideModerationItems.Outcome>
{
    public ModerationItemOutcomeGraphType()
    {
        Name = "ModerationItemOutcome";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.ItemId);
        Field<NonNullGraphType<BooleanGraphType>>("succeeded").Resolve(ctx => ctx.Source.Succeeded);
        Field<StringGraphType>("code")
            .Description("Why the item was left as it was (NOT_FOUND, INVALID_STATE, CONFLICT…, as in extensions.reason); null on success.")
            .Resolve(ctx => ctx.Source.Error?.Code);
        Field<StringGraphType>("message").Resolve(ctx => ctx.Source.Error?.Message);
    }
}
