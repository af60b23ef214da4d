using Engagement.Core.Consultations;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Consultations;

/// <summary>The lifecycle of a consultation.</summary>
internal sealed class ConsultationStatusGraphType : EnumerationGraphType<ConsultationStatus>
{
    public ConsultationStatusGraphType()
    {
        Name = "ConsultationStatus";
    }
}
