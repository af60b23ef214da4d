using System.Diagnostics;
using System.Text.Json;

namespace Engagement.Web.Tests;

/// <summary>Runs a harness script in Node (which building src/Web already needs for npm) and reads the JSON it prints.</summary>
internal static class NodeScript
{
    /// <summary>Runs <paramref name="script"/> with <c>node -e</c> and the given environment; fails the test unless it exits 0.</summary>
    public static JsonElement Run(string script, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var node = Start(start);
        var stderr = node.StandardError.ReadToEndAsync();
        var stdout = node.StandardOutput.ReadToEnd();
        Assert.True(node.WaitForExit(TimeSpan.FromSeconds(30)), "node did not finish within 30 s.");
        Assert.True(node.ExitCode == 0, $"node exited with {node.ExitCode}: {stderr.Result}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node was not found on PATH: building src/Web needs Node.js 20 or later, and so do these tests.", e);
        }
    }
}
