using Engagement.Core.Common;
using Engagement.Core.Staff;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IStaffStore"/> every adapter honours.</summary>
public abstract class StaffStoreContract : StoreContract
{
    /// <summary>Stores over an empty database, for <see cref="IStaffStore.AnyAsync"/>; every other test shares one.</summary>
    protected abstract Task<StoreSet> CreateEmptyStoresAsync();

    // ---- TryAddAsync ----

    [ContractFact]
    public async Task TryAddAsync_stores_a_member_that_GetAsync_returns_with_every_field()
    {
        var stores = await CreateStoresAsync();
        var member = Make.Staff();

        Assert.True(await stores.Staff.TryAddAsync(member));

        Same.Equal(member, await stores.Staff.GetAsync(member.Id));
    }

    [ContractFact]
    public async Task TryAddAsync_round_trips_a_member_without_password_external_subject_or_lockout()
    {
        var stores = await CreateStoresAsync();
        var member = Make.Staff() with { PasswordHash = null, ExternalSubject = null, FailedSignIns = 0, LockedUntil = null, Disabled = false };

        Assert.True(await stores.Staff.TryAddAsync(member));

        Same.Equal(member, await stores.Staff.GetAsync(member.Id));
    }

    [ContractFact]
    public async Task TryAddAsync_accepts_many_members_without_an_external_subject()
    {
        var stores = await CreateStoresAsync();

        Assert.True(await stores.Staff.TryAddAsync(Make.Staff() with { ExternalSubject = null }));
        Assert.True(await stores.Staff.TryAddAsync(Make.Staff() with { ExternalSubject = null }));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_id_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Staff();
        await stores.Staff.TryAddAsync(first);
        var second = Make.Staff() with { Id = first.Id };

        Assert.False(await stores.Staff.TryAddAsync(second));

        Same.Equal(first, await stores.Staff.GetAsync(first.Id));
        Assert.Null(await stores.Staff.GetByEmailAsync(second.Email));
        Assert.Null(await stores.Staff.GetByExternalSubjectAsync(second.ExternalSubject!));
        Assert.Empty(await stores.Staff.ListByOrganisationAsync(second.Grants[0].OrganisationId));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_email_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Staff();
        await stores.Staff.TryAddAsync(first);
        var second = Make.Staff(email: first.Email);

        Assert.False(await stores.Staff.TryAddAsync(second));

        Assert.Null(await stores.Staff.GetAsync(second.Id));
        Same.Equal(first, await stores.Staff.GetByEmailAsync(first.Email));
        Assert.Null(await stores.Staff.GetByExternalSubjectAsync(second.ExternalSubject!));
        Assert.Empty(await stores.Staff.ListByOrganisationAsync(second.Grants[0].OrganisationId));
    }

    [ContractFact]
    public async Task TryAddAsync_returns_false_and_changes_nothing_when_the_external_subject_is_taken()
    {
        var stores = await CreateStoresAsync();
        var first = Make.Staff();
        await stores.Staff.TryAddAsync(first);
        var second = Make.Staff(externalSubject: first.ExternalSubject);

        Assert.False(await stores.Staff.TryAddAsync(second));

        Assert.Null(await stores.Staff.GetAsync(second.Id));
        Assert.Null(await stores.Staff.GetByEmailAsync(second.Email));
        Same.Equal(first, await stores.Staff.GetByExternalSubjectAsync(first.ExternalSubject!));
        Assert.Empty(await stores.Staff.ListByOrganisationAsync(second.Grants[0].OrganisationId));
    }

    [ContractFact]
    public async Task TryAddAsync_accepts_exactly_one_of_many_concurrent_members_with_the_same_email()
    {
        var stores = await CreateStoresAsync();
        var email = $"race-{Ids.New()}@example.org";
        var attempts = Enumerable.Range(0, 20).Select(_ => Make.Staff(email: email)).ToArray();

        var results = await Task.WhenAll(attempts.Select(m => Task.Run(() => stores.Staff.TryAddAsync(m))));

        Assert.Single(results, r => r);
        Same.Equal(attempts[Array.IndexOf(results, true)], await stores.Staff.GetByEmailAsync(email));
    }

    // ---- UpdateAsync ----

    [ContractFact]
    public async Task UpdateAsync_replaces_the_member_when_the_stored_version_is_the_expected_one()
    {
        var stores = await CreateStoresAsync();
        var member = Make.Staff();
        await stores.Staff.TryAddAsync(member);
        var changed = member with
        {
            Email = $"renamed-{Ids.New()}@example.org",
            DisplayName = "Renamed ✨",
            PasswordHash = "pbkdf2-sha512$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==",
            ExternalSubject = $"oidc|{Ids.New()}",
            Grants = [new RoleGrant(Ids.New(), Role.Analyst)],
            FailedSignIns = 0,
            LockedUntil = null,
            Disabled = false,
            UpdatedAt = Make.T0.AddDays(1),
            Version = 2,
        };

        Assert.True(await stores.Staff.UpdateAsync(changed, expectedVersion: 1));

        Same.Equal(changed, await stores.Staff.GetAsync(member.Id));
        Same.Equal(changed, await stores.Staff.GetByEmailAsync(changed.Email));
        Same.Equal(changed, await stores.Staff.GetByExternalSubjectAsync(changed.ExternalSubject));
        Assert.Null(await stores.Staff.GetByEmailAsync(member.Email));
        Assert.Null(await stores.Staff.GetByExternalSubjectAsync(member.ExternalSubject!));
        var next = changed with { FailedSignIns = 1, Version = 3 };
        Assert.True(await stores.Staff.UpdateAsync(next, expectedVersion: 2));
        Same.Equal(next, await stores.Staff.GetAsync(member.Id));
    }

