using Engagement.Core.Common;

namespace Engagement.Core.Staff;

/// <summary>
/// Checks a staff member's email and local password. Every refusal is the same UNAUTHENTICATED error, so the answer
/// never tells whether an email belongs to someone; repeated failures pause the account's password sign-in.
/// </summary>
public sealed class SignInWithPassword(IStaffStore store, TimeProvider clock) : IUseCase
{
    /// <summary>Consecutive failures after which password sign-in is paused; every further failure pauses it again.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>The field every refusal names: neither "email" nor "password", since saying which was wrong would tell.</summary>
    public const string Field = "credentials";

    /// <summary>
    /// The one answer to every refusal, a pause included: only an existing account can be paused, so a pause answered
    /// in its own words would tell an attacker which emails have accounts.
    /// </summary>
    public const string NotRightMessage =
        "The email or password is not right, or sign-in with a password is paused for a while after too many attempts. Check them and try again in a few minutes, or ask an administrator.";

    /// <summary>How long password sign-in stays paused once <see cref="MaxFailedSignIns"/> is reached.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A hash of a random password nobody knows, written with the current parameters: checking against it costs what
    /// checking a real member's hash costs, so an unknown email is not answered faster.
    /// </summary>
    internal const string DummyHash = "pbkdf2-sha512$210000$7cMNUpTXHvlvr1UHsVusMg==$pNLPUV/ZyzSkYuQLKHZ9NA3CoVE9Nn4Ye4NwN4x/BhU=";

    // Concurrent sign-ins to one account race on its version; a few re-reads settle any honest contention.
    private const int MaxWriteAttempts = 5;

    public sealed record Request(string Email, string Password);

    public async Task<Result<StaffMember>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        // No password this long can be right (see PasswordRules); checking an empty one instead keeps the timing.
        var password = request.Password is { Length: <= PasswordRules.MaxLength * 32 } given ? given : "";
        var member = string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > TextLimits.Email
            ? null
            : await store.GetByEmailAsync(request.Email.ToLowerInvariant(), ct);

        if (member is null || member.Disabled || member.PasswordHash is null)
        {
            PasswordHasher.Verify(password, DummyHash);
            return NotRight();
        }

        var now = clock.GetUtcNow();
        if (member.LockedUntil > now)
        {
            // The same work as any other refusal, so a paused account is not told apart by how soon it answers.
            PasswordHasher.Verify(password, member.PasswordHash);
            return NotRight();
        }

        if (!PasswordHasher.Verify(password, member.PasswordHash))
        {
            await RecordFailureAsync(member, now, ct);
            return NotRight();
        }
        return await RecordSuccessAsync(member, password, now, ct);
    }

    private async Task<StaffMember?> RecordFailureAsync(StaffMember? member, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxWriteAttempts && member is not null; attempt++)
        {
            // The count is not reset when a pause ends, so each failure after it pauses again at once: after the
            // first pause an attacker gets one guess per pause, while the owner still gets in with one right try.
            var failures = member.FailedSignIns + 1;
            var updated = member with
            {
                FailedSignIns = failures,
                LockedUntil = failures >= MaxFailedSignIns ? now + LockoutDuration : member.LockedUntil,
                UpdatedAt = now,
                Version = member.Version + 1,
            };
            if (await store.UpdateAsync(updated, member.Version, ct))
                return updated;
            member = await store.GetAsync(member.Id, ct);
        }
        return member;
    }

    private async Task<Result<StaffMember>> RecordSuccessAsync(StaffMember member, string password, DateTimeOffset now, CancellationToken ct)
    {
        var verifiedHash = member.PasswordHash;
        var newHash = PasswordHasher.NeedsRehash(verifiedHash) ? PasswordHasher.Hash(password) : null;
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            // The common case, a clean account with a current hash, costs no write at all.
            if (newHash is null && member.FailedSignIns == 0 && member.LockedUntil is null)
                return member;
            var updated = member with
            {
                FailedSignIns = 0,
                LockedUntil = null,
                PasswordHash = newHash ?? member.PasswordHash,
                UpdatedAt = now,
                Version = member.Version + 1,
            };
            if (await store.UpdateAsync(updated, member.Version, ct))
                return updated;
            var reread = await store.GetAsync(member.Id, ct);
            // Disabled or given a new password while this one was being checked: the check no longer counts.
            if (reread is null || reread.Disabled || reread.PasswordHash != verifiedHash)
                return NotRight();
            member = reread;
        }
        // The password was right; failing to clear the counter under heavy contention must not refuse the person.
        return member;
    }

    private static Result<StaffMember> NotRight() => Result<StaffMember>.Fail(Field, ErrorCodes.Unauthenticated, NotRightMessage);
}
