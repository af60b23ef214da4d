namespace Engagement.Api.Tests.Hosting;

/// <summary>One host shared by the tests of a class (each test still makes its own organisation and records).</summary>
public sealed class SharedHost : IDisposable
{
    public EngagementAppFactory App { get; } = new EngagementAppFactory().WithSetting("Seed:DemoData", "false");

    public void Dispose() => App.Dispose();
}
