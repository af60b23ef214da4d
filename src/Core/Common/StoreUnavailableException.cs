namespace Engagement.Core.Common;

/// <summary>Why the store could not do what was asked: the causes that pass, so the caller may try again.</summary>
public enum StoreUnavailableReason
{
    /// <summary>Another process held the store's write lock for longer than the adapter waits. Nothing was saved.</summary>
    Busy,

    /// <summary>The disk the store writes to is full. Nothing was saved.</summary>
    Full,

    /// <summary>The store's files could not be read or written (an I/O error). A write may or may not have been saved.</summary>
    Failing,
}

/// <summary>
/// The store could not serve a call just now. Adapters throw this, never their driver's exception, for conditions that
/// pass (a lock held elsewhere, a full disk, an I/O fault), so the API can tell callers to try again instead of reporting
/// a fault of its own; the driver's exception is kept as the inner exception for the log.
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
