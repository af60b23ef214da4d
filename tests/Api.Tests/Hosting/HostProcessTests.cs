using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Engagement.Api.Tests.Hosting;

/// <summary>Runs the real host binary as its own process, as `dotnet run --project src/Api` does.</summary>
[Trait("Category", "Process")]
public sealed partial class HostProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_host_starts_with_no_configuration_creates_data_engagement_db_and_logs_its_urls()
    {
        var workDir = Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDir);
        try
        {
            using var host = StartHost(workDir, "--urls", "http://127.0.0.1:0");
            var address = await WaitForServedAddressAsync(host);

            using var http = new HttpClient { BaseAddress = new Uri(address) };
            using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
            Assert.True(File.Exists(Path.Combine(workDir, "data", "engagement.db")));
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(workDir);
        }
    }

    [Fact]
    public async Task The_host_exits_with_code_2_and_names_the_setting_when_configuration_is_invalid()
    {
        var workDir = Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDir);
        try
        {
            using var host = StartHost(workDir, "--urls", "http://127.0.0.1:0", "--Storage:Provider=Cassandra");
            var stderr = host.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(StartTimeout);
            await host.WaitForExitAsync(timeout.Token);

            Assert.Equal(2, host.ExitCode);
            Assert.Contains("Storage:Provider", await stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(workDir, "data", "engagement.db")));
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(workDir);
        }
    }

    [Fact]
    public async Task The_host_exits_with_code_3_saying_so_when_mongo_cannot_be_reached()
    {
        var workDir = Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDir);
        try
        {
            // Port 9 (discard) on loopback: nothing answers, so server selection times out quickly.
            using var host = StartHost(workDir, "--urls", "http://127.0.0.1:0", "--Storage:Provider=Mongo",
                "--ConnectionStrings:Mongo=mongodb://app:s3cret@127.0.0.1:9/engagement?serverSelectionTimeoutMS=500&connectTimeoutMS=500");
            var stderr = host.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(StartTimeout);
            await host.WaitForExitAsync(timeout.Token);

            var message = await stderr;
            Assert.Equal(3, host.ExitCode);
            Assert.Contains("Cannot reach MongoDB at 127.0.0.1:9", message, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings:Mongo", message, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret", message, StringComparison.Ordinal);
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(workDir);
        }
    }

    [Fact]
    public async Task Create_admin_prints_a_one_time_password_that_signs_in()
    {
        var workDir = Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDir);
        try
        {
            using var command = StartHost(workDir, "create-admin", "--email", "Chief@Example.org", "--organisation", "city-hall");
            var output = await command.StandardOutput.ReadToEndAsync();
            await command.WaitForExitAsync();
            Assert.True(command.ExitCode == 0, $"create-admin failed ({command.ExitCode}): {output} {await command.StandardError.ReadToEndAsync()}");
            var password = OneTimePassword().Match(output).Groups[1].Value;

            using var host = StartHost(workDir, "--urls", "http://127.0.0.1:0", "--Seed:DemoData=false");
            using var http = new HttpClient { BaseAddress = new Uri(await WaitForServedAddressAsync(host)) };
            using var signIn = await http.PostAsync(new Uri("/auth/sign-in", UriKind.Relative),
                new StringContent($$"""{"email":"chief@example.org","password":"{{password}}"}""", System.Text.Encoding.UTF8, "application/json"));

            Assert.Equal(System.Net.HttpStatusCode.NoContent, signIn.StatusCode);
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(workDir);
        }
    }

    [Fact]
    public async Task Create_admin_without_an_email_prints_its_usage_and_exits_with_2()
    {
        var workDir = Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDir);
        try
        {
            using var command = StartHost(workDir, "create-admin");
            var error = await command.StandardError.ReadToEndAsync();
            await command.WaitForExitAsync();

            Assert.Equal(2, command.ExitCode);
            Assert.Contains("Usage: create-admin --email", error, StringComparison.Ordinal);
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(workDir);
        }
    }

    [GeneratedRegex(@"One-time password[^:]*: (\S+)")]
    private static partial Regex OneTimePassword();

    private static Process StartHost(string workDir, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Engagement.Api.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // The host must run on its defaults, whatever the test runner's environment says.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Storage__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static async Task<string> WaitForServedAddressAsync(Process host)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (await host.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ServingLine().Match(line) is { Success: true } match)
                return match.Groups[1].Value;
        }
        throw new Xunit.Sdk.XunitException($"The host exited (code {host.ExitCode}) without logging its address: {await host.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex(@"Engagement is serving (http://\S+)")]
    private static partial Regex ServingLine();
}
