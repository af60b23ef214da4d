using System.Diagnostics;
using System.Globalization;
using Engagement.Api.Tests.Hosting;
using Xunit.Abstractions;

namespace Engagement.Api.Tests.Durability;

/// <summary>
/// The host on its embedded SQLite default, killed with SIGKILL at random instants while citizens write, and started
/// again on the same data directory each time: every acknowledged write must survive exactly once, nothing lost in
/// flight may appear twice, and every tally must still equal the records it counts.
/// </summary>
[Trait("Category", "Process")]
[Trait("Category", "Durability")]
[Collection(DrillCollection.Name)]
public sealed class CrashDurabilityTests(ITestOutputHelper output)
{
    /// <summary>Set to 1 for the long drill (many more kills and citizens); the default is the CI drill of about a minute.</summary>
    public const string LongDrillsVariable = "ENGAGEMENT_LONG_DRILLS";

    private static bool Long => Environment.GetEnvironmentVariable(LongDrillsVariable) == "1";

    [Fact]
    public async Task Acknowledged_writes_survive_repeated_sigkills_exactly_once_and_tallies_match_their_records()
    {
        var kills = Long ? 200 : 20;
        var citizens = Long ? 12 : 6;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var workDir = Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        var dataDir = Path.Combine(workDir, "data");
        try
        {
            var (serviceId, consultationId, surveyId, _) = await DrillSetup.CreateWhatTheWritesNeedAsync(dataDir);
            await using var crowd = new DrillCitizens(serviceId, consultationId, surveyId);
            crowd.Start(citizens, seed);

            var starts = 0;
            var killedStarting = 0;
            for (var kill = 0; kill < kills; kill++)
            {
                using var host = StartHost(workDir);
                starts++;
                // Now and then the kill lands while the host is still starting: opening the store, migrating, sweeping.
                if (random.Next(8) == 0)
                {
                    await Task.Delay(random.Next(0, 1200));
                    killedStarting += host.HasExited ? 0 : 1;
                }
                else
                {
                    crowd.HostUp(await host.WaitUntilServingAsync());
                    await Task.Delay(random.Next(300, 2700));
                    crowd.HostDown();
                }
                var exitCode = await host.KillAsync();
                Assert.True(exitCode == HostProcess.KilledBySigkill,
                    $"Kill {kill + 1}: the host ended with {exitCode}, not by SIGKILL ({HostProcess.KilledBySigkill}). Its last output:{Environment.NewLine}{host.LastOutput}");
            }

            using var last = StartHost(workDir);
            starts++;
            var address = await last.WaitUntilServingAsync();
            crowd.HostUp(address);
            // A last stretch of writes on the restarted host proves it takes writes again, not just that it starts.
            await Task.Delay(1500);
            await crowd.StopAsync();
            await crowd.SettleSurveyParticipantsAsync(address);
            // The tagger saves tags and moves sentiment tallies in the background; once it has reached the last text, the
            // audit checks every text's tag against those tallies, not just the ones it happened to reach.
            Assert.True(await StoreAudit.WaitUntilTaggedAsync(Path.Combine(dataDir, "engagement.db"), TimeSpan.FromMinutes(2)),
                "The sentiment tagger had not reached the last public text two minutes after the writes stopped.");

            var report = Audit(Path.Combine(dataDir, "engagement.db"), crowd, serviceId, consultationId, surveyId);
            await CheckThroughTheApiAsync(address, report, serviceId, surveyId);
            Assert.Equal(HostProcess.KilledBySigkill, await last.KillAsync());

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Crash drill ({(Long ? "long" : "CI")}, seed {seed}): {kills} SIGKILLs ({killedStarting} during start-up), {starts} starts on one data directory, {citizens} concurrent citizens, {clock.Elapsed.TotalSeconds:F1} s."));
            output.WriteLine(report.ToString());
            Assert.True(crowd.Faults.IsEmpty, $"{crowd.Faults.Count} answers were a 5xx or an INTERNAL error, e.g.: {crowd.Faults.FirstOrDefault()}");
            Assert.True(report.Problems.Count == 0, string.Join(Environment.NewLine, report.Problems.Take(40)));
            Assert.True(report.Acknowledged > 0 && report.SurveyAcknowledged > 0 && report.CommentsAcknowledged > 0, $"The drill wrote too little to prove anything: {report}");
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(workDir);
        }
    }

