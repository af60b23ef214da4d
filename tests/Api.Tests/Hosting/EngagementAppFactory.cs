using Engagement.Api.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Api.Tests.Hosting;

/// <summary>
/// The host under test on its own temporary data directory, with settings overridable per test and intent
/// methods for what tests need from inside the host.
/// </summary>
public sealed class EngagementAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = [];
    private readonly List<Action<IServiceCollection>> _serviceOverrides = [];

    public EngagementAppFactory(string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        OwnsDataDirectory = dataDirectory is null;
        DatabasePath = Path.Combine(DataDirectory, "engagement.db");
        _settings["Storage:Sqlite:Path"] = DatabasePath;
    }

    public string DataDirectory { get; }

    public string DatabasePath { get; }

    private bool OwnsDataDirectory { get; }

    public EngagementAppFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public EngagementAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _serviceOverrides.Add(configure);
        return this;
    }

    private IServiceScope? _scope;

    /// <summary>A port or use case resolved from the running host (use cases are scoped: one scope serves the test).</summary>
    public T Get<T>() where T : notnull => (_scope ??= Services.CreateScope()).ServiceProvider.GetRequiredService<T>();

    public StorageAdapter Storage => Get<StorageAdapter>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in _serviceOverrides)
                configure(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        _scope?.Dispose();
        base.Dispose(disposing);
        if (disposing && OwnsDataDirectory)
            TryDeleteDirectory(DataDirectory);
    }

    public static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the OS temp cleaner will take the rest.
        }
    }
}
