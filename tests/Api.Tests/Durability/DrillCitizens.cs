using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Engagement.Api.Tests.Durability;

/// <summary>
/// Citizens rating a service, commenting on a consultation and answering a survey through the GraphQL API, as fast as
/// they can, whichever host process is up; and the ledger of what each write was told: acknowledged (200, no errors,
/// an id), refused (an error answer), or lost (the connection broke, so the outcome is unknown).
/// </summary>
public sealed class DrillCitizens(string serviceId, string consultationId, string surveyId) : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private TaskCompletionSource<Uri> _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sequence;

    /// <summary>Acknowledged ratings: page address (unique per request) to the returned id.</summary>
    public ConcurrentDictionary<string, string> AckedRatings { get; } = new();

    /// <summary>Acknowledged comments and replies: text (unique per request) to the returned id.</summary>
    public ConcurrentDictionary<string, string> AckedComments { get; } = new();

    /// <summary>Ratings and comments whose connection broke before an answer: page address or text.</summary>
    public ConcurrentBag<string> Lost { get; } = [];

    /// <summary>Ratings and comments refused with an error answer: page address or text, and the error codes.</summary>
    public ConcurrentBag<(string Marker, string Codes)> Refused { get; } = [];

    /// <summary>
    /// One entry per survey participant: the response id when a submission was acknowledged, "duplicate" when a retry
    /// after a lost submission was refused as a duplicate (so the lost one was stored), null while unsettled.
    /// </summary>
    public ConcurrentDictionary<string, string?> SurveyParticipants { get; } = new();

    /// <summary>Survey participants at least one of whose submissions was lost, so a retry had to settle it.</summary>
    public ConcurrentDictionary<string, int> RetriedSurveyParticipants { get; } = new();

    /// <summary>Participant tokens whose registration was acknowledged.</summary>
    public ConcurrentBag<string> Participants { get; } = [];

    /// <summary>Answers that must never happen: a 5xx status or an INTERNAL error, with the body.</summary>
    public ConcurrentBag<string> Faults { get; } = [];

    /// <summary>Tells the citizens where the host now serves.</summary>
    public void HostUp(Uri address) => Volatile.Read(ref _up).TrySetResult(address);

    /// <summary>Tells the citizens the host is about to go; they wait for the next <see cref="HostUp"/>.</summary>
    public void HostDown()
    {
        if (Volatile.Read(ref _up).Task.IsCompleted)
            Volatile.Write(ref _up, new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>Starts this many citizens, each with its own seeded choices, writing whenever a host is up.</summary>
    public void Start(int count, int seed)
    {
        for (var i = 0; i < count; i++)
        {
            var own = seed + i;
            _loops.Add(Task.Run(() => RunAsync(own, _stop.Token)));
        }
    }

    /// <summary>Stops the citizens once their writes in flight are answered; a citizen's own failure surfaces here.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            // The drill failed before stopping them: that failure is the one to report, so theirs is not awaited into it.
            await _stop.CancelAsync();
            await Task.WhenAll(_loops).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        _stop.Dispose();
        _http.Dispose();
    }

    /// <summary>One citizen's loop: a rating, a comment or a reply, or a survey response, over and over until stopped.</summary>
    private async Task RunAsync(int seed, CancellationToken stop)
    {
        var random = new Random(seed);
        string? commentToken = null;
        string? surveyToken = null;
        var published = new List<string>();
        while (!stop.IsCancellationRequested)
        {
            Uri address;
            try
            {
                address = await Volatile.Read(ref _up).Task.WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var roll = random.Next(100);
            if (roll < 40)
                await RateAsync(address, random);
            else if (roll < 75)
            {
                commentToken ??= await RegisterAsync(address);
                if (commentToken is not null)
                    await CommentAsync(address, commentToken, random, published);
            }
            else
            {
                surveyToken ??= await RegisterAsync(address);
                if (surveyToken is not null && await AnswerAsync(address, surveyToken, random))
                    surveyToken = null;
            }
        }
    }

    /// <summary>
    /// Submits again, to a host that is up for good, the survey response of every participant whose last submission
    /// was lost: the answer must be the response stored or a duplicate refusal, never a second response.
    /// </summary>
    public async Task SettleSurveyParticipantsAsync(Uri address)
    {
        var random = new Random(7);
        foreach (var (token, state) in SurveyParticipants)
        {
            if (state is null && !await AnswerAsync(address, token, random))
                throw new Xunit.Sdk.XunitException($"A survey response could not be settled on a host that is up: participant {token[..6]}…");
        }
    }

    private async Task RateAsync(Uri address, Random random)
    {
        var page = $"https://drill.example/pages/{Interlocked.Increment(ref _sequence)}";
        var input = new { serviceId, score = random.Next(1, 6), language = random.Next(4) == 0 ? "fr" : "en", pageUrl = page };
        var (outcome, data, codes) = await SendAsync(address, DrillSetup.Rate, new { input });
        Record(outcome, page, codes, () => AckedRatings[page] = data.GetProperty("submitRating").GetProperty("id").GetString()!);
    }

    private async Task CommentAsync(Uri address, string token, Random random, List<string> published)
    {
        var n = Interlocked.Increment(ref _sequence);
        var parentId = published.Count > 0 && random.Next(5) == 0 ? published[random.Next(published.Count)] : null;
        var text = $"Drill note {n}: the crossing by the library needs a longer green light for people on foot.";
        var (outcome, data, codes) = await SendAsync(address, DrillSetup.Post, DrillSetup.Comment(consultationId, token, text, parentId));
        Record(outcome, text, codes, () =>
        {
            var comment = data.GetProperty("postComment");
            AckedComments[text] = comment.GetProperty("id").GetString()!;
            if (parentId is null && comment.GetProperty("status").GetString() == "PUBLISHED")
                published.Add(comment.GetProperty("id").GetString()!);
        });
    }

    /// <summary>True when the participant's response is settled: acknowledged, or refused as a duplicate of a lost one.</summary>
    private async Task<bool> AnswerAsync(Uri address, string token, Random random)
    {
        SurveyParticipants.TryAdd(token, null);
        var (outcome, data, codes) = await SendAsync(address, DrillSetup.Answer, DrillSetup.Response(surveyId, token, random.Next(1, 6)));
        switch (outcome)
        {
            case Outcome.Acknowledged:
                SurveyParticipants[token] = data.GetProperty("submitSurveyResponse").GetProperty("id").GetString()!;
                return true;
            case Outcome.Refused when codes == "CONFLICT" && RetriedSurveyParticipants.ContainsKey(token):
                SurveyParticipants[token] = "duplicate";
                return true;
            case Outcome.Refused:
                throw new Xunit.Sdk.XunitException($"A survey response was refused with {codes}.");
            default:
                RetriedSurveyParticipants.AddOrUpdate(token, 1, (_, n) => n + 1);
                return false;
        }
    }

    private async Task<string?> RegisterAsync(Uri address)
    {
        var (outcome, data, _) = await SendAsync(address, DrillSetup.Register, null);
        if (outcome != Outcome.Acknowledged)
            return null;
        var token = data.GetProperty("registerParticipant").GetProperty("participantToken").GetString()!;
        Participants.Add(token);
        return token;
    }

    private void Record(Outcome outcome, string marker, string codes, Action acknowledged)
    {
        switch (outcome)
        {
            case Outcome.Acknowledged:
                acknowledged();
                break;
            case Outcome.Refused:
                Refused.Add((marker, codes));
                break;
            default:
                Lost.Add(marker);
                break;
        }
    }

    private enum Outcome { Acknowledged, Refused, Lost }

    private async Task<(Outcome Outcome, JsonElement Data, string Codes)> SendAsync(Uri address, string query, object? variables)
    {
        try
        {
            // Not cancelled when the drill stops: a write in flight is answered or broken by a kill, never abandoned.
            using var response = await _http.PostAsJsonAsync(new Uri(address, "/graphql"), new { query, variables });
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                Faults.Add($"{(int)response.StatusCode} {body}");
                return (Outcome.Refused, default, $"HTTP {(int)response.StatusCode}");
            }
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (response.StatusCode == HttpStatusCode.OK && !root.TryGetProperty("errors", out _))
                return (Outcome.Acknowledged, root.GetProperty("data").Clone(), "");
            var codes = root.TryGetProperty("errors", out var errors)
                ? string.Join(",", errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : "?"))
                : $"HTTP {(int)response.StatusCode}";
            if (codes.Contains("INTERNAL", StringComparison.Ordinal))
                Faults.Add(body);
            return (Outcome.Refused, default, codes);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return (Outcome.Lost, default, "");
        }
    }
}
