using Engagement.Core.Screening;
using Engagement.Moderation.Screening;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Engagement.Moderation.Tests.Screening;

/// <summary>Builds screening contexts and runs one step, or the whole registered pipeline, over a text.</summary>
internal static class Screen
{
    public static readonly DateTimeOffset Noon = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static ScreeningContext Context(
        string text, ScreeningTerms? terms = null, DateTimeOffset? now = null, string organisation = "org-1", string? participant = null, string language = "en") =>
        new(new TextToScreen(organisation, TextKind.Comment, text, language, participant), terms ?? ScreeningTerms.None, now ?? Noon);

    public static async Task<ScreeningContext> RunAsync(
        IScreeningStep step, string text, ScreeningTerms? terms = null, DateTimeOffset? now = null, string organisation = "org-1", string? participant = null)
    {
        var context = Context(text, terms, now, organisation, participant);
        await step.RunAsync(context, CancellationToken.None);
        return context;
    }

    public static ScreeningTerms Blocking(params string[] blocked) => new(blocked, []);

    public static ScreeningTerms Suspecting(params string[] suspect) => new([], suspect);

    /// <summary>The pipeline as the host gets it from <see cref="ModerationRegistration.AddEngagementModeration"/>, reading fixed term lists.</summary>
    /// <param name="abuseModel">Whether Insights' abuse model feeds the abuse step, as in the host.</param>
    public static ServiceProvider Services(ScreeningTerms? terms = null, bool abuseModel = false)
    {
        var services = new ServiceCollection();
        services.AddEngagementModeration();
        if (abuseModel)
            Engagement.Insights.InsightsRegistration.AddEngagementInsights(services);
        services.RemoveAll<ITermSource>();
        services.AddSingleton<ITermSource>(new FixedTerms(terms ?? DefaultTerms.Terms));
        return services.BuildServiceProvider();
    }

    private sealed class FixedTerms(ScreeningTerms terms) : ITermSource
    {
        public Task<ScreeningTerms> ForAsync(string organisationId, CancellationToken ct) => Task.FromResult(terms);
    }
}
