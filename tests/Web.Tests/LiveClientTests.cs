using System.Text.Json;
using System.Text.RegularExpressions;

namespace Engagement.Web.Tests;

/// <summary>
/// live.js, run in Node against a stand-in for the SignalR client that records what it is asked to do and lets a test
/// push "snapshot" messages, drop and resume the connection, or keep the hub unreachable.
/// </summary>
public sealed class LiveClientTests
{
    private static readonly string LiveScript = Path.Combine(ListedAssets.WebProjectDirectory, "assets", "live.js");

    [Theory]
    [InlineData("consultation", "JoinConsultation")]
    [InlineData("survey", "JoinSurvey")]
    [InlineData("service", "JoinService")]
    [InlineData("moderation-queue", "JoinModerationQueue")]
    public void Watching_joins_with_the_kinds_hub_method_and_hands_over_the_snapshot_the_join_returns(string kind, string method)
    {
        var run = Run("""
            const live = load();
            live.onStatus(status => log.statuses.push(status));
            live.watch(process.env.KIND, 'abc', watcher('page'));
            await settle();
            """, ("KIND", kind));

        var build = Assert.Single(run.GetProperty("builds").EnumerateArray());
        Assert.Equal("/hubs/live", build.GetProperty("url").GetString());
        Assert.True(build.GetProperty("reconnects").GetBoolean());
        Assert.Equal(6, build.GetProperty("logLevel").GetInt32());
        Assert.Equal([$"{method} abc"], Strings(run, "invocations"));
        Assert.Equal([$"page <- {kind}:abc {method} abc"], Strings(run, "snapshots"));
        Assert.Equal(["offline", "connecting", "live"], Strings(run, "statuses"));
    }

    [Fact]
    public void A_snapshot_message_reaches_the_watchers_of_its_topic_and_no_others()
    {
        var run = Run("""
            const live = load();
            live.watch('service', 'a', watcher('service a'));
            live.watch('consultation', 'b', watcher('consultation b'));
            await settle();
            push('service:a', 'update of a');
            push('service:b', 'another service');
            push('survey:a', 'a survey with the same id');
            push('consultation:b', 'update of b');
            await settle();
            """);

        Assert.Equal(
            [
                "service a <- service:a JoinService a",
                "consultation b <- consultation:b JoinConsultation b",
                "service a <- service:a update of a",
                "consultation b <- consultation:b update of b",
            ],
            Strings(run, "snapshots"));
    }

    [Fact]
    public void After_a_reconnect_every_watched_topic_is_joined_again_and_its_fresh_snapshot_delivered()
    {
        var run = Run("""
            const live = load();
            live.onStatus(status => log.statuses.push(status));
            live.watch('service', 'a', watcher('a'));
            live.watch('moderation-queue', 'org1', watcher('queue'));
            const stop = live.watch('survey', 'left', watcher('left'));
            await settle();
            stop();
            drop();
            live.watch('consultation', 'c', watcher('c'));
            await settle();
            failReconnectAttempt();
            await settle();
            reconnect();
            await settle();
            """);

        Assert.Equal(
            [
                "JoinService a", "JoinModerationQueue org1", "JoinSurvey left",
                "JoinService a", "JoinModerationQueue org1", "JoinConsultation c",
            ],
            Strings(run, "invocations"));
        Assert.Equal(
            [
                "a <- service:a JoinService a",
                "queue <- moderation-queue:org1 JoinModerationQueue org1",
                "left <- survey:left JoinSurvey left",
                "a <- service:a JoinService a",
                "queue <- moderation-queue:org1 JoinModerationQueue org1",
                "c <- consultation:c JoinConsultation c",
            ],
            Strings(run, "snapshots"));
        Assert.Equal(["offline", "connecting", "live", "connecting", "offline", "live"], Strings(run, "statuses"));
        Assert.Single(run.GetProperty("builds").EnumerateArray());
    }

    [Fact]
    public void When_the_server_closes_the_connection_the_client_starts_it_again_and_rejoins()
    {
        var run = Run("""
            const live = load();
            live.onStatus(status => log.statuses.push(status));
            live.watch('service', 'a', watcher('a'));
            await settle();
            closeForGood();
            await settle();
            runTimers();
            await settle();
            """);

        Assert.Equal(2, run.GetProperty("starts").GetInt32());
        Assert.Equal(["JoinService a", "JoinService a"], Strings(run, "invocations"));
        Assert.Equal(["a <- service:a JoinService a", "a <- service:a JoinService a"], Strings(run, "snapshots"));
        Assert.Equal(["offline", "connecting", "live", "offline", "live"], Strings(run, "statuses"));
    }

