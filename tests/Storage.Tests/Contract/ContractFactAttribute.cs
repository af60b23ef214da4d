using Xunit.Abstractions;
using Xunit.Sdk;

namespace Engagement.Storage.Tests.Contract;

/// <summary>
/// A contract test: a [Fact] that runs for every adapter's subclass, except that a subclass marked
/// <see cref="NeedsServerAttribute"/> whose server is not configured reports each test as skipped with the reason,
/// so a missing MongoDB shows in the results rather than leaving the rows out.
/// </summary>
[XunitTestCaseDiscoverer("Engagement.Storage.Tests.Contract.ContractFactDiscoverer", "Engagement.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;

/// <summary>The <see cref="ContractFactAttribute"/> of a test with data rows.</summary>
[XunitTestCaseDiscoverer("Engagement.Storage.Tests.Contract.ContractTheoryDiscoverer", "Engagement.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractTheoryAttribute : TheoryAttribute;

/// <summary>Marks an adapter's contract subclass that needs a server; <see cref="SkipReason"/> says why it cannot run now.</summary>
[AttributeUsage(AttributeTargets.Class)]
public abstract class NeedsServerAttribute : Attribute
{
    /// <summary>Null when the server is configured; otherwise the reason every test of the class is skipped.</summary>
    public abstract string? SkipReason { get; }
}

/// <summary>Finds contract facts, skipping those of a subclass whose server is not configured.</summary>
public sealed class ContractFactDiscoverer(IMessageSink sink) : FactDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ContractSkip.ReasonFor(testMethod) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

/// <summary>Finds contract theories, skipping those of a subclass whose server is not configured.</summary>
public sealed class ContractTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ContractSkip.ReasonFor(testMethod) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class ContractSkip
{
    public static string? ReasonFor(ITestMethod testMethod) =>
        testMethod.TestClass.Class.ToRuntimeType()?.GetCustomAttributes(typeof(NeedsServerAttribute), inherit: true)
            .Cast<NeedsServerAttribute>().Select(a => a.SkipReason).FirstOrDefault(r => r is not null);
}

/// <summary>A test case reported as skipped with a reason decided at discovery rather than written in the attribute.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod, string reason)
        : base(sink, display, options, testMethod) => _reason = reason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Reason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("Reason");
        base.Deserialize(data);
    }
}
