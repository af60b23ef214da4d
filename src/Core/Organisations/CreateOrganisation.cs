using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Organisations;

/// <summary>Creates an organisation with a unique slug and a name in every offered language.</summary>
public sealed class CreateOrganisation(IOrganisationStore store, IAuditLog audit, SupportedLanguages languages, TimeProvider clock) : IUseCase
{
    public sealed record Request(string Slug, LocalizedText Name);

    public async Task<Result<Organisation>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Slug("slug", request.Slug);
        v.Localized("name", request.Name, languages, TextLimits.Name, requireAll: true);
        if (v.HasErrors)
            return Result<Organisation>.Fail(v.Errors);

        var organisation = new Organisation(Ids.New(), request.Slug, request.Name, clock.GetUtcNow());
        if (!await store.TryAddAsync(organisation, ct))
            return Result<Organisation>.Fail("slug", ErrorCodes.Duplicate, $"An organisation already uses the slug '{request.Slug}'.");

        await audit.RecordAsync(clock, actor, organisation.Id, AuditActions.OrganisationCreated, "organisation", organisation.Id, ct: ct);
        return organisation;
    }
}
