using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using Engagement.Moderation.Queue;
using Engagement.Moderation.Screening;
using Engagement.Moderation.Screening.PersonalInformation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Engagement.Moderation;

/// <summary>Registers moderation: the screening pipeline in place of the core's publish-as-written default, its steps, and the queue's start-up sweep.</summary>
public static class ModerationRegistration
{
    public static IServiceCollection AddEngagementModeration(this IServiceCollection services)
    {
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<ITextScreening>();
        services.AddSingleton<ITextScreening, ScreeningPipeline>();
        // The organisation's term lists when a store is registered (the host); none otherwise (a bare pipeline in tests).
        services.TryAddSingleton<ITermSource>(sp => sp.GetService<ITermListStore>() is { } store
            ? new StoredTerms(store, sp.GetService<TimeProvider>() ?? TimeProvider.System)
            : new NoTerms());
        // Steps register themselves here as they land, each as one more IScreeningStep.
        services.AddSingleton<IScreeningStep, MaskPersonalInformation>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScreeningStep, NormaliseText>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScreeningStep, TermsStep>());
        // One per process: its near-duplicate and pace windows are this node's memory.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScreeningStep, SpamSignals>());
        services.TryAddSingleton<IAbuseScorer, NoAbuseScorer>(); // until Insights provides the model
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScreeningStep, AbuseSignal>());
        // Runs only in a host; a bare container (tests of the pipeline) never starts it.
        services.AddHostedService<RequeueAfterRestart>();
        return services;
    }
}
