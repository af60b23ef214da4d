using Engagement.Core.Common;
using Engagement.Core.Ratings;

namespace Engagement.Core.Widgets;

/// <summary>
/// A rating through the widget or its hosted page: checks the key, where the rating comes from and the honeypot, then
/// records it as <see cref="SubmitRating"/> does, so the same rules, screening and tallies apply.
/// </summary>
public sealed class SubmitWidgetRating(IWidgetKeyStore keys, SubmitRating submit) : IUseCase
{
    /// <param name="Origin">The origin the browser named for the embedding page; null only for the platform's own hosted rating page.</param>
    /// <param name="Honeypot">The field people never see and programs fill in; anything but empty is refused.</param>
    public sealed record Request(
        string Key, string? Origin, int Score, string? Comment = null, string? Page = null, string? Language = null, string? Honeypot = null, string? FollowUpEmail = null);

    /// <summary>The stored rating and the key it came through.</summary>
    public sealed record Submitted(ServiceRating Rating, WidgetKey Key);

    public async Task<Result<Submitted>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var key = WidgetKey.LooksLikeKey(request.Key) ? await keys.GetByKeyAsync(request.Key, ct) : null;
        if (key is null || !key.Enabled)
            return Result<Submitted>.Fail("key", ErrorCodes.NotFound, "There is no such widget key, or it has been disabled.");
        var hosted = request.Origin is null;
        if (!hosted && !WidgetOrigins.Allows(key.AllowedOrigins, request.Origin))
            return Result<Submitted>.Fail("origin", ErrorCodes.Forbidden, "This website may not use this widget key.");
        if (!string.IsNullOrEmpty(request.Honeypot))
            return Result<Submitted>.Fail("website", ErrorCodes.InvalidFormat, "This field must be left empty.");

        string? page = null;
        if (!string.IsNullOrWhiteSpace(request.Page))
        {
            page = WidgetPages.Normalise(request.Page);
            if (page is null)
                return Result<Submitted>.Fail("page", ErrorCodes.InvalidFormat, $"Give the page's full web address (http or https, at most {TextLimits.PageUrl} characters).");
            // A page on a site the key does not allow is made up (or the hosted page was handed one): refuse it rather than count it there.
            if (!WidgetOrigins.Allows(key.AllowedOrigins, WidgetOrigins.OriginOf(new Uri(page))))
                return Result<Submitted>.Fail("page", ErrorCodes.Forbidden, "This page is not on a website this key allows.");
        }
        if (key.PagePattern is not null && (page is null || !WidgetPages.Matches(key.PagePattern, page)))
            return Result<Submitted>.Fail("page", ErrorCodes.Forbidden, "This widget key may not be used on this page.");

        var language = string.IsNullOrEmpty(request.Language) ? key.Language ?? "en" : request.Language;
        var rating = await submit.ExecuteAsync(new SubmitRating.Request(key.ServiceId, request.Score, language, request.Comment, page, null, key.Id, request.FollowUpEmail), key.OrganisationId, ct);
        return rating.Succeeded ? new Submitted(rating.Value, key) : Result<Submitted>.Fail(rating.Errors);
    }
}
