using System.Globalization;

namespace Engagement.LoadKit;

/// <summary>
/// Reads <c>--name value</c> command lines into an immutable options record:
/// <c>ArgReader.Parse(args, new Options(), (o, a) =&gt; a.Name switch { "--seconds" =&gt; o with { Seconds = a.Int(1, 600) }, … })</c>.
/// Errors are <see cref="ArgumentException"/> or <see cref="FormatException"/> naming the option.
/// </summary>
public sealed class ArgReader
{
    private readonly string[] _args;
    private int _i;

    private ArgReader(string[] args) => _args = args;

    /// <summary>The option being read, such as <c>--seconds</c>.</summary>
    public string Name => _args[_i];

    public static T Parse<T>(string[] args, T initial, Func<T, ArgReader, T> apply)
    {
        var reader = new ArgReader(args);
        var o = initial;
        for (reader._i = 0; reader._i < args.Length; reader._i++)
            o = apply(o, reader);
        return o;
    }

    public string Next()
    {
        var name = Name;
        return _i + 1 < _args.Length ? _args[++_i] : throw new ArgumentException($"{name} needs a value.");
    }

    public int Int(int min, int max)
    {
        var name = Name;
        var v = int.Parse(Next(), CultureInfo.InvariantCulture);
        return v < min || v > max ? throw new ArgumentException($"{name} must be {min} to {max}.") : v;
    }

    public double Double(double min, double max)
    {
        var name = Name;
        var v = double.Parse(Next(), CultureInfo.InvariantCulture);
        return v < min || v > max ? throw new ArgumentException($"{name} must be {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.") : v;
    }

    public string OneOf(params string[] values)
    {
        var name = Name;
        var v = Next();
        return values.Contains(v, StringComparer.Ordinal) ? v : throw new ArgumentException($"{name} is {string.Join(", ", values[..^1])} or {values[^1]}.");
    }

    public ArgumentException Unknown() => new($"Unknown option {Name}.");
}
