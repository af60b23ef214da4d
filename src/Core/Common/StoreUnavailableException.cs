namespace Engagement.Core.Common;

/// <summary>Why the store could not do what was asked: the causes that pass, so the caller may try again.</summary>
public enum StoreUnavailableReason
{
    /// <summary>
    /// The store refused the call for a moment (a write lock held by another process, a cluster electing a new leader, every
    /// connection in use, a server time limit). Nothing was saved.
    /// </summary>
    Busy,

    /// <summary>The disk the store writes to is full. Nothing was saved.</summary>
    Full,

    /// <summary>The store could not be reached, read or written (an I/O or network fault). A write may or may not have been saved.</summary>
    Failing,
}

/// <summary>
/// The store could not serve a call just now. Adapters throw this, never their driver's exception, for conditions that
/// pass (a lock held elsewhere, an election, a full disk, an I/O or network fault), so the API can tell callers to try
/// again instead of reporting a fault of its own; the driver's exception is kept as the inner exception for the log.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException(StoreUnavailableReason reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    public StoreUnavailableReason Reason { get; }

    /// <summary>The store's own unavailability in this exception or any exception it wraps, or null.</summary>
    public static StoreUnavailableException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is StoreUnavailableException unavailable)
                return unavailable;
        }
        return null;
    }
}
