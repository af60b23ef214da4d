using System.Net;
using System.Text.Json;
using Engagement.Api.Live;
using Engagement.Api.Tests.Hosting;
using Engagement.Api.Tests.Live;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Engagement.Api.Tests.Hostile;

/// <summary>
/// The live hub called the way a hostile client calls it: ids that are operators, markup or far too long, arguments
/// of the wrong type, methods that do not exist, staff topics without credentials or with forged ones, and messages
/// above the hub's size limit. Each is refused with a plain message that names no internals, and the hub keeps serving.
/// </summary>
public sealed class LiveHubHostileTests(SharedHost host) : IClassFixture<SharedHost>
{
    private static readonly string[] HostileIds =
    [
        "", " ", "{\"$ne\":null}", "{\"$where\":\"1\"}", "' OR '1'='1", "<script>alert(1)</script>", "../../etc/passwd", "\u0000", "\ud800",
        new string('x', 101), new string('x', 20_000),
    ];

    private readonly EngagementAppFactory _app = host.App;

    [Fact]
    public async Task Hostile_ids_are_refused_with_a_plain_message_and_the_connection_keeps_serving()
    {
        var world = await HostileWorld.CreateAsync(_app);
        await using var client = await LiveClient.ConnectAsync(_app);
        var failures = new List<string>();

        foreach (var method in new[] { "JoinConsultation", "JoinSurvey", "JoinService", "JoinModerationQueue", "JoinBacklog" })
        {
            foreach (var id in HostileIds)
            {
                var because = $"{method}({Hostile.Cut(id)})";
                try
                {
                    await client.Connection.InvokeAsync<JsonElement>(method, id);
                    failures.Add($"{because} was answered");
                }
                catch (HubException e)
                {
                    AssertPlain(e, because);
                }
            }
        }

        // Still connected and serving: a real topic joins.
        var snapshot = await client.Connection.InvokeAsync<JsonElement>("JoinConsultation", world.Consultation.Id);
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
        Assert.Equal(JsonValueKind.Object, snapshot.ValueKind);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Wrong_argument_types_and_unknown_methods_are_refused_without_details()
    {
        await using var client = await LiveClient.ConnectAsync(_app);
        var calls = new (string Method, object?[] Args)[]
        {
            ("JoinConsultation", [new Dictionary<string, object?> { ["$ne"] = null }]),
            ("JoinConsultation", [new[] { 1, 2, 3 }]),
            ("JoinConsultation", [42]),
            ("JoinConsultation", ["a", "b"]),
            ("JoinConsultation", []),
            ("OnConnectedAsync", []),
            ("Dispose", []),
            ("NoSuchMethod", ["x"]),
        };

        foreach (var (method, args) in calls)
        {
            var e = await Assert.ThrowsAnyAsync<Exception>(() => client.Connection.InvokeCoreAsync<JsonElement>(method, args));
            AssertPlain(e, $"{method} with {args.Length} arguments");
        }
    }

    [Fact]
    public async Task Staff_topics_are_refused_to_an_anonymous_connection_and_to_a_forged_token()
    {
        var world = await HostileWorld.CreateAsync(_app);
        await using var anonymous = await LiveClient.ConnectAsync(_app);

        var refused = await Assert.ThrowsAsync<HubException>(() => anonymous.JoinAsync<JsonElement>("JoinModerationQueue", world.Organisation.Id));
        AssertPlain(refused, "anonymous");
        Assert.Contains("Sign in as staff", refused.Message, StringComparison.Ordinal);

        foreach (var forged in new[] { "forged", "eng_" + new string('A', 43), new string('t', 5000) })
        {
            try
            {
                await using var withForged = await LiveClient.WithTokenAsync(_app, forged);
                var e = await Assert.ThrowsAsync<HubException>(() => withForged.JoinAsync<JsonElement>("JoinBacklog", world.Organisation.Id));
                AssertPlain(e, forged);
            }
            catch (HttpRequestException e)
            {
                // Or the connection itself is refused, with a 4xx.
                Assert.True((int?)e.StatusCode is >= 400 and < 500, $"{Hostile.Cut(forged)}: {e.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task A_message_above_the_hub_limit_closes_only_that_connection()
    {
        var world = await HostileWorld.CreateAsync(_app);
        await using var flooder = await LiveClient.ConnectAsync(_app);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        flooder.Connection.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };

        await Assert.ThrowsAnyAsync<Exception>(() => flooder.JoinAsync<JsonElement>("JoinConsultation", new string('x', 256 * 1024)));
        await using var other = await LiveClient.ConnectAsync(_app);
        var snapshot = await other.JoinAsync<JsonElement>("JoinConsultation", world.Consultation.Id);

        Assert.Equal(JsonValueKind.Object, snapshot.ValueKind);
        Assert.NotEqual(HubConnectionState.Connected, flooder.Connection.State);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "?id=forged")]
    [InlineData("GET", "?id=forged")]
    [InlineData("DELETE", "?id=forged")]
    public async Task Raw_requests_to_the_hub_with_forged_connection_ids_get_a_4xx(string method, string suffix)
    {
        var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), LiveEndpoints.HubPath + suffix) { Content = new StringContent("{\"protocol\":\"json\",\"version\":1}\u001e") };

        using var response = await http.SendAsync(request);

        await Hostile.AssertRefusedAsync(response, $"{method} {suffix}");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("-1")]
    public async Task A_negotiation_for_a_nonsense_protocol_version_is_answered_with_an_error_not_a_connection(string version)
    {
        var http = _app.CreateClient();

        // SignalR's own answer: a 200 whose body is only the error, as its clients expect.
        using var response = await http.PostAsync($"{LiveEndpoints.HubPath}/negotiate?negotiateVersion={version}", null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, body);
        Assert.DoesNotContain("connectionToken", body, StringComparison.Ordinal);
        Hostile.AssertNoLeak(body, version);
    }

    // SignalR frames a hub's refusal as "… HubException: <the hub's message>"; only what follows may carry nothing internal.
    private static void AssertPlain(Exception e, string because)
    {
        var message = e.Message;
        var framing = message.IndexOf("HubException: ", StringComparison.Ordinal);
        Hostile.AssertNoLeak(framing < 0 ? message : message[(framing + "HubException: ".Length)..], because);
        Hostile.AssertNoLeak(framing < 0 ? "" : message[..framing], because);
    }
}
