using Engagement.Core.Common;
using Engagement.Core.Moderation;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="ITermListStore"/> every adapter honours.</summary>
public abstract class TermListStoreContract : StoreContract
{
    private static TermList List(string organisationId, TermListKind kind, string language, params string[] terms) => new()
    {
        OrganisationId = organisationId,
        Kind = kind,
        Language = language,
        Terms = terms,
        UpdatedAt = Make.T0,
        UpdatedBy = "staff:" + Ids.New(),
    };

    [ContractFact]
    public async Task SaveAsync_stores_a_list_that_ListAsync_returns_with_every_field()
    {
        var stores = await CreateStoresAsync();
        var list = List(Ids.New(), TermListKind.Blocked, "fr", "connard", "va te faire « voir »", "🖕");

        await stores.TermLists.SaveAsync(list);

        Same.Sequence([list], await stores.TermLists.ListAsync(list.OrganisationId));
    }

    [ContractFact]
    public async Task SaveAsync_replaces_the_list_of_the_same_organisation_kind_and_language_and_no_other()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var blockedEn = List(organisationId, TermListKind.Blocked, "en", "old");
        var suspectEn = List(organisationId, TermListKind.Suspect, "en", "maybe");
        var blockedFr = List(organisationId, TermListKind.Blocked, "fr", "vieux");
        foreach (var list in new[] { suspectEn, blockedFr, blockedEn })
            await stores.TermLists.SaveAsync(list);
        var replaced = blockedEn with { Terms = ["new", "newer"], UpdatedAt = Make.T0.AddDays(1) };

        await stores.TermLists.SaveAsync(replaced);

        Same.Sequence([replaced, blockedFr, suspectEn], await stores.TermLists.ListAsync(organisationId));
        Assert.Empty(await stores.TermLists.ListAsync(Ids.New()));
    }
}
