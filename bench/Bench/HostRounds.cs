using System.Diagnostics;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Insights;
using Engagement.Core.Participants;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Bench;

/// <summary>
/// What the harnesses that drive the real host in memory share: a host on a fresh store with benchmark settings, an
/// open consultation with participants registered before the clock starts, waiting for the tagger, and the median.
/// </summary>
internal static class HostRounds
{
    /// <summary>A host on a new SQLite file, demo data off, no GraphQL limit, quiet logs; <paramref name="settings"/> adds the round's own.</summary>
    public static WebApplicationFactory<Program> Create(string directory, Action<IWebHostBuilder> settings)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ENGAGEMENT_API", AppContext.BaseDirectory);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:Sqlite:Path", Path.Combine(directory, "bench.db"));
            b.UseSetting("Seed:DemoData", "false");
            b.UseSetting("RateLimits:GraphQLPerMinute", "1000000");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            settings(b);
        });
    }

    /// <summary>A new organisation's open consultation.</summary>
    public static async Task<Consultation> OpenConsultationAsync(IServiceProvider sp, string slug)
    {
        var org = (await sp.GetRequiredService<Core.Organisations.CreateOrganisation>().ExecuteAsync(new($"bench-{Guid.NewGuid():N}"[..20], LocalizedText.EnFr("Bench", "Banc")), Actor.System)).Value;
        var draft = (await sp.GetRequiredService<CreateConsultation>().ExecuteAsync(new(org.Id, slug, LocalizedText.EnFr("Bike lanes", "Pistes"),
            LocalizedText.EnFr("Summary", "Résumé"), LocalizedText.EnFr("Body", "Corps")), Actor.System)).Value;
        return (await sp.GetRequiredService<OpenConsultation>().ExecuteAsync(new(draft.Id), Actor.System)).Value;
    }

    /// <summary>Participant tokens, registered before the clock starts so only posting is measured.</summary>
    public static async Task<string[]> ParticipantTokensAsync(IServiceProvider sp, int count)
    {
        var register = sp.GetRequiredService<RegisterAnonymousParticipant>();
        var tokens = new string[count];
        for (var i = 0; i < tokens.Length; i++)
            tokens[i] = (await register.ExecuteAsync()).Value.Token;
        return tokens;
    }

    /// <summary>Waits (at most two minutes) until the tagger has read every text on the feed; returns how long that took.</summary>
    public static async Task<TimeSpan> WaitForTaggerAsync(ISentimentFeed feed)
    {
        var end = 0L;
        while (true)
        {
            var page = await feed.ListAfterAsync(end, 5_000);
            if (page.LastSequence == end)
                break;
            end = page.LastSequence;
        }
        var waited = Stopwatch.StartNew();
        while (await feed.GetCheckpointAsync() < end && waited.Elapsed < TimeSpan.FromMinutes(2))
            await Task.Delay(20);
        return waited.Elapsed;
    }

    public static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
