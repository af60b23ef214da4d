using System.Globalization;

namespace Engagement.LoadKit;

/// <summary>Figures of a Linux process read from /proc.</summary>
public static class ProcFs
{
    /// <summary>VmRSS and RssAnon of the process, in KiB (from /proc/&lt;pid&gt;/status).</summary>
    public static (long VmRss, long RssAnon) Memory(int pid)
    {
        long rss = 0, anon = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                rss = Kib(line);
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                anon = Kib(line);
        }
        return (rss, anon);

        static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>User + system CPU time of the process so far (utime + stime of /proc/&lt;pid&gt;/stat; 10 ms resolution).</summary>
    public static TimeSpan CpuTime(int pid) => StatCpuTime(File.ReadAllText($"/proc/{pid}/stat"));

    /// <summary>
    /// Idle time so far of the whole machine, all cores together (/proc/stat: idle + iowait). Busy time over a phase is
    /// cores × wall time − idle time: the kernel measures idle time exactly, while its busy counters are sampled at
    /// timer ticks and miss short bursts between idle periods (a server at 1,000 small requests a second is just that).
    /// </summary>
    public static TimeSpan MachineIdleTime()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(cpu[4], CultureInfo.InvariantCulture) + long.Parse(cpu[5], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>
    /// CPU time so far of each of the process's threads whose name starts with <paramref name="threadNamePrefix"/>, by
    /// thread id: the runtime's tiered-compilation thread (".NET Tiered Com"), still busy, means the process is not yet
    /// warm. The runtime ends that thread when idle and starts another, so compare two samples thread by thread
    /// (<see cref="Growth"/>): a sum would drop an ended thread's whole time.
    /// </summary>
    public static IReadOnlyDictionary<int, TimeSpan> ThreadCpuTimes(int pid, string threadNamePrefix)
    {
        var times = new Dictionary<int, TimeSpan>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(threadNamePrefix, StringComparison.Ordinal))
                    times[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = StatCpuTime(File.ReadAllText(Path.Combine(task, "stat")));
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }
        return times;
    }

    /// <summary>CPU time the threads of <paramref name="after"/> took since <paramref name="before"/> (a thread ended in between is not counted).</summary>
    public static TimeSpan Growth(IReadOnlyDictionary<int, TimeSpan> before, IReadOnlyDictionary<int, TimeSpan> after) =>
        after.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Value - before.GetValueOrDefault(t.Key));

    private static TimeSpan StatCpuTime(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat (utime, stime), counted after the command name, in clock ticks (100 a second on Linux).
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>The soft limit on open files of this process ("?" when unreadable).</summary>
    public static string FdLimit()
    {
        try
        {
            return File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3] ?? "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
