using Engagement.Core.Email;
using Engagement.Core.Screening;
using Engagement.Core.Staff;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Notifications;

/// <summary>
/// The moderators' digest: one message per moderator (and admin) for a period with newly held items, none for a quiet
/// period, none twice however often it runs, none to who unsubscribed or holds no moderation role.
/// </summary>
public sealed class ModerationDigestTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly TestPlatform _platform = new(db);

    private async Task<List<EmailMessage>> MailToAsync(params StaffMember[] staff) =>
        [.. (await _platform.Outbox.ListAsync(OutboxStatus.Pending, 100_000)).Select(e => e.Message).Where(m => staff.Any(s => s.Email == m.To))];

    [Fact]
    public async Task A_period_with_held_items_sends_one_digest_to_each_moderator_once()
    {
        _platform.Clock.UtcNow = new DateTimeOffset(2026, 5, 4, 9, 10, 0, TimeSpan.Zero);
        var consultation = await _platform.CreateOpenConsultationAsync();
        var org = consultation.OrganisationId;
        var (moderator, admin, analyst, other) = (await _platform.CreateStaffMemberAsync(org, Role.Moderator), await _platform.CreateStaffMemberAsync(org, Role.Admin),
            await _platform.CreateStaffMemberAsync(org, Role.Analyst), await _platform.CreateStaffMemberAsync(role: Role.Moderator));
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Hold);
        await _platform.PostCommentAsync(consultation, "Held one");
        await _platform.PostCommentAsync(consultation, "Held two");

        Assert.Equal(0, await _platform.SendModerationDigest.ExecuteAsync(org, Hour));
        _platform.Clock.UtcNow = new DateTimeOffset(2026, 5, 4, 10, 1, 0, TimeSpan.Zero);
        var written = await _platform.SendModerationDigest.ExecuteAsync(org, Hour);
        _platform.Clock.Advance(TimeSpan.FromMinutes(20));
        var again = await _platform.SendModerationDigest.ExecuteAsync(org, Hour);

        Assert.Equal((2, 0), (written, again));
        var mail = await MailToAsync(moderator, admin, analyst, other);
        Assert.Equal(new[] { admin.Email, moderator.Email }.Order(), mail.Select(m => m.To).Order());
        var digest = mail.First();
        Assert.StartsWith("2 new items to moderate / 2 nouveaux éléments à modérer", digest.Subject);
        Assert.Contains("2 items were held for review between 2026-05-04 09:00 and 2026-05-04 10:00 (UTC). 2 are waiting in all.", digest.PlainText);
        Assert.Contains($"https://engage.example.org/staff/moderation?organisationId={org}", digest.PlainText);
        Assert.NotNull(digest.ListUnsubscribe);
        _platform.Clock.Advance(Hour);
        Assert.Equal(0, await _platform.SendModerationDigest.ExecuteAsync(org, Hour));
    }

    [Fact]
    public async Task A_moderator_who_unsubscribed_gets_no_digest()
    {
        _platform.Clock.UtcNow = new DateTimeOffset(2026, 5, 5, 9, 10, 0, TimeSpan.Zero);
        var consultation = await _platform.CreateOpenConsultationAsync();
        var (stays, leaves) = (await _platform.CreateStaffMemberAsync(consultation.OrganisationId, Role.Moderator),
            await _platform.CreateStaffMemberAsync(consultation.OrganisationId, Role.Moderator));
        await _platform.EmailSuppressions.SuppressAsync(MailingList.ModerationDigest, EmailAddresses.Hash(leaves.Email), _platform.Clock.GetUtcNow());
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Hold);
        await _platform.PostCommentAsync(consultation, "Held");
        _platform.Clock.Advance(Hour);

        Assert.Equal(1, await _platform.SendModerationDigest.ExecuteAsync(consultation.OrganisationId, Hour));
        Assert.Equal([stays.Email], (await MailToAsync(stays, leaves)).Select(m => m.To));
    }
}
