using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Organisations;

namespace Engagement.Core.Widgets;

/// <summary>Creates a widget key for a service, enabled, with a fresh public key.</summary>
public sealed class CreateWidgetKey(IServiceStore services, IWidgetKeyStore keys, IAuditLog audit, SupportedLanguages languages, TimeProvider clock) : IUseCase
{
    public sealed record Request(
        string ServiceId, IReadOnlyList<string> AllowedOrigins, string? PagePattern = null, LocalizedText? Question = null, string? Language = null,
        bool ShowAverage = false);

    public async Task<Result<WidgetKey>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        var origins = WidgetKeyRules.Origins(v, request.AllowedOrigins);
        var pattern = WidgetKeyRules.PagePattern(v, request.PagePattern);
        v.Localized("question", request.Question, languages, TextLimits.Title, requireAll: false);
        WidgetKeyRules.Language(v, request.Language, languages);
        if (v.HasErrors)
            return Result<WidgetKey>.Fail(v.Errors);
        var service = await services.GetAsync(request.ServiceId, ct);
        if (service is null)
            return Result<WidgetKey>.Fail("serviceId", ErrorCodes.NotFound, "There is no such service.");

        var now = clock.GetUtcNow();
        var key = new WidgetKey
        {
            Id = Ids.New(),
            Key = WidgetKey.NewKey(),
            OrganisationId = service.OrganisationId,
            ServiceId = service.Id,
            AllowedOrigins = origins,
            PagePattern = pattern,
            Question = request.Question ?? LocalizedText.Empty,
            Language = request.Language,
            ShowAverage = request.ShowAverage,
            Enabled = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await keys.TryAddAsync(key, ct))
            throw new InvalidOperationException("A freshly generated widget key collided with an existing one.");
        await audit.RecordAsync(clock, actor, key.OrganisationId, AuditActions.WidgetKeyCreated, "widget_key", key.Id, ct: ct);
        return key;
    }
}
