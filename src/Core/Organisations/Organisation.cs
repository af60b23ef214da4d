using Engagement.Core.Common;

namespace Engagement.Core.Organisations;

/// <summary>The tenancy unit: a department or municipality that runs services and consultations.</summary>
public sealed record Organisation(string Id, string Slug, LocalizedText Name, DateTimeOffset CreatedAt);
