using Engagement.Core.Common;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;
using MongoDB.Driver;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>
/// The guard covers every port of the adapter and every way a port method can fail (before its first await or after,
/// through Task or ValueTask), and lets everything that is not unavailability through unchanged.
/// </summary>
public sealed class MongoPortGuardTests
{
    [Fact]
    public void Every_Mongo_store_implements_one_port_whose_methods_the_guard_covers()
    {
        using var db = new MongoStorage("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300");
        var stores = typeof(MongoStorage).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(IsPort))
            .ToList();

        Assert.Equal(25, stores.Count);
        Assert.All(stores, store =>
        {
            var port = Assert.Single(store.GetInterfaces(), IsPort);
            var guard = typeof(MongoPortGuard).GetMethod(nameof(MongoPortGuard.Guard))!.MakeGenericMethod(port);
            // Guard refuses a port with a method it cannot watch, so this throws if a store grows one.
            Assert.True(MongoPortGuard.IsGuarded(guard.Invoke(null, [Activator.CreateInstance(store, db)])!));
        });
    }

    [Fact]
    public void Every_port_the_fixture_hands_the_contract_suites_is_guarded()
    {
        using var db = new MongoStorage("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300");
        var stores = MongoFixture.For(db);

        var ports = typeof(StoreSet).GetProperties().Select(p => p.GetValue(stores)!).ToList();

        Assert.Equal(25, ports.Count);
        Assert.All(ports, port => Assert.True(MongoPortGuard.IsGuarded(port), $"{port.GetType().Name} is not guarded."));
    }

    [Fact]
    public void A_port_with_a_method_the_guard_cannot_watch_is_refused_when_guarded()
    {
        var error = Assert.Throws<NotSupportedException>(() => MongoPortGuard.Guard<IStreamingPort>(new StreamingPort()));

        Assert.Contains(nameof(IStreamingPort.StreamAsync), error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Shapes => new() { "Task", "TaskOfT", "ValueTask", "ValueTaskOfT", "Throws" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Unavailability_is_reported_whatever_the_shape_of_the_call(string shape)
    {
        var port = MongoPortGuard.Guard<IProbePort>(new ProbePort(new TimeoutException("A timeout occurred after 300ms selecting a server.")));

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Call(port, shape));

        Assert.Equal(StoreUnavailableReason.Failing, error.Reason);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Other_failures_pass_through_as_they_are(string shape)
    {
        var refused = new MongoClientException("Standalone servers do not support transactions.");
        var port = MongoPortGuard.Guard<IProbePort>(new ProbePort(refused));

        Assert.Same(refused, await Assert.ThrowsAsync<MongoClientException>(() => Call(port, shape)));
    }

    [Fact]
    public async Task Answers_pass_through_as_they_are()
    {
        var port = MongoPortGuard.Guard<IProbePort>(new ProbePort(null));

        Assert.Equal(42, await port.TaskOfTAsync());
        Assert.Equal(43, await port.ValueTaskOfTAsync());
        await port.TaskAsync();
        await port.ValueTaskAsync();
    }

    private static Task Call(IProbePort port, string shape) => shape switch
    {
        "Task" => port.TaskAsync(),
        "TaskOfT" => port.TaskOfTAsync(),
        "ValueTask" => port.ValueTaskAsync().AsTask(),
        "ValueTaskOfT" => port.ValueTaskOfTAsync().AsTask(),
        _ => port.ThrowsBeforeAwaitAsync(),
    };

    private static bool IsPort(Type type) => type.IsInterface && type.Assembly == typeof(StoreUnavailableException).Assembly;

    /// <summary>A port shape for the test: each way a method can answer.</summary>
    public interface IProbePort
    {
        Task TaskAsync();

        Task<int> TaskOfTAsync();

        ValueTask ValueTaskAsync();

        ValueTask<int> ValueTaskOfTAsync();

        Task ThrowsBeforeAwaitAsync();
    }

    /// <summary>A port the guard must refuse: a stream is read after the call returned.</summary>
    public interface IStreamingPort
    {
        Task<int> CountAsync();

        IAsyncEnumerable<int> StreamAsync();
    }

    private sealed class ProbePort(Exception? failure) : IProbePort
    {
        public async Task TaskAsync()
        {
            await Task.Yield();
            Fail();
        }

        public async Task<int> TaskOfTAsync()
        {
            await Task.Yield();
            Fail();
            return 42;
        }

        public async ValueTask ValueTaskAsync()
        {
            await Task.Yield();
            Fail();
        }

        public async ValueTask<int> ValueTaskOfTAsync()
        {
            await Task.Yield();
            Fail();
            return 43;
        }

        public Task ThrowsBeforeAwaitAsync()
        {
            Fail();
            return Task.CompletedTask;
        }

        private void Fail()
        {
            if (failure is not null)
                throw failure;
        }
    }

    private sealed class StreamingPort : IStreamingPort
    {
        public Task<int> CountAsync() => Task.FromResult(0);

        public async IAsyncEnumerable<int> StreamAsync()
        {
            await Task.Yield();
            yield return 1;
        }
    }
}
