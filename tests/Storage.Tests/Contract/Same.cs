using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Engagement.Storage.Tests.Contract;

/// <summary>
/// Deep equality for stored records: both sides are written as JSON with object keys sorted, so every field,
/// nested list and dictionary is compared, and instants compare with their offset and every tick.
/// </summary>
public static class Same
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Equal<T>(T expected, T? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(Canonical(expected), Canonical(actual));
    }

    public static void Sequence<T>(IEnumerable<T> expected, IEnumerable<T> actual) =>
        Assert.Equal(expected.Select(Canonical).ToArray(), actual.Select(Canonical).ToArray());

    private static string Canonical<T>(T value) => Sort(JsonSerializer.SerializeToNode(value, Options))?.ToJsonString(Options) ?? "null";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sort).ToArray()),
        _ => node?.DeepClone(),
    };
}
