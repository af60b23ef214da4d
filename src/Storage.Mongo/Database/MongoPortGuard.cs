using System.Collections.Concurrent;
using System.Reflection;
using Engagement.Core.Common;

namespace Engagement.Storage.Mongo;

/// <summary>
/// Wraps a Mongo store in its port so that every call, whichever collection or transaction it touches, reports the
/// driver's failures that pass as <see cref="StoreUnavailableException"/> (see <see cref="MongoUnavailability"/>): one
/// decorator at the port boundary, so no store method can be left out.
/// </summary>
public static class MongoPortGuard
{
    private static readonly ConcurrentDictionary<Type, Func<object, object>> Translators = new();

    /// <summary>
    /// <paramref name="store"/> behind its port <typeparamref name="TPort"/>. Throws <see cref="NotSupportedException"/>
    /// when the port has a method whose result the guard cannot watch (anything but Task and ValueTask), so a port that
    /// grows one fails at start-up instead of slipping past.
    /// </summary>
    public static TPort Guard<TPort>(TPort store) where TPort : class
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!typeof(TPort).IsInterface)
            throw new ArgumentException($"{typeof(TPort).Name} is not a port interface.", nameof(store));
        foreach (var method in Methods(typeof(TPort)))
            _ = TranslatorFor(method);
        var port = DispatchProxy.Create<TPort, Proxy>();
        ((Proxy)(object)port).Store = store;
        return port;
    }

    /// <summary>Whether <paramref name="port"/> came from <see cref="Guard{TPort}"/>.</summary>
    public static bool IsGuarded(object port) => port is Proxy;

    // A port's own methods and those of the interfaces it extends.
    private static IEnumerable<MethodInfo> Methods(Type port) => port.GetInterfaces().Prepend(port).SelectMany(i => i.GetMethods());

    private static Func<object, object> TranslatorFor(MethodInfo method) => Translators.GetOrAdd(method.ReturnType, type =>
    {
        if (type == typeof(Task))
            return task => Watch((Task)task);
        if (type == typeof(ValueTask))
            return task => Watch((ValueTask)task);
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            var watch = type.GetGenericTypeDefinition() == typeof(Task<>) ? nameof(WatchTask) : nameof(WatchValueTask);
            return typeof(MongoPortGuard).GetMethod(watch, BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type.GetGenericArguments()[0]).CreateDelegate<Func<object, object>>();
        }
        // A synchronous result or a stream would be read after the call returned, beyond the guard's reach.
        throw new NotSupportedException(
            $"{method.DeclaringType?.Name}.{method.Name} returns {type.Name}; a guarded port's methods must return Task or ValueTask.");
    });

    private static async Task Watch(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (MongoUnavailability.Classify(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    private static async ValueTask Watch(ValueTask task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (MongoUnavailability.Classify(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    private static object WatchTask<T>(object task) => ((Task<T>)task).IsCompletedSuccessfully ? task : Watch((Task<T>)task);

    private static object WatchValueTask<T>(object task) => ((ValueTask<T>)task).IsCompletedSuccessfully ? task : Watch((ValueTask<T>)task);

    private static async Task<T> Watch<T>(Task<T> task)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception e) when (MongoUnavailability.Classify(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    private static async ValueTask<T> Watch<T>(ValueTask<T> task)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception e) when (MongoUnavailability.Classify(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>The generated port: forwards each call to the store and watches what it returns.</summary>
    internal class Proxy : DispatchProxy
    {
        internal object Store { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            object? result;
            try
            {
                // DoNotWrapExceptions: a store that throws before its first await throws its own exception, not a TargetInvocationException.
                result = targetMethod.Invoke(Store, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null);
            }
            catch (Exception e) when (MongoUnavailability.Classify(e) is { } unavailable)
            {
                throw unavailable;
            }
            return result is null ? null : TranslatorFor(targetMethod)(result);
        }
    }
}
