using Engagement.Core.Comments;
using Engagement.Core.Screening;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>Appends to the feed of public texts inside the caller's transaction, so the feed never misses a committed text.</summary>
internal static class TextFeed
{
    public static void Append(SqliteTransaction tx, TextKind kind, string targetId) =>
        tx.Command("INSERT INTO text_feed (kind, target_id) VALUES (@kind, @target_id)")
            .With("@kind", kind.ToString())
            .With("@target_id", targetId)
            .Run();

    public static TextKind KindOf(Comment comment) => comment.IsReply ? TextKind.Reply : TextKind.Comment;

    /// <summary>A survey answer's id in the feed and in the moderation queue: the response's id and the question's.</summary>
    public static string SurveyAnswerId(string responseId, string questionId) => $"{responseId}/{questionId}";
}
