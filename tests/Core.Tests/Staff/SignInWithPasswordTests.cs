using Engagement.Core.Common;
using Engagement.Core.Staff;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Staff;

/// <summary>
/// Password sign-in: one answer for every kind of refusal, a pause after repeated failures, and upkeep on success.
/// Each attempt costs a full PBKDF2 check (about 0.1 s), so these tests count their attempts.
/// </summary>
public sealed class SignInWithPasswordTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const string WrongPassword = "not the right passphrase";

    private readonly TestPlatform _platform = new(db);

    private Task<Result<StaffMember>> SignInAsync(string email, string password) =>
        _platform.SignInWithPassword.ExecuteAsync(new SignInWithPassword.Request(email, password));

    private static Error AssertNotRight(Result<StaffMember> result)
    {
        var error = ResultAssert.FailedOnly(result, SignInWithPassword.Field, ErrorCodes.Unauthenticated);
        Assert.Equal(SignInWithPassword.NotRightMessage, error.Message);
        return error;
    }

    // A pause is answered in the words of any refusal (an unknown email cannot be paused, so its own words would tell).
    private static void AssertPaused(Result<StaffMember> result) => AssertNotRight(result);

    /// <summary>Puts the member's counter where a number of earlier failures would have left it, without paying for them.</summary>
    private async Task<StaffMember> SetFailuresAsync(StaffMember member, int failures, DateTimeOffset? lockedUntil = null)
    {
        var current = (await _platform.StaffMembers.GetAsync(member.Id))!;
        var updated = current with { FailedSignIns = failures, LockedUntil = lockedUntil, Version = current.Version + 1 };
        Assert.True(await _platform.StaffMembers.UpdateAsync(updated, current.Version));
        return updated;
    }

    // ---- Success ----

    [Fact]
    public async Task SignIn_returns_the_member_for_the_right_password_whatever_the_case_of_the_email()
    {
        var member = await _platform.CreateStaffMemberAsync();

        var signedIn = ResultAssert.Succeeded(await SignInAsync(member.Email.ToUpperInvariant(), TestPlatform.StaffPassword));

        Assert.Equal(member.Id, signedIn.Id);
        // A clean sign-in with a current hash writes nothing.
        Assert.Equal(member.Version, (await _platform.StaffMembers.GetAsync(member.Id))!.Version);
    }

    [Fact]
    public async Task SignIn_resets_the_failure_counter_on_success()
    {
        var member = await _platform.CreateStaffMemberAsync();
        AssertNotRight(await SignInAsync(member.Email, WrongPassword));
        await SetFailuresAsync(member, SignInWithPassword.MaxFailedSignIns - 1);

        ResultAssert.Succeeded(await SignInAsync(member.Email, TestPlatform.StaffPassword));

        var stored = await _platform.StaffMembers.GetAsync(member.Id);
        Assert.Equal((0, null), (stored!.FailedSignIns, stored.LockedUntil));
        // A fresh run of failures starts from zero again.
        AssertNotRight(await SignInAsync(member.Email, WrongPassword));
        Assert.Equal(1, (await _platform.StaffMembers.GetAsync(member.Id))!.FailedSignIns);
    }

    [Fact]
    public async Task SignIn_replaces_a_hash_written_with_an_older_work_factor()
    {
        var member = await _platform.CreateStaffMemberAsync();
        var older = PasswordHasher.Hash(TestPlatform.StaffPassword, iterations: 1_000);
        Assert.True(await _platform.StaffMembers.UpdateAsync(member with { PasswordHash = older, Version = 2 }, 1));

        var signedIn = ResultAssert.Succeeded(await SignInAsync(member.Email, TestPlatform.StaffPassword));

        var stored = await _platform.StaffMembers.GetAsync(member.Id);
        Assert.NotEqual(older, stored!.PasswordHash);
        Assert.False(PasswordHasher.NeedsRehash(stored.PasswordHash));
        Assert.True(PasswordHasher.Verify(TestPlatform.StaffPassword, stored.PasswordHash));
        Assert.Equal(stored.PasswordHash, signedIn.PasswordHash);
    }

    // ---- One answer for every refusal ----

    [Fact]
    public async Task SignIn_gives_an_unknown_email_and_a_wrong_password_the_identical_error()
    {
        var member = await _platform.CreateStaffMemberAsync();

        var unknown = AssertNotRight(await SignInAsync($"nobody-{Guid.NewGuid():N}@example.gc.ca", TestPlatform.StaffPassword));
        var wrong = AssertNotRight(await SignInAsync(member.Email, WrongPassword));

        Assert.Equal(unknown, wrong);
    }

    [Fact]
    public void SignIn_checks_unknown_emails_against_a_dummy_hash_that_costs_what_a_real_one_costs()
    {
        Assert.False(PasswordHasher.NeedsRehash(SignInWithPassword.DummyHash));
    }

    [Fact]
    public async Task SignIn_refuses_a_disabled_member_with_the_same_error_even_with_the_right_password()
    {
        var member = await _platform.CreateStaffMemberAsync();
        Assert.True(await _platform.StaffMembers.UpdateAsync(member with { Disabled = true, Version = 2 }, 1));

        AssertNotRight(await SignInAsync(member.Email, TestPlatform.StaffPassword));
    }

    [Fact]
    public async Task SignIn_refuses_a_member_who_has_no_password_with_the_same_error()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var member = new StaffMember
        {
            Id = Ids.New(),
            Email = $"oidc-only-{Guid.NewGuid():N}@example.gc.ca",
            DisplayName = "Signs in elsewhere",
            ExternalSubject = $"oidc|{Guid.NewGuid():N}",
            Grants = [new RoleGrant(organisation.Id, Role.Analyst)],
            CreatedAt = ManualClock.Start,
            UpdatedAt = ManualClock.Start,
            Version = 1,
        };
        Assert.True(await _platform.StaffMembers.TryAddAsync(member));

        AssertNotRight(await SignInAsync(member.Email, TestPlatform.StaffPassword));
        AssertNotRight(await SignInAsync(member.Email, ""));
    }

    [Theory]
    [InlineData(null, "a long enough passphrase")]
    [InlineData("", "a long enough passphrase")]
    [InlineData("   ", "a long enough passphrase")]
    [InlineData("name@example.org", null)]
    [InlineData("name@example.org", "")]
    public async Task SignIn_answers_missing_input_with_the_same_error(string? email, string? password)
    {
        AssertNotRight(await SignInAsync(email!, password!));
    }

    [Fact]
    public async Task SignIn_answers_a_huge_password_or_email_with_the_same_error_and_counts_the_failure()
    {
        var member = await _platform.CreateStaffMemberAsync();

        AssertNotRight(await SignInAsync(member.Email, new string('p', 1_000_000)));
        AssertNotRight(await SignInAsync(new string('e', 1_000_000) + "@example.org", TestPlatform.StaffPassword));

        Assert.Equal(1, (await _platform.StaffMembers.GetAsync(member.Id))!.FailedSignIns);
    }

    // ---- Pausing after repeated failures ----

    [Fact]
    public async Task SignIn_pauses_after_five_consecutive_failures_and_then_refuses_even_the_right_password()
    {
        var member = await _platform.CreateStaffMemberAsync();

        for (var i = 1; i < SignInWithPassword.MaxFailedSignIns; i++)
        {
            AssertNotRight(await SignInAsync(member.Email, WrongPassword));
            Assert.Equal(i, (await _platform.StaffMembers.GetAsync(member.Id))!.FailedSignIns);
        }
        AssertPaused(await SignInAsync(member.Email, WrongPassword));

        var stored = await _platform.StaffMembers.GetAsync(member.Id);
        Assert.Equal(SignInWithPassword.MaxFailedSignIns, stored!.FailedSignIns);
        Assert.Equal(ManualClock.Start + SignInWithPassword.LockoutDuration, stored.LockedUntil);
        Assert.Equal(TimeSpan.FromMinutes(15), SignInWithPassword.LockoutDuration);
        AssertPaused(await SignInAsync(member.Email, TestPlatform.StaffPassword));
    }

    [Fact]
    public async Task SignIn_while_paused_neither_counts_nor_extends_the_pause()
    {
        var member = await _platform.CreateStaffMemberAsync();
        var lockedUntil = ManualClock.Start.AddMinutes(10);
        var paused = await SetFailuresAsync(member, SignInWithPassword.MaxFailedSignIns, lockedUntil);
        _platform.Clock.Advance(TimeSpan.FromMinutes(9));

        AssertPaused(await SignInAsync(member.Email, WrongPassword));

        var stored = await _platform.StaffMembers.GetAsync(member.Id);
        Assert.Equal((paused.Version, SignInWithPassword.MaxFailedSignIns, lockedUntil), (stored!.Version, stored.FailedSignIns, stored.LockedUntil));
    }

    [Fact]
    public async Task SignIn_works_again_with_the_right_password_once_the_pause_is_over()
    {
        var member = await _platform.CreateStaffMemberAsync();
        await SetFailuresAsync(member, SignInWithPassword.MaxFailedSignIns - 1);
        AssertPaused(await SignInAsync(member.Email, WrongPassword));

        _platform.Clock.Advance(SignInWithPassword.LockoutDuration - TimeSpan.FromTicks(1));
        AssertPaused(await SignInAsync(member.Email, TestPlatform.StaffPassword));
        _platform.Clock.Advance(TimeSpan.FromTicks(1));
        ResultAssert.Succeeded(await SignInAsync(member.Email, TestPlatform.StaffPassword));

        var stored = await _platform.StaffMembers.GetAsync(member.Id);
        Assert.Equal((0, null), (stored!.FailedSignIns, stored.LockedUntil));
    }

    [Fact]
    public async Task SignIn_pauses_again_at_the_first_failure_after_a_pause_ends()
    {
        var member = await _platform.CreateStaffMemberAsync();
        await SetFailuresAsync(member, SignInWithPassword.MaxFailedSignIns, ManualClock.Start);
        _platform.Clock.Advance(TimeSpan.FromMinutes(1));

        AssertPaused(await SignInAsync(member.Email, WrongPassword));

        var stored = await _platform.StaffMembers.GetAsync(member.Id);
        Assert.Equal(SignInWithPassword.MaxFailedSignIns + 1, stored!.FailedSignIns);
        Assert.Equal(_platform.Clock.UtcNow + SignInWithPassword.LockoutDuration, stored.LockedUntil);
    }

    [Fact]
    public async Task SignIn_counts_concurrent_failures_without_losing_any()
    {
        var member = await _platform.CreateStaffMemberAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => SignInAsync(member.Email, WrongPassword))));

        Assert.All(results, r => ResultAssert.Failed(r, SignInWithPassword.Field, ErrorCodes.Unauthenticated));
        Assert.Equal(3, (await _platform.StaffMembers.GetAsync(member.Id))!.FailedSignIns);
    }
}
