using System.Collections.Concurrent;
using System.Reflection;
using Engagement.Api.Storage;
using Engagement.Core.Audit;
using Engagement.Core.Comments;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;
using Engagement.Core.Participants;
using Engagement.Core.Ratings;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Api.Tests.Hosting;

/// <summary>Counts every call the host makes to a storage port, so tests can prove a page costs a bounded number of queries.</summary>
public sealed class StoreCallCounter
{
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<string> Calls => [.. _calls];

    public void Reset() => _calls.Clear();

    internal void Record(string call) => _calls.Enqueue(call);

    /// <summary>Replaces every port registration of the host with a counting wrapper around the real store.</summary>
    public void Install(IServiceCollection services)
    {
        Wrap<IOrganisationStore>(services, a => a.Organisations);
        Wrap<IServiceStore>(services, a => a.Services);
        Wrap<IConsultationStore>(services, a => a.Consultations);
        Wrap<ICommentStore>(services, a => a.Comments);
        Wrap<ISurveyStore>(services, a => a.Surveys);
        Wrap<ISurveyResponseStore>(services, a => a.SurveyResponses);
        Wrap<IRatingStore>(services, a => a.Ratings);
        Wrap<IParticipantStore>(services, a => a.Participants);
        Wrap<ITallyStore>(services, a => a.Tallies);
        Wrap<IAuditLog>(services, a => a.Audit);
        Wrap<Core.Staff.IStaffStore>(services, a => a.Staff);
        Wrap<Core.ApiTokens.IApiTokenStore>(services, a => a.ApiTokens);
        // Live pushes read snapshots in the background, at moments no test controls; their calls would land in
        // whichever request a test is counting, so hosts that count calls tell no live viewer.
        services.AddSingleton<Core.Live.ILiveNotifier>(Core.Live.NoLiveNotifier.Instance);
    }

    private void Wrap<T>(IServiceCollection services, Func<StorageAdapter, T> port) where T : class =>
        services.AddSingleton(sp =>
        {
            var proxy = DispatchProxy.Create<T, CountingProxy<T>>();
            ((CountingProxy<T>)(object)proxy).Attach(port(sp.GetRequiredService<StorageAdapter>()), this);
            return proxy;
        });
}

/// <summary>The dispatch proxy behind <see cref="StoreCallCounter"/>.</summary>
public class CountingProxy<T> : DispatchProxy where T : class
{
    private T _inner = null!;
    private StoreCallCounter _counter = null!;

    internal void Attach(T inner, StoreCallCounter counter)
    {
        _inner = inner;
        _counter = counter;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        _counter.Record($"{typeof(T).Name}.{targetMethod!.Name}");
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
