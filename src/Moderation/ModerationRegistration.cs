using Engagement.Core.Screening;
using Engagement.Moderation.Screening;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Engagement.Moderation;

/// <summary>Registers moderation: the screening pipeline in place of the core's publish-as-written default, and its steps.</summary>
public static class ModerationRegistration
{
    public static IServiceCollection AddEngagementModeration(this IServiceCollection services)
    {
        services.RemoveAll<ITextScreening>();
        services.AddSingleton<ITextScreening, ScreeningPipeline>();
        services.TryAddSingleton<ITermSource, NoTerms>();
        // Steps register themselves here as they land, each as one more IScreeningStep.
        return services;
    }
}
