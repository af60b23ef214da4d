namespace Engagement.Api.Tests.Durability;

/// <summary>
/// The drills run apart, after the rest of the suite: they keep a host process and several clients busy on both cores,
/// which would starve the browser tests' time limits if they ran beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DrillCollection
{
    public const string Name = "Fault drills";
}
