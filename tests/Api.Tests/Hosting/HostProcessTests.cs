using System.Text.RegularExpressions;

namespace Engagement.Api.Tests.Hosting;

/// <summary>Runs the real host binary as its own process, as `dotnet run --project src/Api` does.</summary>
[Trait("Category", "Process")]
public sealed partial class HostProcessTests
{
    [Fact]
    public async Task The_host_starts_with_no_configuration_creates_data_engagement_db_and_logs_its_urls()
    {
        var workDir = NewWorkDirectory();
        try
        {
            using var host = HostProcess.Start(workDir, "--urls", "http://127.0.0.1:0");
            using var http = new HttpClient { BaseAddress = await host.WaitUntilServingAsync() };
            using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
            Assert.True(File.Exists(Path.Combine(workDir, "data", "engagement.db")));
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(workDir);
        }
    }

    [Fact]
    public async Task The_host_exits_with_code_2_and_names_the_setting_when_configuration_is_invalid()
    {
        var workDir = NewWorkDirectory();
        try
        {
            using var host = HostProcess.Start(workDir, "--urls", "http://127.0.0.1:0", "--Storage:Provider=Cassandra");

            Assert.Equal(2, await host.WaitForExitAsync());
            Assert.Contains("Storage:Provider", host.LastOutput, StringComparison.Ordinal);
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
        var workDir = NewWorkDirectory();
        try
        {
            // Port 9 (discard) on loopback: nothing answers, so server selection times out quickly.
            using var host = HostProcess.Start(workDir, "--urls", "http://127.0.0.1:0", "--Storage:Provider=Mongo",
                "--ConnectionStrings:Mongo=mongodb://app:s3cret@127.0.0.1:9/engagement?serverSelectionTimeoutMS=500&connectTimeoutMS=500");

            Assert.Equal(3, await host.WaitForExitAsync());
            Assert.Contains("Cannot reach MongoDB at 127.0.0.1:9", host.LastOutput, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings:Mongo", host.LastOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret", host.LastOutput, StringComparison.Ordinal);
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(workDir);
        }
    }

    [Fact]
    public async Task Create_admin_prints_a_one_time_password_that_signs_in()
    {
        var workDir = NewWorkDirectory();
        try
        {
            using var command = HostProcess.Start(workDir, "create-admin", "--email", "Chief@Example.org", "--organisation", "city-hall");
            var exitCode = await command.WaitForExitAsync();
            Assert.True(exitCode == 0, $"create-admin failed ({exitCode}): {command.LastOutput}");
            var password = OneTimePassword().Match(command.LastOutput).Groups[1].Value;

            using var host = HostProcess.Start(workDir, "--urls", "http://127.0.0.1:0", "--Seed:DemoData=false");
            using var http = new HttpClient { BaseAddress = await host.WaitUntilServingAsync() };
            using var signIn = await http.PostAsync(new Uri("/auth/sign-in", UriKind.Relative),
                new StringContent($$"""{"email":"chief@example.org","password":"{{password}}"}""", System.Text.Encoding.UTF8, "application/json"));

            Assert.Equal(System.Net.HttpStatusCode.NoContent, signIn.StatusCode);
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(workDir);
        }
    }

    [Fact]
    public async Task Create_admin_without_an_email_prints_its_usage_and_exits_with_2()
    {
        var workDir = NewWorkDirectory();
        try
        {
            using var command = HostProcess.Start(workDir, "create-admin");

            Assert.Equal(2, await command.WaitForExitAsync());
            Assert.Contains("Usage: create-admin --email", command.LastOutput, StringComparison.Ordinal);
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(workDir);
        }
    }

    [GeneratedRegex(@"One-time password[^:]*: (\S+)")]
    private static partial Regex OneTimePassword();

    private static string NewWorkDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
