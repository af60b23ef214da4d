using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace Engagement.Storage.Mongo;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as <c>{ at, ticks, offset }</c>: <c>at</c> is a BSON date (for TTL indexes and
/// people reading the data), <c>ticks</c> the UTC ticks every query filters and sorts on (a BSON date keeps only
/// milliseconds), and <c>offset</c> the minutes east of UTC, so an instant comes back with every tick and its offset.
/// </summary>
internal sealed class InstantSerializer : StructSerializerBase<DateTimeOffset>
{
    public const string At = "at";
    public const string Ticks = "ticks";
    public const string Offset = "offset";

    public override DateTimeOffset Deserialize(BsonDeserializationContext context, BsonDeserializationArgs args)
    {
        var reader = context.Reader;
        reader.ReadStartDocument();
        long? ticks = null;
        int? offset = null;
        while (reader.ReadBsonType() != BsonType.EndOfDocument)
        {
            switch (reader.ReadName())
            {
                case Ticks:
                    ticks = reader.ReadInt64();
                    break;
                case Offset:
                    offset = reader.ReadInt32();
                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }
        reader.ReadEndDocument();
        if (ticks is null || offset is null)
            throw new FormatException("A stored instant lacks its 'ticks' or 'offset' field.");
        var span = TimeSpan.FromMinutes(offset.Value);
        return new DateTimeOffset(ticks.Value + span.Ticks, span);
    }

    public override void Serialize(BsonSerializationContext context, BsonSerializationArgs args, DateTimeOffset value)
    {
        var writer = context.Writer;
        writer.WriteStartDocument();
        writer.WriteDateTime(At, BsonUtils.ToMillisecondsSinceEpoch(value.UtcDateTime));
        writer.WriteInt64(Ticks, value.UtcTicks);
        writer.WriteInt32(Offset, (int)value.Offset.TotalMinutes);
        writer.WriteEndDocument();
    }
}

/// <summary>Field paths inside a stored instant, so queries never spell "createdAt.ticks" by hand.</summary>
internal static class Instant
{
    /// <summary>The UTC ticks of an instant stored under <paramref name="field"/>: what filters and sorts use.</summary>
    public static string TicksOf(string field) => $"{field}.{InstantSerializer.Ticks}";

    /// <summary>The BSON date of an instant stored under <paramref name="field"/>: what TTL indexes use.</summary>
    public static string DateOf(string field) => $"{field}.{InstantSerializer.At}";
}
