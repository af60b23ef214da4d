namespace Engagement.Core.Insights;

/// <summary>
/// The one rule every insights figure shown to staff or exported follows: a group of fewer than <see cref="K"/> records
/// (a period, a theme, a sentiment bucket, any breakdown) is withheld, and so is every figure derived from it.
/// </summary>
/// <remarks>
/// Withholding only the small groups is not enough where a total is shown: the one withheld part of a breakdown is then
/// the total minus the parts shown. So whenever a line of a breakdown (a row or a column whose total is known) has
/// exactly one withheld part, the next smallest part of that line is withheld too, and tables are worked until no line
/// has a lone withheld part.
/// </remarks>
public static class PrivacyThreshold
{
    /// <summary>The smallest group shown: groups of 0 to 4 records are withheld.</summary>
    public const int K = 5;

    /// <summary>Whether a group of <paramref name="count"/> records may be shown.</summary>
    public static bool Allows(long count) => count >= K;

    /// <summary>The count when it may be shown; null (withheld, "fewer than 5") otherwise.</summary>
    public static long? Show(long count) => Allows(count) ? count : null;

    /// <summary>
    /// Which parts of one breakdown to withhold (true): every part under <see cref="K"/>, and, when its total is shown and
    /// exactly one part would be withheld, the smallest part left so that neither can be worked back from the total.
    /// </summary>
    public static bool[] Withhold(IReadOnlyList<long> parts, bool totalShown = true)
    {
        var table = new long[1][];
        table[0] = [.. parts];
        return Withhold(table, rowTotalsShown: totalShown, columnTotalsShown: false)[0];
    }

    /// <summary>
    /// Which cells of a table to withhold (true), where each row and each column is a breakdown whose total may be shown
    /// (periods by sentiment, with each period's total and each sentiment's total over the range): every cell under
    /// <see cref="K"/>, then, line by line until nothing changes, a second cell in any line with exactly one withheld.
    /// <paramref name="initial"/> marks cells already withheld for another reason (the period they belong to is withheld).
    /// </summary>
    public static bool[][] Withhold(
        IReadOnlyList<IReadOnlyList<long>> rows, bool rowTotalsShown = true, bool columnTotalsShown = true, IReadOnlyList<IReadOnlyList<bool>>? initial = null)
    {
        var withheld = rows.Select((r, i) => r.Select((n, j) => !Allows(n) || (initial is not null && initial[i][j])).ToArray()).ToArray();
        var changed = true;
        while (changed)
        {
            changed = false;
            if (rowTotalsShown)
                for (var r = 0; r < rows.Count; r++)
                    changed |= Protect([.. Enumerable.Range(0, rows[r].Count).Select(c => (r, c))], rows, withheld);
            if (columnTotalsShown)
            {
                var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
                for (var c = 0; c < columns; c++)
                    changed |= Protect([.. Enumerable.Range(0, rows.Count).Where(r => c < rows[r].Count).Select(r => (r, c))], rows, withheld);
            }
        }
        return withheld;
    }

    // One line (row or column) of cells: with exactly one withheld and at least one shown, withholds the shown cell
    // with the smallest count (the first such, for a stable choice); true when it withheld one.
    private static bool Protect(IReadOnlyList<(int Row, int Column)> line, IReadOnlyList<IReadOnlyList<long>> rows, bool[][] withheld)
    {
        if (line.Count(cell => withheld[cell.Row][cell.Column]) != 1)
            return false;
        var shown = line.Where(cell => !withheld[cell.Row][cell.Column]).ToList();
        if (shown.Count == 0)
            return false;
        var next = shown.MinBy(cell => rows[cell.Row][cell.Column]);
        withheld[next.Row][next.Column] = true;
        return true;
    }
}
