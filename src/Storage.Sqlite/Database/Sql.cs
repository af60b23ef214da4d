using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>Small helpers that keep every store's SQL parameterised and its reads one line long.</summary>
internal static class Sql
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }

    public static SqliteCommand Command(this SqliteTransaction tx, string sql) => tx.Connection!.Command(sql, tx);

    /// <summary>Binds a parameter; user values only ever reach SQL this way.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Binds many values as one JSON array, read in SQL with <c>json_each(@name)</c>.</summary>
    public static SqliteCommand WithJsonArray(this SqliteCommand command, string name, IEnumerable<string> values) =>
        command.With(name, StorageJson.Serialize(values.ToArray()));

    /// <summary>Runs a command that returns a "doc" column first and deserialises each row.</summary>
    public static List<T> ReadDocs<T>(this SqliteCommand command)
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            var items = new List<T>();
            while (reader.Read())
                items.Add(StorageJson.Deserialize<T>(reader.GetString(0)));
            return items;
        }
    }

    public static T? ReadDoc<T>(this SqliteCommand command) where T : class => command.ReadDocs<T>().FirstOrDefault();

    /// <summary>Runs a statement and disposes the command; returns the rows changed.</summary>
    public static int Run(this SqliteCommand command)
    {
        using (command)
            return command.ExecuteNonQuery();
    }

    /// <summary>Runs a SELECT COUNT(*) and disposes the command.</summary>
    public static int ReadCount(this SqliteCommand command)
    {
        using (command)
            return checked((int)(long)command.ExecuteScalar()!);
    }

    /// <summary>The sortable form of an instant: UTC ticks, so values at different offsets order correctly.</summary>
    public static long Ticks(this DateTimeOffset at) => at.UtcTicks;
}

/// <summary>The SQLite result codes this adapter reacts to.</summary>
internal static class SqliteErrorCodes
{
    public const int Busy = 5;
    public const int Locked = 6;
    public const int ReadOnly = 8;
    public const int IoError = 10;
    public const int Full = 13;
    public const int CantOpen = 14;
    public const int Constraint = 19;
    public const int ConstraintPrimaryKey = 1555;
    public const int ConstraintUnique = 2067;
}