    private static HostProcess StartHost(string workDir) => HostProcess.Start(workDir,
        "--urls", "http://127.0.0.1:0", "--Seed:DemoData=false",
        // Every citizen writes from 127.0.0.1; the per-address limit would otherwise be the bottleneck, not the store.
        "--RateLimits:GraphQLPerMinute=1000000");

    private static DrillReport Audit(string databasePath, DrillCitizens crowd, string serviceId, string consultationId, string surveyId)
    {
        using var store = new StoreAudit(databasePath);
        var report = new DrillReport();

        CheckOnePerRequest("rating", store.RatingsByPage(serviceId), crowd.AckedRatings, crowd, report);
        CheckOnePerRequest("comment", store.CommentsByText(consultationId), crowd.AckedComments, crowd, report);
        report.CommentsAcknowledged = crowd.AckedComments.Count;
        report.Lost = crowd.Lost.Count;
        foreach (var (_, codes) in crowd.Refused)
            report.Refused[codes] = report.Refused.GetValueOrDefault(codes) + 1;

        var responses = store.ResponsesByParticipant(surveyId);
        var ours = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (token, state) in crowd.SurveyParticipants)
        {
            var participant = store.ParticipantOfToken(token);
            if (participant is null)
            {
                report.Problems.Add($"The survey participant {token[..6]}… was acknowledged but is not stored.");
                continue;
            }
            ours.Add(participant);
            var stored = responses.GetValueOrDefault(participant) ?? [];
            if (stored.Count > 1)
                report.Problems.Add($"Participant {participant} has {stored.Count} responses.");
            if (state is null)
                report.Problems.Add($"Participant {participant}'s response was never settled.");
            else if (state == "duplicate")
            {
                report.SurveyRecoveredAsDuplicate++;
                if (stored.Count != 1)
                    report.Problems.Add($"Participant {participant}'s retry was refused as a duplicate, but {stored.Count} responses are stored.");
            }
            else
            {
                report.SurveyAcknowledged++;
                if (stored.Count != 1 || stored[0] != state)
                    report.Problems.Add($"Acknowledged response {state} of participant {participant} is stored {stored.Count(id => id == state)} time(s).");
                else
                    report.Present++;
            }
        }
        report.Acknowledged += report.SurveyAcknowledged;
        report.SurveyRetried = crowd.RetriedSurveyParticipants.Count;
        foreach (var participant in responses.Keys.Where(p => !ours.Contains(p)))
            report.Problems.Add($"A response by participant {participant}, whom no citizen of the drill was, is stored.");

        foreach (var token in crowd.Participants)
        {
            report.ParticipantsAcknowledged++;
            if (store.ParticipantOfToken(token) is null)
                report.Problems.Add($"An acknowledged participant registration ({token[..6]}…) is not stored.");
        }

