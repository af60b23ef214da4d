using Engagement.Core.Common;

namespace Engagement.Core.Audit;

/// <summary>One line of the audit trail: who did what to which record, when.</summary>
public sealed record AuditEntry
{
    public required string Id { get; init; }
    public required string OrganisationId { get; init; }
    public required Actor Actor { get; init; }

    /// <summary>A dotted verb such as "consultation.opened"; see <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    public required string TargetType { get; init; }
    public required string TargetId { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>A short free-text detail (a reason, the fields changed); never personal information.</summary>
    public string? Detail { get; init; }
}

/// <summary>The audited actions, spelled once.</summary>
public static class AuditActions
{
    public const string OrganisationCreated = "organisation.created";
    public const string ServiceCreated = "service.created";
    public const string ServiceUpdated = "service.updated";
    public const string ConsultationCreated = "consultation.created";
    public const string ConsultationUpdated = "consultation.updated";
    public const string ConsultationOpened = "consultation.opened";
    public const string ConsultationClosed = "consultation.closed";
    public const string ConsultationOutcomePublished = "consultation.outcome_published";
    public const string CommentStatusChanged = "comment.status_changed";
    public const string SurveyCreated = "survey.created";
    public const string SurveyUpdated = "survey.updated";
    public const string SurveyOpened = "survey.opened";
    public const string SurveyClosed = "survey.closed";
    public const string StaffCreated = "staff.created";
    public const string ApiTokenCreated = "api_token.created";
    public const string ApiTokenRevoked = "api_token.revoked";
    public const string WidgetKeyCreated = "widget_key.created";
    public const string WidgetKeyUpdated = "widget_key.updated";
    public const string WidgetKeyEnabled = "widget_key.enabled";
    public const string WidgetKeyDisabled = "widget_key.disabled";
    public const string TermListChanged = "term_list.changed";
    public const string ModerationDecided = "moderation.decided";

    /// <summary>Screening refused a text; the entry names the reasons, never the text.</summary>
    public const string ModerationAutoRejected = "moderation.auto_rejected";
    public const string BacklogItemCreated = "backlog.created";
    public const string BacklogEvidenceAdded = "backlog.evidence_added";
    public const string BacklogStatusChanged = "backlog.status_changed";
    public const string BacklogItemsMerged = "backlog.merged";
    public const string WebhookRegistered = "webhook.registered";
    public const string WebhookUpdated = "webhook.updated";
    public const string WebhookEnabled = "webhook.enabled";
    public const string WebhookDisabled = "webhook.disabled";
    public const string WebhookDeleted = "webhook.deleted";
    public const string WebhookDeliveryRetried = "webhook.delivery_retried";
}
