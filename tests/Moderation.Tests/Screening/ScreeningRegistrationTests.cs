using Engagement.Core.Screening;
using Engagement.Moderation.Screening;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Moderation.Tests.Screening;

/// <summary>AddEngagementModeration registers the screening steps once each, and the abuse model only when none is registered.</summary>
public sealed class ScreeningRegistrationTests
{
    [Fact]
    public void The_normalising_terms_spam_and_abuse_steps_are_registered_in_their_order()
    {
        using var services = Screen.Services();

        var steps = services.GetServices<IScreeningStep>().OrderBy(s => s.Order).ToList();

        Assert.Equal(
            [(100, typeof(NormaliseText)), (300, typeof(TermsStep)), (400, typeof(SpamSignals)), (500, typeof(AbuseSignal))],
            steps.Where(s => s is NormaliseText or TermsStep or SpamSignals or AbuseSignal).Select(s => (s.Order, s.GetType())));
        Assert.IsType<NoAbuseScorer>(services.GetRequiredService<IAbuseScorer>());
    }

    [Fact]
    public void Registering_moderation_twice_does_not_run_these_steps_twice()
    {
        var collection = new ServiceCollection();
        collection.AddEngagementModeration();
        collection.AddEngagementModeration();
        using var services = collection.BuildServiceProvider();

        var steps = services.GetServices<IScreeningStep>().Where(s => s is NormaliseText or TermsStep or SpamSignals or AbuseSignal).ToList();

        Assert.Equal(4, steps.Count);
    }

    [Fact]
    public void An_abuse_model_registered_first_is_kept()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IAbuseScorer, FixedScorer>();
        collection.AddEngagementModeration();
        using var services = collection.BuildServiceProvider();

        Assert.IsType<FixedScorer>(services.GetRequiredService<IAbuseScorer>());
    }

    [Fact]
    public async Task The_whole_pipeline_publishes_a_clean_comment_and_rejects_an_abusive_one()
    {
        using var services = Screen.Services();
        var screening = services.GetRequiredService<ITextScreening>();

        var clean = await screening.ScreenAsync(new TextToScreen("org", TextKind.Comment, "Merci pour la nouvelle piste cyclable sur la rue Saint-Denis !", "fr", "p1"));
        var abusive = await screening.ScreenAsync(new TextToScreen("org", TextKind.Reply, "Quel c\u200Bo\u200Bn\u200Bn\u200Ba\u200Br\u200Bd", "fr", "p2"));

        Assert.Equal(ScreeningOutcome.Publish, clean.Outcome);
        Assert.Equal(ScreeningOutcome.Reject, abusive.Outcome);
        Assert.Equal("Quel connard", abusive.Text);
        Assert.Contains(abusive.Reasons, r => r is { Code: "term.blocked", Detail: "connard" });
        Assert.Contains(abusive.Reasons, r => r is { Code: "normalise.invisible" });
    }

    private sealed class FixedScorer : IAbuseScorer
    {
        public ValueTask<double?> ScoreAsync(string text, string language, CancellationToken ct) => ValueTask.FromResult<double?>(0.9);
    }
}
