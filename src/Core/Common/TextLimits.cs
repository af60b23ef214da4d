namespace Engagement.Core.Common;

/// <summary>The length limits of every user-supplied text, in characters (text elements).</summary>
public static class TextLimits
{
    public const int Slug = 64;
    public const int Name = 200;
    public const int Title = 200;
    public const int Summary = 1_000;
    public const int Body = 20_000;
    public const int Comment = 4_000;
    public const int RatingComment = 1_000;
    public const int ShortAnswer = 500;
    public const int LongAnswer = 5_000;
    public const int QuestionPrompt = 500;
    public const int OptionLabel = 200;
    public const int QuestionId = 64;
    public const int PageUrl = 2_048;
    public const int Email = 254;
    public const int AuditDetail = 2_000;

    /// <summary>A moderator's or editor's reason; leaves room in the audit detail for what changed.</summary>
    public const int Reason = 1_000;
}
