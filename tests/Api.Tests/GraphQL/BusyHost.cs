using Engagement.Api.Tests.Hosting;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>
/// One host shared by the tests of a class that send hundreds of requests and sign in many times: its rate limits
/// are raised so that they, not the behaviour under test, never decide an answer. Seeding is off.
/// </summary>
public sealed class BusyHost : IDisposable
{
    public EngagementAppFactory App { get; } = NewApp();

    public static EngagementAppFactory NewApp() => new EngagementAppFactory()
        .WithSetting("Seed:DemoData", "false")
        .WithSetting("RateLimits:GraphQLPerMinute", "100000")
        .WithSetting("RateLimits:SignInPerMinute", "10000");

    public void Dispose() => App.Dispose();

    /// <summary>A text in English and French, as GraphQL variables give a [TranslationInput!].</summary>
    public static object[] EnFr(string en, string fr) => [new { language = "en", text = en }, new { language = "fr", text = fr }];
}
