using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Engagement.Bench.Insights;
using Engagement.Core.Backlog;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Email;
using Engagement.Core.Insights;
using Engagement.Core.Participants;
using Engagement.Core.Staff;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Bench.Email;

/// <summary>
/// Comment submission throughput with notifications on and off, side by side: the real host in memory (SQLite, .eml
/// delivery), corpus texts posted through GraphQL by 16 concurrent clients, rounds in the order off, on, on, off on a fresh store each.
/// In both modes improvements ship during the round (one every 100 ms). With notifications on, a share of the comments
/// leave a follow-up address (Bench__OptInPercent, 25 unless set), every shipped item emails its ten opted-in contributors, moderators and analysts exist (a 1-minute
/// digest runs), the outbox dispatcher delivers as it goes, and a webhook receives every backlog event (a local receiver
/// answering 204); off, nobody opts in, there is no staff to tell and no webhook, so nothing reaches the outbox or a
/// receiver. The ratio on/off is the cost of notifications on the write path.
/// </summary>
internal static class NotificationsThroughput
{
    private const int Clients = 16;
    private const int Rounds = 8;

    // The share of the timed comments that leave an address (Bench__OptInPercent, 0 to 100): every one costs a second row
    // in the comment's commit, which is storage, not sending; the figures are reported at 0, 25 and 100.
    private static readonly int OptInPercent = int.Parse(Environment.GetEnvironmentVariable("Bench__OptInPercent") ?? "25", CultureInfo.InvariantCulture);
    private const int WarmUpRounds = 4;
    private const int Items = 20;
    private const int EvidencePerItem = 10;

    private const string PostComment = """
        mutation($input: PostCommentInput!) { postComment(input: $input) { id status } }
        """;

