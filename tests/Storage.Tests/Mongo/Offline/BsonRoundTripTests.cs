using System.Reflection;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>Marks a static method returning sample values (every field set) for the BSON round trips of one feature.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BsonSamplesAttribute : Attribute;

/// <summary>
/// Every class map round-trips: each type <see cref="BsonMaps"/> maps has samples (from the [BsonSamples] methods), and
/// each sample comes back from BSON equal in every field, instants to the tick and offset.
/// </summary>
public sealed class BsonRoundTripTests
{
    static BsonRoundTripTests() => BsonMaps.Register();

    public static IReadOnlyList<object> Samples { get; } = typeof(BsonRoundTripTests).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        .Where(m => m.GetCustomAttribute<BsonSamplesAttribute>() is not null)
        .SelectMany(m => (IEnumerable<object>)m.Invoke(null, null)!)
        .ToList();

    public static TheoryData<string> MappedTypes()
    {
        BsonMaps.Register();
        var data = new TheoryData<string>();
        foreach (var type in BsonMaps.Mapped)
            data.Add(type.FullName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(MappedTypes))]
    public void Every_mapped_type_round_trips_through_bson(string typeName)
    {
        var type = BsonMaps.Mapped.Single(t => t.FullName == typeName);
        var samples = Samples.Where(s => s.GetType() == type).ToList();
        Assert.True(samples.Count > 0, $"No [BsonSamples] value of {type.Name}; add one with every field set.");
        foreach (var sample in samples)
        {
            var document = sample.ToBsonDocument(type);
            var back = BsonSerializer.Deserialize(document, type);
            SameAs(sample, back, type);
        }
    }

    [Fact]
    public void An_instant_keeps_every_tick_and_its_offset_and_is_queryable_by_utc_ticks()
    {
        var instant = Make.T0;
        var rendered = new Holder<DateTimeOffset>(instant).ToBsonDocument()["value"].AsBsonDocument;

        Assert.Equal(instant.UtcTicks, rendered["ticks"].AsInt64);
        Assert.Equal(-300, rendered["offset"].AsInt32);
        Assert.Equal(instant.UtcDateTime.AddTicks(-(instant.UtcTicks % TimeSpan.TicksPerMillisecond)), rendered["at"].ToUniversalTime());
        var back = BsonSerializer.Deserialize<Holder<DateTimeOffset>>(new BsonDocument("value", rendered)).Value;
        Assert.Equal(instant.Ticks, back.Ticks);
        Assert.Equal(instant.Offset, back.Offset);
    }

    [Fact]
    public void Localized_text_is_stored_as_data_never_as_field_names()
    {
        var text = new Core.Common.LocalizedText([new("en", "x"), new("$where", "sleep(1)"), new("a.b", "y")]);

        var rendered = new Holder<Core.Common.LocalizedText>(text).ToBsonDocument();

        Assert.All(rendered["value"].AsBsonArray, e => Assert.Equal(["lang", "text"], e.AsBsonDocument.Names));
        Assert.Equal(text, BsonSerializer.Deserialize<Holder<Core.Common.LocalizedText>>(rendered).Value);
    }

    [Fact]
    public void Dictionary_keys_are_stored_as_data_never_as_field_names()
    {
        var map = new Dictionary<string, int> { ["$where"] = 1, ["a.b"] = 2, ["$ne"] = 3 };

        var rendered = new Holder<IReadOnlyDictionary<string, int>>(map).ToBsonDocument();

        Assert.All(rendered["value"].AsBsonArray, e => Assert.Equal(["k", "v"], e.AsBsonDocument.Names));
        Assert.Equal(map, BsonSerializer.Deserialize<Holder<IReadOnlyDictionary<string, int>>>(rendered).Value);
    }

    private static void SameAs(object expected, object actual, Type type) =>
        typeof(Same).GetMethod(nameof(Same.Equal))!.MakeGenericMethod(type).Invoke(null, [expected, actual]);

    /// <summary>A value in a document of its own, mapped with the adapter's conventions.</summary>
    public sealed record Holder<T>(T Value);
}
