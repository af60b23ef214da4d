using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Tallies;

namespace Engagement.Core.Comments;

/// <summary>
/// One page of a consultation's published thread: top-level comments with their published replies, reaction
/// counts and, when a participant is given, their own reactions. Costs five store calls whatever the page size.
/// </summary>
public sealed class ListComments(IConsultationStore consultations, ICommentStore comments, ITallyStore tallies) : IUseCase
{
    public const int DefaultLimit = 20;

    public sealed record Request(string ConsultationId, string? After = null, int Limit = DefaultLimit, string? ParticipantId = null);

    /// <summary>A comment with its counts and the viewer's own reaction.</summary>
    public sealed record Item(Comment Comment, long Agree, long Disagree, Reaction? MyReaction, IReadOnlyList<Item> Replies);

    public sealed record Thread(IReadOnlyList<Item> Items, string? NextCursor);

    public async Task<Result<Thread>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var v = new Validator();
        if (request.Limit is < 1 or > PageRequest.MaxLimit)
            v.Add("limit", ErrorCodes.OutOfRange, $"Ask for 1 to {PageRequest.MaxLimit} comments at a time.");
        PageCursor? after = null;
        if (request.After is not null)
        {
            if (PageCursor.TryDecode(request.After, out var cursor))
                after = cursor;
            else
                v.Add("after", ErrorCodes.InvalidFormat, "This cursor was not given by the platform.");
        }
        if (v.HasErrors)
            return Result<Thread>.Fail(v.Errors);

        if (await consultations.GetAsync(request.ConsultationId, ct) is null)
            return Result<Thread>.Fail("consultationId", ErrorCodes.NotFound, "There is no such consultation.");

        var page = await comments.ListTopLevelAsync(request.ConsultationId, CommentStatus.Published, new PageRequest(after, request.Limit), ct);
        var parentIds = page.Items.Select(c => c.Id).ToArray();
        var replies = parentIds.Length == 0 ? [] : await comments.ListRepliesAsync(parentIds, CommentStatus.Published, ct);
        var allIds = parentIds.Concat(replies.Select(r => r.Id)).ToArray();
        var counts = allIds.Length == 0
            ? new Dictionary<string, Tally>()
            : await tallies.GetManyAsync(allIds.Select(TallyScopes.Comment).ToArray(), ct);
        var mine = request.ParticipantId is null || allIds.Length == 0
            ? new Dictionary<string, Reaction>()
            : await comments.GetReactionsAsync(request.ParticipantId, allIds, ct);

        Item ToItem(Comment c, IReadOnlyList<Item> children)
        {
            var tally = counts.TryGetValue(TallyScopes.Comment(c.Id), out var t) ? t : Tally.Empty(TallyScopes.Comment(c.Id));
            return new Item(c, tally[CommentTallies.Agree], tally[CommentTallies.Disagree], mine.TryGetValue(c.Id, out var m) ? m : null, children);
        }

        var byParent = replies.ToLookup(r => r.ParentId!);
        var items = page.Items.Select(c => ToItem(c, byParent[c.Id].Select(r => ToItem(r, [])).ToArray())).ToArray();
        return new Thread(items, page.Next?.Encode());
    }
}
