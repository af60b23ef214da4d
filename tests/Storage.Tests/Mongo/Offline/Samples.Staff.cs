using Engagement.Core.ApiTokens;
using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Staff;
using Engagement.Core.Widgets;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

public static partial class Samples
{
    public static StaffMember StaffMember() => Make.Staff("org-1", "élodie@example.gc.ca", "oidc|sub-1") with
    {
        Id = "s-1",
        DisplayName = Make.Unicode,
        Grants = [new RoleGrant("org-1", Role.Admin), new RoleGrant("org-2", Role.Moderator), new RoleGrant("org-2", Role.Analyst)],
    };

    public static ApiToken ApiToken() => Make.ApiToken("org-1", Make.T0) with
    {
        Id = "t-1",
        Name = Make.Unicode,
        TokenHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        CreatedBy = "s-1",
        RevokedAt = Make.T0.AddDays(2).AddTicks(3).ToOffset(TimeSpan.FromHours(5.5)),
    };

    public static WidgetKey WidgetKey() => Make.WidgetKey("org-1", "svc-1", Make.T0) with { Id = "w-1", Key = "wk_ABCDEFGHIJKLMNOPQRSTUVW" };

    public static AuditEntry AuditEntry() => Make.Audit("org-1", "c-1", Make.T0) with { Id = "a-1", Actor = Actor.Staff("s-1") };

    [BsonSamples]
    private static IEnumerable<object> StaffTokensKeysAndAudit() =>
    [
        StaffMember(),
        ApiToken(),
        WidgetKey(),
        AuditEntry(),
        AuditEntry() with { Id = "a-2", Actor = Actor.Participant(Make.Unicode), Detail = Make.Unicode },
    ];
}