    [Fact]
    public void An_unreachable_hub_throws_nothing_reports_offline_and_is_retried_until_it_answers()
    {
        var run = Run("""
            hub.up = false;
            const live = load();
            live.onStatus(status => log.statuses.push(status));
            live.watch('service', 'a', watcher('a'));
            await settle();
            const firstRetry = timers.map(t => t.ms);
            runTimers();
            await settle();
            const secondRetry = timers.map(t => t.ms);
            const whileDown = { starts: log.starts, invocations: log.invocations.length, snapshots: log.snapshots.length };
            hub.up = true;
            runTimers();
            await settle();
            return { firstRetry, secondRetry, whileDown };
            """);

        var result = run.GetProperty("result");
        Assert.Equal([0], result.GetProperty("firstRetry").EnumerateArray().Select(e => e.GetInt32()));
        var second = Assert.Single(result.GetProperty("secondRetry").EnumerateArray()).GetInt32();
        Assert.InRange(second, 1600, 2400);
        var whileDown = result.GetProperty("whileDown");
        Assert.Equal(2, whileDown.GetProperty("starts").GetInt32());
        Assert.Equal(0, whileDown.GetProperty("invocations").GetInt32());
        Assert.Equal(0, whileDown.GetProperty("snapshots").GetInt32());
        Assert.Equal(["offline", "connecting", "offline", "live"], Strings(run, "statuses"));
        Assert.Equal(["JoinService a"], Strings(run, "invocations"));
        Assert.Equal(["a <- service:a JoinService a"], Strings(run, "snapshots"));
        Assert.Empty(run.GetProperty("reported").EnumerateArray());
    }

    [Fact]
    public void Without_the_SignalR_script_watching_throws_nothing_and_the_status_stays_offline()
    {
        var run = Run("""
            const live = load({ signalR: false });
            live.onStatus(status => log.statuses.push(status));
            const stop = live.watch('service', 'a', watcher('a'));
            await settle();
            stop();
            live.unwatch('service', 'a');
            return { status: live.status };
            """);

        Assert.Empty(run.GetProperty("builds").EnumerateArray());
        Assert.Equal(["offline"], Strings(run, "statuses"));
        Assert.Equal("offline", run.GetProperty("result").GetProperty("status").GetString());
        Assert.Empty(run.GetProperty("snapshots").EnumerateArray());
    }

    [Fact]
    public void A_join_the_server_refuses_goes_to_onError_and_the_page_sees_no_exception()
    {
        var run = Run("""
            hub.refuse.add('draft');
            const live = load();
            live.watch('consultation', 'draft', watcher('page'), error => log.errors.push(error.message));
            live.watch('service', 'a', watcher('other'));
            await settle();
            """);

        Assert.Contains("HubException", Assert.Single(Strings(run, "errors")), StringComparison.Ordinal);
        Assert.Equal(["other <- service:a JoinService a"], Strings(run, "snapshots"));
    }

    [Fact]
    public void After_unwatch_updates_of_that_topic_are_dropped()
    {
        var run = Run("""
            const live = load();
            const stopFirst = live.watch('service', 'a', watcher('first'));
            const second = watcher('second');
            live.watch('service', 'a', second);
            await settle();
            stopFirst();
            push('service:a', 'one');
            live.unwatch('service', 'a', second);
            push('service:a', 'two');
            await settle();
            """);

        Assert.Equal(["JoinService a"], Strings(run, "invocations"));
        Assert.Equal(
            ["first <- service:a JoinService a", "second <- service:a JoinService a", "second <- service:a one"],
            Strings(run, "snapshots"));
    }

    [Fact]
    public void A_callback_that_throws_stops_neither_the_other_watchers_nor_the_client()
    {
        var run = Run("""
            const live = load();
            live.watch('service', 'a', () => { throw new Error('page bug'); });
            live.watch('service', 'a', watcher('after'));
            await settle();
            push('service:a', 'update');
            runTimers();
            """);

        Assert.Equal(["after <- service:a JoinService a", "after <- service:a update"], Strings(run, "snapshots"));
        Assert.Equal(["Error: page bug", "Error: page bug"], Strings(run, "reported"));
    }