        var (compared, mismatches) = store.CheckTallies(serviceId, consultationId, surveyId);
        report.TallyBuckets = compared;
        report.Problems.AddRange(mismatches);
        report.TaggedTexts = store.TaggedTexts();
        report.Ratings = store.RatingsByPage(serviceId).Values.Sum(ids => ids.Count);
        report.SurveyResponses = responses.Values.Sum(ids => ids.Count);
        return report;
    }

    /// <summary>
    /// Ratings and comments carry a marker unique to their request (a page address, a text): an acknowledged one must be
    /// stored once under its id, a lost one at most once, a refused one not at all, and nothing else may be stored.
    /// </summary>
    private static void CheckOnePerRequest(string kind, Dictionary<string, List<string>> stored, IReadOnlyDictionary<string, string> acked, DrillCitizens crowd, DrillReport report)
    {
        foreach (var (marker, id) in acked)
        {
            report.Acknowledged++;
            var ids = stored.GetValueOrDefault(marker) ?? [];
            if (ids.Count == 1 && ids[0] == id)
                report.Present++;
            else
                report.Problems.Add($"Acknowledged {kind} {id} ({marker}) is stored {ids.Count(x => x == id)} time(s) among {ids.Count} with its marker.");
        }
        var lost = crowd.Lost.ToHashSet(StringComparer.Ordinal);
        foreach (var marker in lost.Where(stored.ContainsKey))
        {
            report.LostPresent++;
            if (stored[marker].Count > 1)
                report.Problems.Add($"A {kind} lost in flight ({marker}) is stored {stored[marker].Count} times.");
        }
        foreach (var (marker, codes) in crowd.Refused.Where(r => stored.ContainsKey(r.Marker)))
            report.Problems.Add($"A {kind} refused with {codes} ({marker}) is stored.");
        foreach (var marker in stored.Keys.Where(m => !acked.ContainsKey(m) && !lost.Contains(m)))
            report.Problems.Add($"A {kind} no citizen was waiting for ({marker}) is stored.");
    }

    /// <summary>What the API says must agree with the file: the rating count and the survey's response count.</summary>
    private static async Task CheckThroughTheApiAsync(Uri address, DrillReport report, string serviceId, string surveyId)
    {
        using var http = new HttpClient { BaseAddress = address };
        var client = new GraphQLClient(http);
        var summary = (await client.QueryAsync("query($id: ID!) { service(id: $id) { ratingSummary { count } } }", new { id = serviceId })).AssertOk();
        var results = (await client.QueryAsync("query($id: ID!) { survey(id: $id) { results { responses } } }", new { id = surveyId })).AssertOk();
        if (summary.At("service.ratingSummary.count").GetInt32() != report.Ratings)
            report.Problems.Add($"The API counts {summary.At("service.ratingSummary.count")} ratings; the file holds {report.Ratings}.");
        if (results.At("survey.results.responses").GetInt32() != report.SurveyResponses)
            report.Problems.Add($"The API counts {results.At("survey.results.responses")} survey responses; the file holds {report.SurveyResponses}.");
    }

    /// <summary>The figures of one drill, and every broken promise found.</summary>
    private sealed class DrillReport
    {
        public int Acknowledged { get; set; }
        public int Present { get; set; }
        public int CommentsAcknowledged { get; set; }
        public int SurveyAcknowledged { get; set; }
        public int SurveyRecoveredAsDuplicate { get; set; }
        public int SurveyRetried { get; set; }
        public int ParticipantsAcknowledged { get; set; }
        public int Lost { get; set; }
        public int LostPresent { get; set; }
        public int TallyBuckets { get; set; }
        public long TaggedTexts { get; set; }
        public int Ratings { get; set; }
        public int SurveyResponses { get; set; }
        public Dictionary<string, int> Refused { get; } = [];
        public List<string> Problems { get; } = [];

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"""
            Acknowledged writes: {Acknowledged} (ratings, comments and survey responses; {CommentsAcknowledged} comments, {SurveyAcknowledged} responses), present exactly once: {Present}.
            Participant registrations acknowledged: {ParticipantsAcknowledged}, all checked present.
            Ratings and comments lost in flight (connection cut by a kill): {Lost}, of which stored anyway: {LostPresent}, each once. Survey participants whose submission was lost and retried: {SurveyRetried}, of which {SurveyRecoveredAsDuplicate} found the lost one stored (refused as a duplicate, one response).
            Refused with an error answer: {(Refused.Count == 0 ? "none" : string.Join(", ", Refused.Select(r => $"{r.Key} ×{r.Value}")))}.
            Stored: {Ratings} ratings, {SurveyResponses} survey responses. Texts tagged by the sentiment tagger: {TaggedTexts}. Tally buckets compared with their records (sentiment buckets against the tags): {TallyBuckets}. Problems: {Problems.Count}.
            """);
    }
}
