using System.Runtime.CompilerServices;
using Engagement.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>
/// Renders what the adapter would send (filters, updates, sorts, pipelines, write models) to the BSON the server receives,
/// through the same class maps, without a server.
/// </summary>
public static class Rendered
{
    static Rendered() => BsonMaps.Register();

    public static BsonDocument Of<T>(FilterDefinition<T> filter) => filter.Render(Args<T>());

    public static BsonValue Of<T>(UpdateDefinition<T> update) => update.Render(Args<T>());

    public static BsonDocument Of<T>(SortDefinition<T> sort) => sort.Render(Args<T>());

    public static BsonArray Of<TIn, TOut>(PipelineDefinition<TIn, TOut> pipeline) =>
        new(pipeline.Render(new RenderArgs<TIn>(BsonSerializer.LookupSerializer<TIn>(), BsonSerializer.SerializerRegistry)).Documents);

    public static BsonDocument Of<T>(UpdateOneModel<T> model) => new()
    {
        { "filter", Of(model.Filter) },
        { "update", Of(model.Update) },
        { "upsert", model.IsUpsert },
    };

    /// <summary>A document as the driver would insert or replace it.</summary>
    public static BsonDocument Document<T>(T value) => value.ToBsonDocument(BsonSerializer.LookupSerializer<T>());

    private static RenderArgs<T> Args<T>() => new(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry);
}

/// <summary>
/// Compares rendered BSON with the JSON checked in under Mongo/Expected/, which is what a reviewer reads to see every
/// query the adapter sends. With UPDATE_MONGO_JSON=1 the files are (re)written instead; a missing file always fails.
/// </summary>
public static class Approved
{
    private static readonly JsonWriterSettings Json = new() { OutputMode = JsonOutputMode.CanonicalExtendedJson, Indent = true, NewLineChars = "\n" };

    public static string ExpectedDirectory([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "Expected"));

    /// <summary>Asserts that <paramref name="rendered"/> equals Expected/<paramref name="name"/>.json ("Store/Method[.case]").</summary>
    public static void Matches(string name, BsonValue rendered)
    {
        var path = Path.Combine(ExpectedDirectory(), name + ".json");
        var actual = ToJson(rendered);
        if (Environment.GetEnvironmentVariable("UPDATE_MONGO_JSON") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual + "\n");
            return;
        }
        Assert.True(File.Exists(path), $"No expected JSON at {path}; run the tests once with UPDATE_MONGO_JSON=1, read the file, and check it in.");
        Assert.Equal(File.ReadAllText(path).TrimEnd('\n').ReplaceLineEndings("\n"), actual);
    }

    public static string ToJson(BsonValue value) => value switch
    {
        BsonDocument d => d.ToJson(Json),
        BsonArray a => a.ToJson(Json),
        _ => new BsonDocument("value", value).ToJson(Json),
    };
}
