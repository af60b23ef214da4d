using System.Diagnostics;

namespace Engagement.Api.Tests.Durability;

/// <summary>
/// A tmpfs of a few megabytes mounted on a directory, so a drill can fill the disk a store writes to without touching
/// the machine's own. Mounting needs root (CAP_SYS_ADMIN); <see cref="Capability"/> says whether this machine allows it.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    /// <summary>Null when a tmpfs can be mounted here; otherwise why not, from mount itself.</summary>
    public static string? Capability { get; } = Probe();

    /// <summary>Mounts a tmpfs of this many megabytes on a new directory; fails the test, saying why, when it cannot.</summary>
    public static SmallDisk Mount(string path, int megabytes)
    {
        Directory.CreateDirectory(path);
        if (Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", path) is { } problem)
            throw new Xunit.Sdk.XunitException($"Could not mount a {megabytes} MB tmpfs on {path}: {problem}");
        return new SmallDisk(path);
    }

    /// <summary>Writes a file until the disk refuses more (ENOSPC), down to the last page; returns its size.</summary>
    public long Fill(string fileName)
    {
        var filler = System.IO.Path.Combine(Path, fileName);
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        foreach (var chunk in new[] { 256 * 1024, 4096, 512 })
        {
            var bytes = new byte[chunk];
            while (true)
            {
                try
                {
                    stream.Write(bytes);
                    stream.Flush();
                }
                catch (IOException)
                {
                    // A failed write may have extended the file partly; what remains is the smaller chunks' job.
                    break;
                }
            }
        }
        return stream.Length;
    }

    public void Dispose()
    {
        // Lazy: a process that still holds a file there (a host that was just killed) must not leave the mount behind.
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner takes what is left.
        }
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
            return "mounting a small tmpfs is done with Linux's mount(8)";
        var probe = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "engagement-tests", $"tmpfs-probe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(probe);
        try
        {
            if (Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe) is { } problem)
                return problem;
            Run("umount", probe);
            return null;
        }
        finally
        {
            Directory.Delete(probe);
        }
    }

    /// <summary>Runs a command; null when it succeeded, else what it said.</summary>
    private static string? Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"{command} exited with {process.ExitCode}: {error.Result.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{command} could not be run ({e.Message})";
        }
    }
}

/// <summary>
/// A drill that needs <see cref="SmallDisk"/>. Skipped, saying why, where mounting is not allowed, except under CI=true,
/// where it runs and fails with the reason: in CI the disk-full drill must prove its point, not quietly pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (SmallDisk.Capability is { } problem && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Skip = $"Cannot mount a small tmpfs here ({problem}); the disk-full drill needs root or CAP_SYS_ADMIN (under CI=true it fails instead).";
    }
}
