using Engagement.Core.Common;

namespace Engagement.Core.Tests.Support;

/// <summary>Assertions on use-case results, on the stable error field and code (never on message wording).</summary>
public static class ResultAssert
{
    /// <summary>The result succeeded; on failure the message lists every error so the cause is visible.</summary>
    public static T Succeeded<T>(Result<T> result)
    {
        Assert.True(result.Succeeded, $"Expected success but got: {string.Join("; ", result.Errors)}");
        return result.Value;
    }

    /// <summary>The result failed with (at least) this error; returns it so a test can look at its message.</summary>
    public static Error Failed<T>(Result<T> result, string field, string code)
    {
        Assert.False(result.Succeeded, $"Expected {field}: {code} but the use case succeeded.");
        var error = result.Errors.FirstOrDefault(e => e.Field == field && e.Code == code);
        Assert.True(error is not null, $"Expected {field}: {code} but got: {string.Join("; ", result.Errors)}");
        return error!;
    }

    /// <summary>The result failed with exactly this one error.</summary>
    public static Error FailedOnly<T>(Result<T> result, string field, string code)
    {
        var error = Failed(result, field, code);
        Assert.True(result.Errors.Count == 1, $"Expected only {field}: {code} but got: {string.Join("; ", result.Errors)}");
        return error;
    }
}
