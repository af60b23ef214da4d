using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Engagement.WidgetLoad;

/// <summary>
/// Sleeps until a <see cref="Stopwatch"/> timestamp with nanosleep(2): Thread.Sleep and Task.Delay round to
/// milliseconds, which would add up to a millisecond of the generator's own lateness to every latency measured from
/// the scheduled send time; nanosleep wakes within the kernel's timer slack (50 µs by default).
/// </summary>
public static class PreciseSleep
{
    public static void Until(long timestamp)
    {
        while (true)
        {
            var remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
                return;
            var ns = (long)(remaining * (1e9 / Stopwatch.Frequency));
            var request = new Timespec { Seconds = ns / 1_000_000_000, Nanoseconds = ns % 1_000_000_000 };
            _ = NanoSleep(ref request, IntPtr.Zero);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the generated marshaller needs unsafe code, and a blittable struct needs none.
    [DllImport("libc", EntryPoint = "nanosleep")]
    private static extern int NanoSleep(ref Timespec request, IntPtr remaining);
}
