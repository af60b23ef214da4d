using Engagement.Core.Common;
using Engagement.Core.Email;
using Engagement.Core.FollowUps;

namespace Engagement.Storage.Tests.Contract;

/// <summary>
/// The rules of <see cref="IFollowUpStore"/> and <see cref="IEmailSuppressionStore"/> every adapter honours: follow-ups found
/// by contribution within their organisation until they expire, deleted by id, address or expiry; unsubscribes kept once per list.
/// </summary>
public abstract class FollowUpStoreContract : StoreContract
{
    private static FollowUp FollowUp(string organisationId, string? address = null, DateTimeOffset? expiresAt = null) => new()
    {
        Id = Ids.New(), OrganisationId = organisationId, Kind = ContributionKind.SurveyResponse, ContributionId = Ids.New(),
        Address = address ?? $"{Guid.NewGuid():N}@example.org", Language = "fr", CreatedAt = Make.T0, ExpiresAt = expiresAt ?? Make.T0.AddDays(30),
    };

    [ContractFact]
    public async Task AddAsync_keeps_the_whole_follow_up_once_found_by_its_contribution_in_its_organisation()
    {
        var stores = await CreateStoresAsync();
        var followUp = FollowUp(Ids.New());

        await stores.FollowUps.AddAsync(followUp);
        await stores.FollowUps.AddAsync(followUp with { Address = "other@example.org" });

        Same.Equal(followUp, Assert.Single(await stores.FollowUps.ListForContributionsAsync(followUp.OrganisationId, [followUp.ContributionId, Ids.New()], Make.T0)));
        Assert.Empty(await stores.FollowUps.ListForContributionsAsync(Ids.New(), [followUp.ContributionId], Make.T0));
        Assert.Empty(await stores.FollowUps.ListForContributionsAsync(followUp.OrganisationId, [], Make.T0));
    }

    [ContractFact]
    public async Task Expired_follow_ups_are_not_found_and_are_deleted_oldest_first_up_to_the_limit()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        // Far in the future, so other tests' follow-ups have all expired before these do.
        var start = Make.T0.AddYears(50);
        var (first, second, live) = (FollowUp(organisationId, expiresAt: start), FollowUp(organisationId, expiresAt: start.AddDays(1)), FollowUp(organisationId, expiresAt: start.AddDays(9)));
        foreach (var f in new[] { first, second, live })
            await stores.FollowUps.AddAsync(f);
        var ids = new[] { first.ContributionId, second.ContributionId, live.ContributionId };

        Assert.Equal([live.Id], (await stores.FollowUps.ListForContributionsAsync(organisationId, ids, start.AddDays(1))).Select(f => f.Id));
        await stores.FollowUps.DeleteExpiredAsync(start.AddDays(2), 100_000);

        Assert.Equal([live.Id], (await stores.FollowUps.ListForContributionsAsync(organisationId, ids, start.AddDays(-1))).Select(f => f.Id));
    }

    [ContractFact]
    public async Task DeleteByAddressAsync_removes_only_that_addresss_follow_ups()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var address = $"{Guid.NewGuid():N}@example.org";
        var (a, b, other) = (FollowUp(organisationId, address), FollowUp(organisationId, address), FollowUp(organisationId));
        foreach (var f in new[] { a, b, other })
            await stores.FollowUps.AddAsync(f);

        Assert.Equal(2, await stores.FollowUps.DeleteByAddressAsync(address));

        Assert.Equal([other.Id], (await stores.FollowUps.ListForContributionsAsync(organisationId,
            [a.ContributionId, b.ContributionId, other.ContributionId], Make.T0)).Select(f => f.Id));
        Assert.Equal(0, await stores.FollowUps.DeleteByAddressAsync(address));
    }

    [ContractFact]
    public async Task Suppressions_are_kept_once_per_list_and_address()
    {
        var stores = await CreateStoresAsync();
        var (gone, stays) = (EmailAddresses.Hash($"{Guid.NewGuid():N}@example.org"), EmailAddresses.Hash($"{Guid.NewGuid():N}@example.org"));

        await stores.EmailSuppressions.SuppressAsync(MailingList.FollowUps, gone, Make.T0);
        await stores.EmailSuppressions.SuppressAsync(MailingList.FollowUps, gone, Make.T0.AddDays(1));

        Assert.Equal([gone], await stores.EmailSuppressions.SuppressedAsync(MailingList.FollowUps, [gone, stays]));
        Assert.Empty(await stores.EmailSuppressions.SuppressedAsync(MailingList.DriftAlerts, [gone, stays]));
        Assert.Empty(await stores.EmailSuppressions.SuppressedAsync(MailingList.FollowUps, []));
    }

    [ContractFact]
    public async Task A_contribution_stores_its_follow_up_in_its_own_commit_and_a_refused_one_keeps_none()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var comment = Make.Comment(organisationId, Ids.New());
        var rating = Make.Rating(organisationId, Ids.New());
        var response = Make.Response(organisationId, Ids.New());
        var duplicate = Make.Response(organisationId, response.SurveyId, response.ParticipantId);
        FollowUp For(string contributionId) => FollowUp(organisationId) with { ContributionId = contributionId };
        var (ofComment, ofRating, ofResponse, ofDuplicate) = (For(comment.Id), For(rating.Id), For(response.Id), For(duplicate.Id));

        Assert.True(await stores.Comments.TryAddAsync(comment, ofComment));
        Assert.True(await stores.Ratings.TryAddAsync(rating, ofRating));
        Assert.True(await stores.SurveyResponses.TryAddAsync(response, ofResponse));
        Assert.False(await stores.SurveyResponses.TryAddAsync(duplicate, ofDuplicate));
        Assert.False(await stores.Comments.TryAddAsync(comment, For(comment.Id)));

        var kept = await stores.FollowUps.ListForContributionsAsync(organisationId, [comment.Id, rating.Id, response.Id, duplicate.Id], Make.T0);
        Assert.Equal(new[] { ofComment.Id, ofRating.Id, ofResponse.Id }.Order(), kept.Select(f => f.Id).Order());
    }
}
