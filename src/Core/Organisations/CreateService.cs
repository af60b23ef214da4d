using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Organisations;

/// <summary>Adds a service to an organisation; its slug is unique within the organisation.</summary>
public sealed class CreateService(IOrganisationStore organisations, IServiceStore services, IAuditLog audit, SupportedLanguages languages, TimeProvider clock) : IUseCase
{
    public sealed record Request(string OrganisationId, string Slug, LocalizedText Name, LocalizedText? Description = null);

    public async Task<Result<Service>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Slug("slug", request.Slug);
        v.Localized("name", request.Name, languages, TextLimits.Name, requireAll: true);
        v.Localized("description", request.Description, languages, TextLimits.Summary, requireAll: false);
        if (v.HasErrors)
            return Result<Service>.Fail(v.Errors);
        if (await organisations.GetAsync(request.OrganisationId, ct) is null)
            return Result<Service>.Fail("organisationId", ErrorCodes.NotFound, "There is no such organisation.");

        var service = new Service(Ids.New(), request.OrganisationId, request.Slug, request.Name, request.Description ?? LocalizedText.Empty, clock.GetUtcNow());
        if (!await services.TryAddAsync(service, ct))
            return Result<Service>.Fail("slug", ErrorCodes.Duplicate, $"This organisation already has a service with the slug '{request.Slug}'.");

        await audit.RecordAsync(clock, actor, service.OrganisationId, AuditActions.ServiceCreated, "service", service.Id, ct: ct);
        return service;
    }
}