    [ContractFact]
    public async Task UpdateAsync_can_remove_the_external_subject_and_free_it_for_someone_else()
    {
        var stores = await CreateStoresAsync();
        var member = Make.Staff();
        await stores.Staff.TryAddAsync(member);

        Assert.True(await stores.Staff.UpdateAsync(member with { ExternalSubject = null, Version = 2 }, 1));

        Assert.Null(await stores.Staff.GetByExternalSubjectAsync(member.ExternalSubject!));
        Assert.True(await stores.Staff.TryAddAsync(Make.Staff(externalSubject: member.ExternalSubject)));
    }

    [ContractFact]
    public async Task UpdateAsync_returns_false_and_changes_nothing_when_the_version_differs()
    {
        var stores = await CreateStoresAsync();
        var member = Make.Staff();
        await stores.Staff.TryAddAsync(member);
        var stale = member with { Email = $"stale-{Ids.New()}@example.org", Grants = [new RoleGrant(Ids.New(), Role.Admin)], Version = 6 };

        Assert.False(await stores.Staff.UpdateAsync(stale, expectedVersion: 5));

        Same.Equal(member, await stores.Staff.GetAsync(member.Id));
        Assert.Null(await stores.Staff.GetByEmailAsync(stale.Email));
        Assert.Empty(await stores.Staff.ListByOrganisationAsync(stale.Grants[0].OrganisationId));
        Assert.Single(await stores.Staff.ListByOrganisationAsync(member.Grants[0].OrganisationId));
    }

    [ContractFact]
    public async Task UpdateAsync_refuses_the_second_of_two_changes_made_from_the_same_version()
    {
        var stores = await CreateStoresAsync();
        var member = Make.Staff();
        await stores.Staff.TryAddAsync(member);
        var mine = member with { FailedSignIns = 4, Version = 2 };

        Assert.True(await stores.Staff.UpdateAsync(mine, 1));
        Assert.False(await stores.Staff.UpdateAsync(member with { FailedSignIns = 0, Version = 2 }, 1));

        Same.Equal(mine, await stores.Staff.GetAsync(member.Id));
    }

    [ContractFact]
    public async Task UpdateAsync_returns_false_and_creates_nothing_when_the_id_is_unknown()
    {
        var stores = await CreateStoresAsync();
        var member = Make.Staff() with { Version = 2 };

        Assert.False(await stores.Staff.UpdateAsync(member, 1));

        Assert.Null(await stores.Staff.GetAsync(member.Id));
        Assert.Null(await stores.Staff.GetByEmailAsync(member.Email));
        Assert.Empty(await stores.Staff.ListByOrganisationAsync(member.Grants[0].OrganisationId));
    }

    [ContractFact]
    public async Task UpdateAsync_returns_false_and_changes_nothing_when_the_new_email_is_held_by_someone_else()
    {
        var stores = await CreateStoresAsync();
        var other = Make.Staff();
        var member = Make.Staff();
        await stores.Staff.TryAddAsync(other);
        await stores.Staff.TryAddAsync(member);
        var taking = member with { Email = other.Email, Grants = [new RoleGrant(Ids.New(), Role.Admin)], Version = 2 };

        Assert.False(await stores.Staff.UpdateAsync(taking, 1));

        Same.Equal(member, await stores.Staff.GetAsync(member.Id));
        Same.Equal(other, await stores.Staff.GetByEmailAsync(other.Email));
        Assert.Empty(await stores.Staff.ListByOrganisationAsync(taking.Grants[0].OrganisationId));
        Same.Sequence([member], await stores.Staff.ListByOrganisationAsync(member.Grants[0].OrganisationId));
    }

    [ContractFact]
    public async Task UpdateAsync_returns_false_and_changes_nothing_when_the_new_external_subject_is_held_by_someone_else()
    {
        var stores = await CreateStoresAsync();
        var other = Make.Staff();
        var member = Make.Staff();
        await stores.Staff.TryAddAsync(other);
        await stores.Staff.TryAddAsync(member);

        Assert.False(await stores.Staff.UpdateAsync(member with { ExternalSubject = other.ExternalSubject, Version = 2 }, 1));

        Same.Equal(member, await stores.Staff.GetAsync(member.Id));
        Same.Equal(other, await stores.Staff.GetByExternalSubjectAsync(other.ExternalSubject!));
    }

