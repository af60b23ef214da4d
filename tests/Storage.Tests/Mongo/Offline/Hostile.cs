using MongoDB.Bson;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>Text a user may send that a careless adapter would read as an operator or a path, and the check that it stays data.</summary>
public static class Hostile
{
    public static TheoryData<string> Texts() => new()
    {
        "{\"$where\": \"sleep(5000)\"}",
        "{\"$ne\": null}",
        "$gt",
        "$where",
        "a.b.$[]",
    };

    /// <summary>No field name anywhere in the document, nested ones included, is an operator or a dotted path.</summary>
    public static void NoFieldNameFromData(BsonDocument document)
    {
        foreach (var element in document)
        {
            Assert.False(element.Name.StartsWith('$') || element.Name.Contains('.', StringComparison.Ordinal), $"Field name '{element.Name}' in {document}");
            Walk(element.Value);
        }
    }

    private static void Walk(BsonValue value)
    {
        if (value is BsonDocument d)
            NoFieldNameFromData(d);
        else if (value is BsonArray a)
        {
            foreach (var item in a)
                Walk(item);
        }
    }
}
