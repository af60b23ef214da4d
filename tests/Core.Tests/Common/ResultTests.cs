using Engagement.Core.Common;

namespace Engagement.Core.Tests.Common;

/// <summary>A use-case result is a value or a non-empty list of errors.</summary>
public sealed class ResultTests
{
    [Fact]
    public void Ok_carries_the_value_and_no_error()
    {
        var result = Result<int>.Ok(7);
        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
        Assert.Equal(7, result.Value);
    }

    [Fact]
    public void A_value_converts_implicitly_to_a_success()
    {
        Result<string> result = "done";
        Assert.True(result.Succeeded);
        Assert.Equal("done", result.Value);
    }

    [Fact]
    public void Fail_carries_the_error()
    {
        var result = Result<int>.Fail("slug", ErrorCodes.Duplicate, "Taken.");
        Assert.False(result.Succeeded);
        Assert.Equal(new Error("slug", ErrorCodes.Duplicate, "Taken."), Assert.Single(result.Errors));
    }

    [Fact]
    public void Fail_keeps_every_error_in_order()
    {
        var result = Result<int>.Fail([new Error("a", ErrorCodes.Required, "x"), new Error("b", ErrorCodes.TooLong, "y")]);
        Assert.Equal(["a", "b"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Value_of_a_failure_throws_and_names_the_errors()
    {
        var result = Result<int>.Fail("slug", ErrorCodes.Duplicate, "Taken.");
        var thrown = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains(ErrorCodes.Duplicate, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_without_an_error_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Result<int>.Fail([]));
    }
}
