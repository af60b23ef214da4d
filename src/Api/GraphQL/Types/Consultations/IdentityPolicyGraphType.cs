using Engagement.Core.Consultations;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Consultations;

/// <summary>Who may take part: anyone with a participant token, or only verified emails.</summary>
internal sealed class IdentityPolicyGraphType : EnumerationGraphType<IdentityPolicy>
{
    public IdentityPolicyGraphType()
    {
        Name = "IdentityPolicy";
    }
}
