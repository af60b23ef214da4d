using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Organisations;

/// <summary>Renames a service or changes its description.</summary>
public sealed class UpdateService(IServiceStore services, IAuditLog audit, SupportedLanguages languages, TimeProvider clock) : IUseCase
{
    public sealed record Request(string ServiceId, LocalizedText Name, LocalizedText? Description = null);

    public async Task<Result<Service>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Localized("name", request.Name, languages, TextLimits.Name, requireAll: true);
        v.Localized("description", request.Description, languages, TextLimits.Summary, requireAll: false);
        if (v.HasErrors)
            return Result<Service>.Fail(v.Errors);

        var current = await services.GetAsync(request.ServiceId, ct);
        if (current is null)
            return Result<Service>.Fail("serviceId", ErrorCodes.NotFound, "There is no such service.");

        var updated = current with { Name = request.Name, Description = request.Description ?? LocalizedText.Empty };
        if (!await services.UpdateAsync(updated, ct))
            return Result<Service>.Fail("serviceId", ErrorCodes.NotFound, "There is no such service.");

        await audit.RecordAsync(clock, actor, updated.OrganisationId, AuditActions.ServiceUpdated, "service", updated.Id, ct: ct);
        return updated;
    }
}