    [ContractFact]
    public async Task UpdateAsync_never_changes_the_creation_time()
    {
        var stores = await CreateStoresAsync();
        var member = Make.Staff();
        await stores.Staff.TryAddAsync(member);
        var tampered = member with { CreatedAt = Make.T0.AddDays(-9), DisplayName = "Changed", Version = 2 };

        Assert.True(await stores.Staff.UpdateAsync(tampered, 1));

        Same.Equal(tampered with { CreatedAt = member.CreatedAt }, await stores.Staff.GetAsync(member.Id));
    }

    // ---- Look-ups ----

    [ContractFact]
    public async Task GetAsync_returns_null_when_there_is_no_member_with_the_id()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Staff.GetAsync(Ids.New()));
    }

    [ContractFact]
    public async Task GetByEmailAsync_compares_the_email_exactly()
    {
        var stores = await CreateStoresAsync();
        var member = Make.Staff(email: $"élodie.{Ids.New()}@exemple.ca");
        await stores.Staff.TryAddAsync(member);

        Same.Equal(member, await stores.Staff.GetByEmailAsync(member.Email));
        Assert.Null(await stores.Staff.GetByEmailAsync(member.Email.ToUpperInvariant()));
        Assert.Null(await stores.Staff.GetByEmailAsync(" " + member.Email));
        Assert.Null(await stores.Staff.GetByEmailAsync($"{Ids.New()}@example.org"));
    }

    [ContractFact]
    public async Task GetByExternalSubjectAsync_returns_the_linked_member_or_null()
    {
        var stores = await CreateStoresAsync();
        var member = Make.Staff();
        await stores.Staff.TryAddAsync(member);

        Same.Equal(member, await stores.Staff.GetByExternalSubjectAsync(member.ExternalSubject!));
        Assert.Null(await stores.Staff.GetByExternalSubjectAsync(member.ExternalSubject!.ToUpperInvariant()));
        Assert.Null(await stores.Staff.GetByExternalSubjectAsync($"oidc|{Ids.New()}"));
    }

    // ---- ListByOrganisationAsync ----

    [ContractFact]
    public async Task ListByOrganisationAsync_returns_the_members_holding_any_grant_there_ordered_by_email()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var stamp = Ids.New();
        var charlie = Make.Staff(organisationId, email: $"charlie-{stamp}@example.org");
        var alice = Make.Staff(email: $"alice-{stamp}@example.org") with { Grants = [new RoleGrant(Ids.New(), Role.Admin), new RoleGrant(organisationId, Role.Citizen)] };
        var bob = Make.Staff(email: $"bob-{stamp}@example.org") with { Grants = [new RoleGrant(organisationId, Role.Moderator), new RoleGrant(organisationId, Role.Analyst)] };
        var elsewhere = Make.Staff();
        foreach (var member in new[] { charlie, elsewhere, bob, alice })
            await stores.Staff.TryAddAsync(member);

        var listed = await stores.Staff.ListByOrganisationAsync(organisationId);

        // Bob holds two roles there and is listed once.
        Same.Sequence([alice, bob, charlie], listed);
    }

    [ContractFact]
    public async Task ListByOrganisationAsync_follows_grants_changed_by_UpdateAsync()
    {
        var stores = await CreateStoresAsync();
        var (kept, dropped, added) = (Ids.New(), Ids.New(), Ids.New());
        var member = Make.Staff() with { Grants = [new RoleGrant(kept, Role.Admin), new RoleGrant(dropped, Role.Analyst)] };
        await stores.Staff.TryAddAsync(member);
        var changed = member with { Grants = [new RoleGrant(kept, Role.Moderator), new RoleGrant(added, Role.Analyst)], Version = 2 };

        Assert.True(await stores.Staff.UpdateAsync(changed, 1));

        Same.Sequence([changed], await stores.Staff.ListByOrganisationAsync(kept));
        Same.Sequence([changed], await stores.Staff.ListByOrganisationAsync(added));
        Assert.Empty(await stores.Staff.ListByOrganisationAsync(dropped));
    }

    [ContractFact]
    public async Task ListByOrganisationAsync_returns_empty_for_an_organisation_nobody_works_in()
    {
        var stores = await CreateStoresAsync();

        Assert.Empty(await stores.Staff.ListByOrganisationAsync(Ids.New()));
    }

    // ---- AnyAsync ----

    [ContractFact]
    public async Task AnyAsync_is_false_for_an_empty_store_and_true_once_a_member_exists()
    {
        var stores = await CreateEmptyStoresAsync();
        Assert.False(await stores.Staff.AnyAsync());

        await stores.Staff.TryAddAsync(Make.Staff());

        Assert.True(await stores.Staff.AnyAsync());
    }

    [ContractFact]
    public async Task AnyAsync_counts_disabled_members_and_members_without_a_password()
    {
        var stores = await CreateEmptyStoresAsync();

        await stores.Staff.TryAddAsync(Make.Staff() with { Disabled = true, PasswordHash = null });

        Assert.True(await stores.Staff.AnyAsync());
    }
}
