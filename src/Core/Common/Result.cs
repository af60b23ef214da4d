namespace Engagement.Core.Common;

/// <summary>The outcome of a use case: a value, or the list of errors that stopped it (and then nothing changed).</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<Error> errors)
    {
        _value = value;
        Errors = errors;
    }

    public IReadOnlyList<Error> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>The value; reading it from a failed result is a programming error.</summary>
    public T Value => Succeeded
        ? _value!
        : throw new InvalidOperationException($"The result failed: {string.Join("; ", Errors)}");

    public static Result<T> Ok(T value) => new(value, []);

    public static Result<T> Fail(IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(default, errors);

    public static Result<T> Fail(string field, string code, string message) => new(default, [new Error(field, code, message)]);

    public static implicit operator Result<T>(T value) => Ok(value);

    public override string ToString() => Succeeded ? $"Ok({_value})" : $"Fail({string.Join("; ", Errors)})";
}
