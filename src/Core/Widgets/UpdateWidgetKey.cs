using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Widgets;

/// <summary>Changes a key's origins, page pattern, wording, language or average display; a null field stays as it is.</summary>
public sealed class UpdateWidgetKey(IWidgetKeyStore keys, IAuditLog audit, SupportedLanguages languages, TimeProvider clock) : IUseCase
{
    /// <summary>Null leaves a field unchanged; an empty page pattern or language removes it.</summary>
    public sealed record Request(
        string Id, IReadOnlyList<string>? AllowedOrigins = null, string? PagePattern = null, LocalizedText? Question = null, string? Language = null,
        bool? ShowAverage = null);

    public async Task<Result<WidgetKey>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var stored = await keys.GetAsync(request.Id, ct);
        if (stored is null)
            return Result<WidgetKey>.Fail("id", ErrorCodes.NotFound, "There is no such widget key.");
        var v = new Validator();
        var origins = request.AllowedOrigins is null ? stored.AllowedOrigins : WidgetKeyRules.Origins(v, request.AllowedOrigins);
        var pattern = request.PagePattern is null ? stored.PagePattern : WidgetKeyRules.PagePattern(v, request.PagePattern);
        v.Localized("question", request.Question, languages, TextLimits.Title, requireAll: false);
        var language = request.Language is null ? stored.Language : request.Language.Length == 0 ? null : request.Language;
        WidgetKeyRules.Language(v, language, languages);
        if (v.HasErrors)
            return Result<WidgetKey>.Fail(v.Errors);

        var unchanged = origins.SequenceEqual(stored.AllowedOrigins) && pattern == stored.PagePattern && language == stored.Language
            && (request.Question is null || request.Question.Equals(stored.Question)) && (request.ShowAverage ?? stored.ShowAverage) == stored.ShowAverage;
        // Nothing to change is not a change: no write, no audit entry.
        if (unchanged)
            return stored;

        var updated = stored with
        {
            AllowedOrigins = origins,
            PagePattern = pattern,
            Question = request.Question ?? stored.Question,
            Language = language,
            ShowAverage = request.ShowAverage ?? stored.ShowAverage,
            UpdatedAt = clock.GetUtcNow(),
        };
        if (!await keys.UpdateAsync(updated, ct))
            return Result<WidgetKey>.Fail("id", ErrorCodes.NotFound, "There is no such widget key.");
        await audit.RecordAsync(clock, actor, updated.OrganisationId, AuditActions.WidgetKeyUpdated, "widget_key", updated.Id, ct: ct);
        return updated;
    }
}
