using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Engagement.Core.Common;

namespace Engagement.Storage.Sqlite;

/// <summary>
/// The one place the "doc" column's JSON shape is decided: camelCase names, enums as their names (so reordering an
/// enum never changes stored meaning), nulls left out, computed properties not stored, text kept as given.
/// </summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} document is null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Computed getters (IsReply, HasVerifiedEmail…) are derived on load, never stored.
            IgnoreReadOnlyProperties = true,
            // The column is never rendered as HTML; escaping every accent would only bloat it.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(), new LocalizedTextConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Stores a <see cref="LocalizedText"/> as a plain object of language to text.</summary>
    private sealed class LocalizedTextConverter : JsonConverter<LocalizedText>
    {
        public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (language, text) in value)
                writer.WriteString(language, text);
            writer.WriteEndObject();
        }
    }
}
