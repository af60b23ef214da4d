namespace Engagement.Core.Tests.Support;

/// <summary>A clock the test sets by hand; the BCL has no fake time provider in this build.</summary>
public sealed class ManualClock : TimeProvider
{
    /// <summary>A fixed, unremarkable instant every test starts from.</summary>
    public static readonly DateTimeOffset Start = new(2030, 3, 14, 9, 0, 0, TimeSpan.Zero);

    public DateTimeOffset UtcNow { get; set; } = Start;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public void Advance(TimeSpan by) => UtcNow += by;
}
