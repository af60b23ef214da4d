using System.Globalization;
using System.Text;

namespace Engagement.LoadKit;

/// <summary>A markdown table for the tools' summaries: the first column left-aligned, the others right-aligned.</summary>
public sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public MarkdownTable Row(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    /// <summary>A figure with <paramref name="format"/> in the invariant culture; "–" for NaN or infinity.</summary>
    public static string Figure(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";

    public override string ToString()
    {
        var s = new StringBuilder();
        s.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        s.Append("| --- |").AppendJoin("", headers.Skip(1).Select(_ => " ---: |")).AppendLine();
        foreach (var row in _rows)
            s.Append("| ").AppendJoin(" | ", row.Concat(Enumerable.Repeat("", Math.Max(0, headers.Length - row.Length)))).AppendLine(" |");
        return s.ToString();
    }
}

/// <summary>
/// Figures of two runs side by side with their ratio (<c>| title | a | b | a / b |</c>); a run that did not take place
/// (null) loses its column and the ratio.
/// </summary>
public sealed class ComparisonTable<T>(string title, string aName, T? a, string bName, T? b)
    where T : class
{
    private readonly MarkdownTable _table = new(
        [title, .. a is null ? Array.Empty<string>() : [aName], .. b is null ? Array.Empty<string>() : [bName], .. a is not null && b is not null ? [$"{aName} / {bName}"] : Array.Empty<string>()]);

    /// <summary>One figure of both runs; <paramref name="ratio"/> false leaves the ratio cell empty.</summary>
    public ComparisonTable<T> Row(string name, Func<T, double> figure, string format, bool ratio = true)
    {
        List<string> cells = [name];
        if (a is not null)
            cells.Add(MarkdownTable.Figure(figure(a), format));
        if (b is not null)
            cells.Add(MarkdownTable.Figure(figure(b), format));
        if (a is not null && b is not null)
        {
            var (fa, fb) = (figure(a), figure(b));
            cells.Add(!ratio ? "" : fb == 0 ? "–" : MarkdownTable.Figure(fa / fb, "F2"));
        }
        _table.Row([.. cells]);
        return this;
    }

    public override string ToString() => _table.ToString();
}
