using Engagement.Core.Common;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace Engagement.Storage.Mongo;

/// <summary>
/// Stores a <see cref="LocalizedText"/> as an array of <c>{ lang, text }</c>: language codes are data, and data never
/// becomes a field name (a key with '.' or '$' would be read as a path or an operator).
/// </summary>
internal sealed class LocalizedTextSerializer : SerializerBase<LocalizedText>
{
    public override LocalizedText Deserialize(BsonDeserializationContext context, BsonDeserializationArgs args)
    {
        var reader = context.Reader;
        var texts = new List<KeyValuePair<string, string>>();
        reader.ReadStartArray();
        while (reader.ReadBsonType() != BsonType.EndOfDocument)
        {
            reader.ReadStartDocument();
            string? lang = null, text = null;
            while (reader.ReadBsonType() != BsonType.EndOfDocument)
            {
                switch (reader.ReadName())
                {
                    case "lang":
                        lang = reader.ReadString();
                        break;
                    case "text":
                        text = reader.ReadString();
                        break;
                    default:
                        reader.SkipValue();
                        break;
                }
            }
            reader.ReadEndDocument();
            if (lang is null || text is null)
                throw new FormatException("A stored localized text entry lacks 'lang' or 'text'.");
            texts.Add(new(lang, text));
        }
        reader.ReadEndArray();
        return new LocalizedText(texts);
    }

    public override void Serialize(BsonSerializationContext context, BsonSerializationArgs args, LocalizedText value)
    {
        var writer = context.Writer;
        writer.WriteStartArray();
        foreach (var (lang, text) in value)
        {
            writer.WriteStartDocument();
            writer.WriteString("lang", lang);
            writer.WriteString("text", text);
            writer.WriteEndDocument();
        }
        writer.WriteEndArray();
    }
}
