namespace Engagement.Api.Tests.Hosting;

/// <summary>One host shared by the tests of a class (each test still makes its own organisation and records); seeding is off.</summary>
public sealed class SharedHost : IDisposable
{
    public EngagementAppFactory App { get; } = NewApp();

    public static EngagementAppFactory NewApp() => new EngagementAppFactory().WithSetting("Seed:DemoData", "false");

    public void Dispose() => App.Dispose();
}
