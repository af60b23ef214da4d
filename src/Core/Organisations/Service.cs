using Engagement.Core.Common;

namespace Engagement.Core.Organisations;

/// <summary>A public service an organisation runs and citizens rate (a passport office, a permit portal).</summary>
public sealed record Service(
    string Id,
    string OrganisationId,
    string Slug,
    LocalizedText Name,
    LocalizedText Description,
    DateTimeOffset CreatedAt);
