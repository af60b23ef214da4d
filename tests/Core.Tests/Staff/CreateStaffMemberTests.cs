using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Staff;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Staff;

/// <summary>Adding staff: a unique lower-cased email, roles in existing organisations, and a password hashed (or generated and shown once).</summary>
public sealed class CreateStaffMemberTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const string Password = "a long enough passphrase";

    private readonly TestPlatform _platform = new(db);

    private Task<Result<CreateStaffMember.Created>> CreateAsync(
        string organisationId, string? email = null, string displayName = "Alex Tremblay", IReadOnlyList<RoleGrant>? grants = null, string? password = Password) =>
        _platform.CreateStaffMember.ExecuteAsync(
            new CreateStaffMember.Request(email ?? UniqueEmail(), displayName, grants ?? [new RoleGrant(organisationId, Role.Analyst)], password),
            TestPlatform.Staff);

    private static string UniqueEmail() => $"staff-{Guid.NewGuid():N}@example.gc.ca";

    /// <summary>Creating with this request is refused with this error, and the organisation is left as it was.</summary>
    private async Task AssertRefusedAsync(string field, string code, string? email = null, string displayName = "Alex Tremblay",
        IReadOnlyList<RoleGrant>? grants = null, string? password = Password)
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await CreateAsync(organisation.Id, email, displayName, grants, password), field, code);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
        if (email is not null && Validator.IsPlausibleEmail(email))
            Assert.Null(await _platform.StaffMembers.GetByEmailAsync(email.ToLowerInvariant()));
    }

    // ---- Accepted ----

    [Fact]
    public async Task Create_stores_the_member_with_a_lower_cased_email_and_a_hash_of_the_password_and_audits_it()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var other = await _platform.CreateOrganisationAsync();
        var email = $"Élodie.O'Brien+{Guid.NewGuid():N}@Exemple.GC.CA";
        RoleGrant[] grants = [new(organisation.Id, Role.Admin), new(other.Id, Role.Moderator)];

        var created = ResultAssert.Succeeded(await CreateAsync(organisation.Id, email, "Élodie O'Brien 👩🏽‍💻", grants));

        Assert.Null(created.GeneratedPassword);
        var stored = await _platform.StaffMembers.GetByEmailAsync(email.ToLowerInvariant());
        Assert.NotNull(stored);
        Assert.Equal(created.Member.Id, stored.Id);
        Assert.Equal((email.ToLowerInvariant(), "Élodie O'Brien 👩🏽‍💻"), (stored.Email, stored.DisplayName));
        Assert.Equal(grants, stored.Grants);
        Assert.Equal((0, null, false, null, 1), (stored.FailedSignIns, stored.LockedUntil, stored.Disabled, stored.ExternalSubject, stored.Version));
        Assert.Equal((ManualClock.Start, ManualClock.Start), (stored.CreatedAt, stored.UpdatedAt));
        Assert.True(PasswordHasher.Verify(Password, stored.PasswordHash));
        Assert.DoesNotContain(Password, stored.PasswordHash!, StringComparison.Ordinal);
        var entry = Assert.Single(await _platform.AuditTrailAsync(organisation.Id, stored.Id));
        Assert.Equal((AuditActions.StaffCreated, "staff", TestPlatform.Staff), (entry.Action, entry.TargetType, entry.Actor));
        Assert.Contains("Admin", entry.Detail, StringComparison.Ordinal);
        Assert.Empty(await _platform.AuditTrailAsync(other.Id, stored.Id));
        Assert.Equal([stored.Id], (await _platform.StaffMembers.ListByOrganisationAsync(other.Id)).Select(m => m.Id));
    }

    [Fact]
    public async Task Create_generates_a_strong_password_when_none_is_given_and_returns_it_once()
    {
        var organisation = await _platform.CreateOrganisationAsync();

        var created = ResultAssert.Succeeded(await CreateAsync(organisation.Id, password: null));

        var generated = created.GeneratedPassword;
        Assert.NotNull(generated);
        Assert.True(generated.Length >= 20);
        Assert.All(generated, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
        var stored = await _platform.StaffMembers.GetAsync(created.Member.Id);
        Assert.True(PasswordHasher.Verify(generated, stored!.PasswordHash));
        Assert.DoesNotContain(generated, stored.PasswordHash!, StringComparison.Ordinal);
        Assert.DoesNotContain(generated, await _platform.SnapshotAsync(organisation.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_stores_a_repeated_grant_once()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var grant = new RoleGrant(organisation.Id, Role.Moderator);

        var created = ResultAssert.Succeeded(await CreateAsync(organisation.Id, grants: [grant, grant]));

        Assert.Equal([grant], (await _platform.StaffMembers.GetAsync(created.Member.Id))!.Grants);
    }

    [Fact]
    public async Task Create_accepts_a_password_of_exactly_the_minimum_length_counted_in_characters()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var password = TestPlatform.Repeat("👍🏽", PasswordRules.MinLength);

        var created = ResultAssert.Succeeded(await CreateAsync(organisation.Id, password: password));

        Assert.True(PasswordHasher.Verify(password, created.Member.PasswordHash));
    }

    // ---- Refused ----

    [Fact]
    public async Task Create_is_refused_when_the_email_is_taken_whatever_its_case()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var email = UniqueEmail();
        var first = ResultAssert.Succeeded(await CreateAsync(organisation.Id, email));
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await CreateAsync(organisation.Id, email.ToUpperInvariant()), "email", ErrorCodes.Duplicate);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
        Assert.Equal(first.Member.Id, (await _platform.StaffMembers.GetByEmailAsync(email))!.Id);
    }

    [Fact]
    public async Task Create_lets_exactly_one_of_two_concurrent_requests_for_the_same_email_through()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var email = UniqueEmail();

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => CreateAsync(organisation.Id, email))));

        Assert.Single(results, r => r.Succeeded);
        ResultAssert.FailedOnly(results.Single(r => !r.Succeeded), "email", ErrorCodes.Duplicate);
        Assert.Single(await _platform.StaffMembers.ListByOrganisationAsync(organisation.Id));
        Assert.Single(await _platform.AuditTrailAsync(organisation.Id), e => e.Action == AuditActions.StaffCreated);
    }

    [Theory]
    [InlineData("", ErrorCodes.Required)]
    [InlineData("no-at-sign.example.org", ErrorCodes.InvalidFormat)]
    [InlineData("two@@example.org", ErrorCodes.InvalidFormat)]
    [InlineData("name@localhost", ErrorCodes.InvalidFormat)]
    [InlineData("first last@example.org", ErrorCodes.InvalidFormat)]
    public async Task Create_is_refused_when_the_email_is_missing_or_badly_formed(string email, string code)
    {
        await AssertRefusedAsync("email", code, email: email);
    }

    [Fact]
    public async Task Create_is_refused_when_the_email_is_longer_than_254_characters()
    {
        await AssertRefusedAsync("email", ErrorCodes.TooLong, email: new string('a', 64) + "@" + new string('d', 190) + ".org");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_is_refused_when_the_display_name_is_blank(string displayName)
    {
        await AssertRefusedAsync("displayName", ErrorCodes.Required, displayName: displayName);
    }

    [Fact]
    public async Task Create_is_refused_when_the_display_name_is_longer_than_200_characters()
    {
        await AssertRefusedAsync("displayName", ErrorCodes.TooLong, displayName: new string('n', TextLimits.Name + 1));
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Malformed), MemberType = typeof(SampleTexts))]
    public async Task Create_is_refused_when_the_display_name_has_control_characters_or_broken_unicode(string name)
    {
        await AssertRefusedAsync("displayName", ErrorCodes.InvalidFormat, displayName: "Alex " + SampleTexts.MalformedText(name));
    }

    [Fact]
    public async Task Create_is_refused_when_no_grant_is_given()
    {
        await AssertRefusedAsync("grants", ErrorCodes.Required, grants: []);
    }

    [Fact]
    public async Task Create_is_refused_when_more_grants_than_the_limit_are_given()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var grants = Enumerable.Range(0, CreateStaffMember.MaxGrants + 1).Select(_ => new RoleGrant(organisation.Id, Role.Analyst)).ToArray();

        await AssertRefusedAsync("grants", ErrorCodes.OutOfRange, grants: grants);
    }

    [Fact]
    public async Task Create_is_refused_when_a_grant_names_an_unknown_organisation()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);
        var email = UniqueEmail();

        var result = await CreateAsync(organisation.Id, email, grants: [new RoleGrant(organisation.Id, Role.Admin), new RoleGrant(Ids.New(), Role.Analyst)]);

        ResultAssert.FailedOnly(result, "grants[1].organisationId", ErrorCodes.NotFound);
        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
        Assert.Null(await _platform.StaffMembers.GetByEmailAsync(email));
    }

    [Fact]
    public async Task Create_is_refused_when_a_grant_has_no_organisation()
    {
        var organisation = await _platform.CreateOrganisationAsync();

        await AssertRefusedAsync("grants[1].organisationId", ErrorCodes.Required,
            grants: [new RoleGrant(organisation.Id, Role.Admin), new RoleGrant(" ", Role.Analyst)]);
    }

    [Fact]
    public async Task Create_is_refused_when_a_grant_has_an_undefined_role()
    {
        var organisation = await _platform.CreateOrganisationAsync();

        await AssertRefusedAsync("grants[0].role", ErrorCodes.InvalidFormat, grants: [new RoleGrant(organisation.Id, (Role)42)]);
    }

    [Fact]
    public async Task Create_is_refused_when_the_password_is_shorter_than_12_characters_even_if_it_is_long_in_code_units()
    {
        await AssertRefusedAsync("password", ErrorCodes.OutOfRange, password: "eleven char");
        await AssertRefusedAsync("password", ErrorCodes.OutOfRange, password: TestPlatform.Repeat("👍🏽", PasswordRules.MinLength - 1));
    }

    [Fact]
    public async Task Create_is_refused_when_the_password_is_empty()
    {
        await AssertRefusedAsync("password", ErrorCodes.Required, password: "");
    }

    [Fact]
    public async Task Create_is_refused_when_the_password_is_longer_than_256_characters()
    {
        await AssertRefusedAsync("password", ErrorCodes.TooLong, password: new string('p', PasswordRules.MaxLength + 1));
        await AssertRefusedAsync("password", ErrorCodes.TooLong, password: new string('p', 1_000_000));
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Malformed), MemberType = typeof(SampleTexts))]
    public async Task Create_is_refused_when_the_password_has_control_characters_or_broken_unicode(string name)
    {
        await AssertRefusedAsync("password", ErrorCodes.InvalidFormat, password: "a long enough passphrase " + SampleTexts.MalformedText(name));
    }

    [Fact]
    public async Task Create_reports_every_problem_at_once()
    {
        var organisation = await _platform.CreateOrganisationAsync();

        var result = await CreateAsync(organisation.Id, "not an email", " ", [], "short");

        Assert.Equal(
            [("email", ErrorCodes.InvalidFormat), ("displayName", ErrorCodes.Required), ("grants", ErrorCodes.Required), ("password", ErrorCodes.OutOfRange)],
            result.Errors.Select(e => (e.Field, e.Code)));
    }
}
