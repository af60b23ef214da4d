using Engagement.Core.Tallies;

namespace Engagement.GraphQL.Batching;

/// <summary>The per-request batches resolvers share; registered scoped.</summary>
public sealed class RequestBatches(ITallyStore tallies)
{
    /// <summary>Tallies by scope: rating summaries of a list of services, comment counts of a list of consultations.</summary>
    public RequestBatch<Tally> Tallies { get; } = new(tallies.GetManyAsync, Tally.Empty);
}
