using MongoDB.Driver;

namespace Engagement.Storage.Mongo;

/// <summary>
/// A single-document write a unique index may refuse: one document is written atomically, so it needs no transaction,
/// and the refusal becomes false with nothing written.
/// </summary>
internal static class DuplicateKeys
{
    /// <summary>What <paramref name="write"/> answers, or false when an id or a unique rule is already taken.</summary>
    public static async Task<bool> RefuseAsync(Func<Task<bool>> write)
    {
        try
        {
            return await write();
        }
        catch (Exception e) when (Errors.IsDuplicateKey(e))
        {
            return false;
        }
    }

    /// <summary>Inserts <paramref name="document"/>; false, with nothing written, when its id or a unique rule is already taken.</summary>
    public static Task<bool> TryInsertAsync<T>(IMongoCollection<T> collection, T document, CancellationToken ct) =>
        RefuseAsync(async () =>
        {
            await collection.InsertOneAsync(document, cancellationToken: ct);
            return true;
        });
}