    public static void Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task RunAsync()
    {
        // Every corpus text twice, so a round lasts a few seconds and the improvements ship while comments arrive.
        var corpus = SentimentTexts.All("en").Concat(SentimentTexts.All("fr")).ToArray();
        var texts = corpus.Concat(corpus.Select(t => t + " (2)")).ToArray();
        new Random(17).Shuffle(texts);
        Console.WriteLine($"// {texts.Length} corpus texts per round, {Clients} clients, {OptInPercent}% leaving an address when on, {WarmUpRounds} warm-up rounds, then {Rounds} rounds each way, off-on-on-off");
        var results = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        for (var round = 0; round < WarmUpRounds + Rounds * 2; round++)
        {
            // Off, on, on, off…: a slow drift or anything that comes every other round falls on both modes alike.
            var on = round % 4 is 1 or 2;
            // Each round starts with the last one's garbage collected, so its collection is not charged to this one.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var (perSecond, emails, sent, hooks) = await RoundAsync(texts, on);
            if (round >= WarmUpRounds)
                results[on].Add(perSecond);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(round < WarmUpRounds ? "warm-up" : $"round {round + 1 - WarmUpRounds}")}: notifications {(on ? "on " : "off")}  {perSecond,7:0} comments/s  ({emails} emails written, {sent} sent, {hooks} webhook posts received by the end)"));
        }
        var (off, onMean) = (results[false].Average(), results[true].Average());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mean: off {off:0} /s, on {onMean:0} /s, ratio on/off {onMean / off:0.00}; median: off {HostRounds.Median(results[false]):0}, on {HostRounds.Median(results[true]):0}, ratio {HostRounds.Median(results[true]) / HostRounds.Median(results[false]):0.00}"));
    }

    private static async Task<(double PerSecond, int Emails, int Sent, int Hooks)> RoundAsync(string[] texts, bool on)
    {
        var directory = Path.Combine(Path.GetTempPath(), "engagement-bench", Guid.NewGuid().ToString("N"));
        using var factory = HostRounds.Create(directory, b =>
        {
            b.UseSetting("Notifications:DigestMinutes", "1");
            b.UseSetting("Insights:Tagging:PollMilliseconds", "50");
            b.UseSetting("Webhooks:AllowPrivateNetworks", "true");
        });
        using var client = factory.CreateClient();
        using var scope = factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var consultation = await HostRounds.OpenConsultationAsync(sp, "notify");
        var org = (await sp.GetRequiredService<Core.Organisations.IOrganisationStore>().GetAsync(consultation.OrganisationId))!;
        using var receiver = on ? Receiver.Start() : null;
        if (on)
        {
            await sp.GetRequiredService<Core.Webhooks.RegisterWebhook>().ExecuteAsync(new(org.Id, receiver!.Url,
                [BacklogEventKind.Created, BacklogEventKind.StatusChanged, BacklogEventKind.EvidenceAdded, BacklogEventKind.Merged]), Actor.System);
            foreach (var role in new[] { Role.Moderator, Role.Analyst, Role.Admin })
                await sp.GetRequiredService<CreateStaffMember>().ExecuteAsync(new($"{role}-{Guid.NewGuid():N}@example.org", role.ToString(), [new RoleGrant(org.Id, role)], "correct horse battery staple"), Actor.System);
        }
        var tokens = await HostRounds.ParticipantTokensAsync(sp, texts.Length + Items * EvidencePerItem);

        // Before the clock: items in progress, each backed by ten comments insights have read.
        var evidence = new List<string>();
        for (var i = 0; i < Items * EvidencePerItem; i++)
            evidence.Add(await PostAsync(client, consultation.Id, tokens[texts.Length + i], $"Seed comment number {i} about the bike lanes.", "en", on ? $"seed-{i}@example.org" : null));
        await HostRounds.WaitForTaggerAsync(sp.GetRequiredService<ISentimentFeed>());
        var actor = Actor.Staff("bench");
        var items = new List<BacklogItem>();
        foreach (var chunk in evidence.Where(id => id.Length > 0).Chunk(EvidencePerItem).Take(Items))
        {
            var item = (await sp.GetRequiredService<CreateBacklogItem>().ExecuteAsync(new(org.Id, "Wider lanes", "", ConsultationId: consultation.Id,
                Evidence: [.. chunk.Select(id => new EvidenceRef(EvidenceKind.Comment, id))]), actor)).Value;
            foreach (var status in new[] { BacklogStatus.Accepted, BacklogStatus.InProgress })
                await sp.GetRequiredService<ChangeBacklogStatus>().ExecuteAsync(new(item.Id, org.Id, status), actor);
            items.Add(item);
        }
        var outbox = sp.GetRequiredService<IOutboxStore>();
        var before = await CountAsync(outbox);

        var next = -1;
        using var stop = new CancellationTokenSource();
        var shipper = Task.Run(async () =>
        {
            foreach (var item in items)
            {
                await Task.Delay(100, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                if (stop.IsCancellationRequested)
                    return;
                using var shipScope = factory.Services.CreateScope();
                await shipScope.ServiceProvider.GetRequiredService<ChangeBacklogStatus>().ExecuteAsync(new(item.Id, org.Id, BacklogStatus.Shipped, "We widened the lanes."), actor);
            }
        });
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < texts.Length; i = Interlocked.Increment(ref next))
                await PostAsync(client, consultation.Id, tokens[i], texts[i], i % 2 == 0 ? "en" : "fr", on && i % 100 < OptInPercent ? $"resident-{i}@example.org" : null);
        }));
        var elapsed = watch.Elapsed;
        await stop.CancelAsync();
        await shipper;
        var after = await CountAsync(outbox);
        factory.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held is left for the system's temporary-file cleanup.
        }
        return (texts.Length / elapsed.TotalSeconds, after.Written - before.Written, after.Sent, receiver?.Received ?? 0);
    }

    private static async Task<string> PostAsync(HttpClient client, string consultationId, string token, string text, string language, string? followUpEmail)
    {
        var input = new { consultationId, participantToken = token, text, language, followUpEmail };
        using var response = await client.PostAsJsonAsync("/graphql", new { query = PostComment, variables = new { input } });
        var body = await response.Content.ReadAsStringAsync();
        var at = body.IndexOf("\"id\":\"", StringComparison.Ordinal);
        return at < 0 ? "" : body[(at + 6)..body.IndexOf('"', at + 6)];
    }

    private static async Task<(int Written, int Sent)> CountAsync(IOutboxStore outbox)
    {
        var (pending, sent, failed) = ((await outbox.ListAsync(OutboxStatus.Pending, 1_000_000)).Count, (await outbox.ListAsync(OutboxStatus.Sent, 1_000_000)).Count,
            (await outbox.ListAsync(OutboxStatus.Failed, 1_000_000)).Count);
        return (pending + sent + failed, sent);
    }



    /// <summary>A webhook receiver on this machine that answers every post 204 and counts them.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly System.Net.HttpListener _listener = new();
        private int _received;

        private Receiver(int port)
        {
            Url = $"http://127.0.0.1:{port}/hooks/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    try
                    {
                        var context = await _listener.GetContextAsync();
                        await context.Request.InputStream.CopyToAsync(Stream.Null);
                        context.Response.StatusCode = 204;
                        context.Response.Close();
                        Interlocked.Increment(ref _received);
                    }
                    catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }
                }
            });
        }

        public string Url { get; }

        public int Received => Volatile.Read(ref _received);

        public static Receiver Start()
        {
            using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            probe.Start();
            var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new Receiver(port);
        }

        public void Dispose() => _listener.Close();
    }
}
