using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Insights;
using Engagement.Core.Participants;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Bench.Insights;

/// <summary>
/// Comment submission throughput with the sentiment tagger on and off, side by side: the real host in memory, every
/// corpus text posted once through GraphQL by 16 concurrent clients, each comment from its own participant (screening's
/// pace rule), rounds alternating off/on on a fresh store. Also reports how long the tagger takes to catch up.
/// </summary>
internal static class TaggingThroughput
{
    private const int Clients = 16;
    private const int Rounds = 6;

    // The first rounds run while the JIT is still compiling the hot path; they are run but not counted.
    private const int WarmUpRounds = 4;

    private const string PostComment = """
        mutation($input: PostCommentInput!) { postComment(input: $input) { id status } }
        """;

    public static void Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task RunAsync()
    {
        var texts = SentimentTexts.All("en").Concat(SentimentTexts.All("fr")).ToArray();
        new Random(11).Shuffle(texts);
        Console.WriteLine($"// {texts.Length} distinct corpus texts per round, {Clients} clients, {WarmUpRounds} warm-up rounds, then {Rounds} rounds each way, alternating");
        var results = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        for (var round = 0; round < WarmUpRounds + Rounds * 2; round++)
        {
            var tagging = round % 2 == 1;
            var (perSecond, published, catchUp) = await RoundAsync(texts, tagging);
            if (round >= WarmUpRounds)
                results[tagging].Add(perSecond);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(round < WarmUpRounds ? "warm-up" : $"round {round + 1 - WarmUpRounds}")}: tagging {(tagging ? "on " : "off")}  {perSecond,7:0} comments/s  ({published} published){(tagging ? $", tagger caught up {catchUp.TotalSeconds:0.0} s after the last post" : "")}"));
        }
        var off = results[false].Average();
        var on = results[true].Average();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mean: off {off:0} /s, on {on:0} /s, ratio on/off {on / off:0.00}; median: off {HostRounds.Median(results[false]):0}, on {HostRounds.Median(results[true]):0}, ratio {HostRounds.Median(results[true]) / HostRounds.Median(results[false]):0.00}"));
    }

    private static async Task<(double PerSecond, int Published, TimeSpan CatchUp)> RoundAsync(string[] texts, bool tagging)
    {
        var directory = Path.Combine(Path.GetTempPath(), "engagement-bench", Guid.NewGuid().ToString("N"));
        using var factory = HostRounds.Create(directory, b =>
        {
            b.UseSetting("Insights:Tagging:Enabled", tagging ? "true" : "false");
            // Other tagger settings can be tried without a rebuild, e.g. Insights__Tagging__BatchSize=64.
            foreach (var name in new[] { "BatchSize", "MaxCpuPercent" })
            {
                if (Environment.GetEnvironmentVariable($"Insights__Tagging__{name}") is { } value)
                    b.UseSetting($"Insights:Tagging:{name}", value);
            }
        });
        using var client = factory.CreateClient();
        using var scope = factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var consultation = await HostRounds.OpenConsultationAsync(sp, "tagging");
        var tokens = await HostRounds.ParticipantTokensAsync(sp, texts.Length);

        var next = -1;
        var published = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < texts.Length; i = Interlocked.Increment(ref next))
            {
                var input = new { consultationId = consultation.Id, participantToken = tokens[i], text = texts[i], language = i % 2 == 0 ? "en" : "fr" };
                using var response = await client.PostAsJsonAsync("/graphql", new { query = PostComment, variables = new { input } });
                var body = await response.Content.ReadAsStringAsync();
                if (body.Contains("\"PUBLISHED\"", StringComparison.Ordinal))
                    Interlocked.Increment(ref published);
            }
        }));
        var elapsed = watch.Elapsed;

        var catchUp = TimeSpan.Zero;
        if (tagging)
            catchUp = await HostRounds.WaitForTaggerAsync(sp.GetRequiredService<ISentimentFeed>());
        return (texts.Length / elapsed.TotalSeconds, published, catchUp);
    }


}
