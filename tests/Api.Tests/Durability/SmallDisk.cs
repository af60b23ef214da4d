using System.Diagnostics;
using Engagement.Tests.Support;

namespace Engagement.Api.Tests.Durability;

/// <summary>
/// A tmpfs of a few megabytes mounted on a directory, owned by the test's user, so a drill can fill the disk a store
/// writes to without touching the machine's own. Mounting needs root (CAP_SYS_ADMIN), or passwordless sudo as on hosted
/// CI runners; <see cref="Capability"/> says whether this machine allows it.
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
        if (Privileged("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700,uid={Owner.Uid},gid={Owner.Gid}", "tmpfs", path) is { } problem)
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
        Privileged("umount", "-l", Path);
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
            if (Privileged("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe) is { } problem)
                return problem;
            Privileged("umount", probe);
            return null;
        }
        finally
        {
            Directory.Delete(probe);
        }
    }

    // The real user and group of this process, from the kernel's own account of it (read when needed: Linux only).
    private static (string Uid, string Gid) Owner
    {
        get
        {
            var status = File.ReadAllLines("/proc/self/status");
            string Field(string name) => status.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
            return (Field("Uid:"), Field("Gid:"));
        }
    }

    /// <summary>Runs a command as root: directly when this process is root, else through sudo without a password prompt.</summary>
    private static string? Privileged(string command, params string[] args) =>
        Owner.Uid == "0" ? Run(command, args) : Run("sudo", ["-n", command, .. args]);

    /// <summary>Runs a command; null when it succeeded, else what it said.</summary>
    private static string? Run(string command, string[] args)
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
public sealed class SmallDiskFactAttribute() : NeedsFactAttribute(
    SmallDisk.Capability is { } problem ? $"Cannot mount a small tmpfs here ({problem});" : null,
    "the disk-full drill needs root, CAP_SYS_ADMIN or passwordless sudo");
