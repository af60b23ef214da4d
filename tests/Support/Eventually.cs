using System.Diagnostics;

namespace Engagement.Tests.Support;

/// <summary>Polls for a state that background work reaches in its own time: a tagger, an outbox, a retention job, another node.</summary>
public static class Eventually
{
    /// <summary>
    /// How long a test waits by default. Generous, because a 2-core machine running the whole suite can hold background
    /// work back for many seconds, and a wait that succeeds returns as soon as it does.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Reads until <paramref name="done"/> accepts what was read, and returns that. Fails after <paramref name="within"/>
    /// (else <see cref="Patience"/>), naming the state awaited (<paramref name="what"/>, a clause such as "the tagger has
    /// read the comment") and, through <paramref name="describe"/>, what was last read.
    /// </summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, Func<T, string>? describe = null, TimeSpan? within = null)
    {
        var patience = within ?? Patience;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var value = await read();
            if (done(value))
                return value;
            if (Stopwatch.GetElapsedTime(started) > patience)
                throw new Xunit.Sdk.XunitException(
                    $"Gave up after {patience.TotalSeconds:0.#} s waiting until {what}." + (describe is null ? "" : $" Last read: {describe(value)}"));
            await Task.Delay(Interval);
        }
    }

    /// <summary>Reads until there is a value (not null), and returns it; fails as <see cref="ReadAsync"/> does.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> read, string what, TimeSpan? within = null) where T : class =>
        (await ReadAsync(read, value => value is not null, what, within: within))!;

    /// <summary>Waits until <paramref name="condition"/> holds; fails as <see cref="ReadAsync"/> does.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null) =>
        ReadAsync(condition, holds => holds, what, within: within);

    /// <summary>Waits until <paramref name="condition"/>, read from memory, holds; fails as <see cref="ReadAsync"/> does.</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        ReadAsync(() => Task.FromResult(condition()), holds => holds, what, within: within);
}