    [Fact]
    public void Loading_the_script_twice_keeps_the_first_client_and_its_one_connection()
    {
        var run = Run("""
            const first = load();
            first.watch('service', 'a', watcher('a'));
            await settle();
            const second = load();
            second.watch('service', 'b', watcher('b'));
            await settle();
            return { same: first === second };
            """);

        Assert.True(run.GetProperty("result").GetProperty("same").GetBoolean());
        Assert.Single(run.GetProperty("builds").EnumerateArray());
        Assert.Equal(["JoinService a", "JoinService b"], Strings(run, "invocations"));
    }

    [Fact]
    public void Configure_sets_the_hub_url_and_credentials_before_the_first_watch_and_nothing_after()
    {
        var run = Run("""
            const live = load();
            const before = live.configure({ url: 'https://engagement.example/hubs/live', withCredentials: false });
            live.watch('service', 'a', watcher('widget'));
            await settle();
            const after = live.configure({ url: '/elsewhere' });
            return { before, after };
            """);

        var build = Assert.Single(run.GetProperty("builds").EnumerateArray());
        Assert.Equal("https://engagement.example/hubs/live", build.GetProperty("url").GetString());
        Assert.False(build.GetProperty("options").GetProperty("withCredentials").GetBoolean());
        Assert.True(run.GetProperty("result").GetProperty("before").GetBoolean());
        Assert.False(run.GetProperty("result").GetProperty("after").GetBoolean());
    }

    [Fact]
    public void Mistakes_in_the_calling_code_are_type_errors_and_topic_names_match_the_server()
    {
        var run = Run("""
            const live = load();
            const thrown = call => { try { call(); return null; } catch (e) { return e.name; } };
            return {
              unknownKind: thrown(() => live.watch('poll', 'a', () => {})),
              emptyId: thrown(() => live.watch('service', ' ', () => {})),
              noCallback: thrown(() => live.watch('service', 'a')),
              topic: live.topic('moderation-queue', 'org1'),
            };
            """);

        var result = run.GetProperty("result");
        Assert.Equal("TypeError", result.GetProperty("unknownKind").GetString());
        Assert.Equal("TypeError", result.GetProperty("emptyId").GetString());
        Assert.Equal("TypeError", result.GetProperty("noCallback").GetString());
        Assert.Equal("moderation-queue:org1", result.GetProperty("topic").GetString());
        Assert.Empty(run.GetProperty("builds").EnumerateArray());
    }

