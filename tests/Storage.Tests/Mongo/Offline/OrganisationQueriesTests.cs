using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the organisation and service stores send, rendered and compared with the checked-in JSON; slugs stay values.</summary>
public sealed class OrganisationQueriesTests
{
    [Fact]
    public void Renders_every_organisation_query()
    {
        Approved.Matches("MongoOrganisationStore/ById", Rendered.Of(MongoOrganisationStore.Queries.ById("org-1")));
        Approved.Matches("MongoOrganisationStore/BySlug", Rendered.Of(MongoOrganisationStore.Queries.BySlug("org-slug")));
        Approved.Matches("MongoOrganisationStore/All", Rendered.Of(MongoOrganisationStore.Queries.All()));
        Approved.Matches("MongoOrganisationStore/BySlugOrder", Rendered.Of(MongoOrganisationStore.Queries.BySlugOrder()));
        Approved.Matches("MongoOrganisationStore/Organisation.document", Rendered.Document(Samples.Organisation()));
    }

    [Fact]
    public void Renders_every_service_query()
    {
        Approved.Matches("MongoServiceStore/ById", Rendered.Of(MongoServiceStore.Queries.ById("s-1")));
        Approved.Matches("MongoServiceStore/ByIds", Rendered.Of(MongoServiceStore.Queries.ByIds(["s-1", "s-2", "s-1"])));
        Approved.Matches("MongoServiceStore/OfOrganisation", Rendered.Of(MongoServiceStore.Queries.OfOrganisation("org-1")));
        Approved.Matches("MongoServiceStore/BySlugOrder", Rendered.Of(MongoServiceStore.Queries.BySlugOrder()));
        Approved.Matches("MongoServiceStore/SetTexts", Rendered.Of(MongoServiceStore.Queries.SetTexts(Samples.Service())));
        Approved.Matches("MongoServiceStore/Service.document", Rendered.Document(Samples.Service()));
    }

    [Theory]
    [MemberData(nameof(Hostile.Texts), MemberType = typeof(Hostile))]
    public void Operator_text_in_slugs_and_names_is_stored_and_matched_as_a_plain_string(string hostile)
    {
        var organisation = Make.Organisation(hostile) with { Id = hostile, Name = Make.Text(hostile, hostile) };
        var service = Make.Service(hostile, hostile) with { Id = hostile };

        var storedOrganisation = Rendered.Document(organisation);
        var storedService = Rendered.Document(service);
        var bySlug = Rendered.Of(MongoOrganisationStore.Queries.BySlug(hostile));
        var ofOrganisation = Rendered.Of(MongoServiceStore.Queries.OfOrganisation(hostile));
        var renamed = Rendered.Of(MongoServiceStore.Queries.SetTexts(service with { Name = Make.Text(hostile, hostile) })).AsBsonDocument;

        Assert.Equal(hostile, storedOrganisation["slug"].AsString);
        Assert.Equal(hostile, storedOrganisation["_id"].AsString);
        Assert.Equal(hostile, storedService["organisationId"].AsString);
        Assert.Equal(hostile, bySlug["slug"].AsString);
        Assert.Equal(hostile, ofOrganisation["organisationId"].AsString);
        Assert.Equal(hostile, renamed["$set"]["name"][0]["text"].AsString);
        Hostile.NoFieldNameFromData(storedOrganisation);
        Hostile.NoFieldNameFromData(storedService);
    }
}