    [Fact]
    public void The_client_needs_no_eval_inline_style_or_markup_and_documents_its_includes_and_policy()
    {
        var source = File.ReadAllText(LiveScript);
        var code = Regex.Replace(source, @"/\*.*?\*/", "", RegexOptions.Singleline);

        Assert.DoesNotMatch(new Regex(@"\beval\s*\(|\bFunction\s*\(|setTimeout\s*\(\s*['""`]"), code);
        Assert.DoesNotMatch(new Regex(@"\.style\b|innerHTML|outerHTML|insertAdjacentHTML|document\.write"), code);
        Assert.Contains("""<script src="/assets/lib/signalr/signalr.min.js" defer></script>""", source, StringComparison.Ordinal);
        Assert.Contains("""<script src="/assets/live.js" defer></script>""", source, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", source, StringComparison.Ordinal);
        Assert.True(WebAssets.Files.GetFileInfo("lib/signalr/signalr.min.js").Exists);
    }

    // The stand-in for window.signalR mirrors the calls live.js makes on @microsoft/signalr's HubConnectionBuilder and
    // HubConnection, including the order SignalR uses when a connection drops: retry policy first, then onreconnecting.
    private const string Harness = """
        const fs = require('fs');
        const vm = require('vm');
        const source = fs.readFileSync(process.env.LIVE_SCRIPT, 'utf8');
        const log = { builds: [], starts: 0, invocations: [], snapshots: [], statuses: [], errors: [], reported: [] };
        const hub = { up: true, refuse: new Set() };
        const timers = [];
        let connection = null;

        class FakeHubConnection {
          constructor(builder) {
            this.builder = builder;
            this.state = 'Disconnected';
            this.handlers = new Map();
            this.reconnectingCallbacks = [];
            this.reconnectedCallbacks = [];
            this.closeCallbacks = [];
          }
          on(name, handler) {
            if (!this.handlers.has(name)) this.handlers.set(name, []);
            this.handlers.get(name).push(handler);
          }
          onreconnecting(callback) { this.reconnectingCallbacks.push(callback); }
          onreconnected(callback) { this.reconnectedCallbacks.push(callback); }
          onclose(callback) { this.closeCallbacks.push(callback); }
          start() {
            log.starts++;
            if (this.state !== 'Disconnected') return Promise.reject(new Error('Cannot start a HubConnection that is not in the Disconnected state.'));
            if (!hub.up) return Promise.reject(new Error('Failed to complete negotiation with the server: TypeError: Failed to fetch'));
            this.state = 'Connected';
            return Promise.resolve();
          }
          invoke(method, id) {
            log.invocations.push(method + ' ' + id);
            if (this.state !== 'Connected') return Promise.reject(new Error("Cannot send data if the connection is not in the 'Connected' State."));
            if (hub.refuse.has(id)) return Promise.reject(new Error("An unexpected error occurred invoking '" + method + "' on the server. HubException: There is no such thing."));
            return Promise.resolve(method + ' ' + id);
          }
        }

        class HubConnectionBuilder {
          withUrl(url, options) { this.url = url; this.options = options; return this; }
          withAutomaticReconnect(policy) { this.policy = policy; return this; }
          configureLogging(level) { this.level = level; return this; }
          build() {
            log.builds.push({
              url: this.url,
              options: this.options === undefined ? null : this.options,
              logLevel: this.level,
              reconnects: typeof (this.policy && this.policy.nextRetryDelayInMilliseconds) === 'function',
            });
            connection = new FakeHubConnection(this);
            return connection;
          }
        }

        const signalR = { HubConnectionBuilder, LogLevel: { Trace: 0, Information: 2, None: 6 } };
        const context = vm.createContext({ setTimeout: (fn, ms) => { timers.push({ fn, ms }); return timers.length; } });

        function load(options) {
          if (options && options.signalR === false) delete context.signalR; else context.signalR = signalR;
          vm.runInContext(source, context);
          return context.EngagementLive;
        }
        const settle = () => new Promise(resolve => setImmediate(resolve));
        const watcher = name => (snapshot, topic) => log.snapshots.push(name + ' <- ' + topic + ' ' + snapshot);
        function push(topic, snapshot) {
          for (const handler of connection.handlers.get('snapshot') || []) handler(topic, snapshot);
        }
        function retryDelay(previousRetryCount) {
          return connection.builder.policy.nextRetryDelayInMilliseconds({ previousRetryCount, elapsedMilliseconds: 0, retryReason: new Error('WebSocket closed with status code: 1006') });
        }
        function drop() {
          connection.state = 'Reconnecting';
          retryDelay(0);
          for (const callback of connection.reconnectingCallbacks) callback(new Error('WebSocket closed with status code: 1006'));
        }
        const failReconnectAttempt = () => retryDelay(1);
        function reconnect() {
          connection.state = 'Connected';
          for (const callback of connection.reconnectedCallbacks) callback('connection-2');
        }
        function closeForGood() {
          connection.state = 'Disconnected';
          for (const callback of connection.closeCallbacks) callback(new Error('Server returned an error on close.'));
        }
        function runTimers() {
          for (const timer of timers.splice(0)) {
            try { timer.fn(); } catch (e) { log.reported.push(String(e)); }
          }
        }

        (async () => {
          const result = await (async () => {
        /*SCENARIO*/
          })();
          console.log(JSON.stringify({ ...log, result: result === undefined ? null : result }));
        })().catch(error => { console.error(error); process.exit(1); });
        """;

    // Any exception the scenario or live.js lets escape, and any unhandled promise rejection, makes node exit non-zero.
    private static JsonElement Run(string scenario, params (string Name, string Value)[] environment)
    {
        var variables = environment.ToDictionary(e => e.Name, e => e.Value);
        variables["LIVE_SCRIPT"] = LiveScript;
        return NodeScript.Run(Harness.Replace("/*SCENARIO*/", scenario, StringComparison.Ordinal), variables);
    }

    private static List<string> Strings(JsonElement run, string property) =>
        run.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();
}
