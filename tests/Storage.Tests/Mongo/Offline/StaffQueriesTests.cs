using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the staff, API token and widget key stores send, rendered and compared with the checked-in JSON; user text stays a value.</summary>
public sealed class StaffQueriesTests
{
    // Some builders serialize an item themselves; the class maps must be registered before the first one does.
    static StaffQueriesTests() => BsonMaps.Register();

    [Fact]
    public void Renders_every_staff_query()
    {
        Approved.Matches("MongoStaffStore/ById", Rendered.Of(MongoStaffStore.Queries.ById("s-1")));
        Approved.Matches("MongoStaffStore/AtVersion", Rendered.Of(MongoStaffStore.Queries.AtVersion("s-1", 4)));
        Approved.Matches("MongoStaffStore/ByEmail", Rendered.Of(MongoStaffStore.Queries.ByEmail("élodie@example.gc.ca")));
        Approved.Matches("MongoStaffStore/ByExternalSubject", Rendered.Of(MongoStaffStore.Queries.ByExternalSubject("oidc|sub-1")));
        Approved.Matches("MongoStaffStore/InOrganisation", Rendered.Of(MongoStaffStore.Queries.InOrganisation("org-1")));
        Approved.Matches("MongoStaffStore/ByEmailOrder", Rendered.Of(MongoStaffStore.Queries.ByEmailOrder()));
        Approved.Matches("MongoStaffStore/Everyone", Rendered.Of(MongoStaffStore.Queries.Everyone()));
        Approved.Matches("MongoStaffStore/StaffMember.document", Rendered.Document(Samples.StaffMember()));
    }

    [Fact]
    public void Renders_every_api_token_query()
    {
        Approved.Matches("MongoApiTokenStore/ById", Rendered.Of(MongoApiTokenStore.Queries.ById("t-1")));
        Approved.Matches("MongoApiTokenStore/ByHash", Rendered.Of(MongoApiTokenStore.Queries.ByHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
        Approved.Matches("MongoApiTokenStore/OfOrganisation", Rendered.Of(MongoApiTokenStore.Queries.OfOrganisation("org-1")));
        Approved.Matches("MongoApiTokenStore/Newest", Rendered.Of(MongoApiTokenStore.Queries.Newest()));
        Approved.Matches("MongoApiTokenStore/NotRevoked", Rendered.Of(MongoApiTokenStore.Queries.NotRevoked("t-1")));
        Approved.Matches("MongoApiTokenStore/Revoke", Rendered.Of(MongoApiTokenStore.Queries.Revoke(Make.T0.AddDays(1))));
        Approved.Matches("MongoApiTokenStore/ApiToken.document", Rendered.Document(Samples.ApiToken()));
    }

    [Fact]
    public void Renders_every_widget_key_query()
    {
        var key = Samples.WidgetKey();
        Approved.Matches("MongoWidgetKeyStore/ById", Rendered.Of(MongoWidgetKeyStore.Queries.ById("w-1")));
        Approved.Matches("MongoWidgetKeyStore/ByKey", Rendered.Of(MongoWidgetKeyStore.Queries.ByKey(key.Key)));
        Approved.Matches("MongoWidgetKeyStore/OfService", Rendered.Of(MongoWidgetKeyStore.Queries.OfService("svc-1")));
        Approved.Matches("MongoWidgetKeyStore/Oldest", Rendered.Of(MongoWidgetKeyStore.Queries.Oldest()));
        Approved.Matches("MongoWidgetKeyStore/SetSettings.every-field", Rendered.Of(MongoWidgetKeyStore.Queries.SetSettings(key)));
        Approved.Matches("MongoWidgetKeyStore/SetSettings.optional-cleared",
            Rendered.Of(MongoWidgetKeyStore.Queries.SetSettings(key with { PagePattern = null, Language = null, Question = Core.Common.LocalizedText.Empty })));
        Approved.Matches("MongoWidgetKeyStore/WidgetKey.document", Rendered.Document(key));
    }

    [Fact]
    public void A_member_without_a_subject_stores_no_subject_field_so_the_partial_unique_index_skips_them()
    {
        var stored = Rendered.Document(Samples.StaffMember() with { ExternalSubject = null, PasswordHash = null, LockedUntil = null });

        Assert.False(stored.Contains("externalSubject"));
        Assert.False(stored.Contains("passwordHash"));
        Assert.False(stored.Contains("lockedUntil"));
    }

    [Fact]
    public void A_widget_key_update_never_writes_its_identity_owner_service_or_creation()
    {
        var set = Rendered.Of(MongoWidgetKeyStore.Queries.SetSettings(Samples.WidgetKey())).AsBsonDocument["$set"].AsBsonDocument;

        Assert.DoesNotContain(set.Names, n => n is "_id" or "key" or "organisationId" or "serviceId" or "createdAt");
    }

    [Theory]
    [InlineData("{\"$where\": \"sleep(5000)\"}")]
    [InlineData("{\"$ne\": null}")]
    [InlineData("$gt")]
    [InlineData("a.b.$[]")]
    public void Operator_text_from_users_is_stored_and_matched_as_a_plain_string(string hostile)
    {
        var member = Samples.StaffMember() with { Email = hostile, DisplayName = hostile, ExternalSubject = hostile, Grants = [new(hostile, Core.Staff.Role.Admin)] };
        var stored = Rendered.Document(member);
        var token = Rendered.Document(Samples.ApiToken() with { Name = hostile, TokenHash = hostile });
        var widget = Rendered.Document(Samples.WidgetKey() with { AllowedOrigins = [hostile], PagePattern = hostile });
        var settings = Rendered.Of(MongoWidgetKeyStore.Queries.SetSettings(Samples.WidgetKey() with { AllowedOrigins = [hostile], PagePattern = hostile, Language = hostile }))
            .AsBsonDocument["$set"];

        Assert.Equal(hostile, stored["email"].AsString);
        Assert.Equal(hostile, stored["displayName"].AsString);
        Assert.Equal(hostile, stored["externalSubject"].AsString);
        Assert.Equal(hostile, stored["grants"][0]["organisationId"].AsString);
        Assert.Equal(hostile, Rendered.Of(MongoStaffStore.Queries.ByEmail(hostile))["email"].AsString);
        Assert.Equal(hostile, Rendered.Of(MongoStaffStore.Queries.ByExternalSubject(hostile))["externalSubject"].AsString);
        Assert.Equal(hostile, Rendered.Of(MongoStaffStore.Queries.InOrganisation(hostile))["grants"]["$elemMatch"]["organisationId"].AsString);
        Assert.Equal(hostile, Rendered.Of(MongoStaffStore.Queries.ById(hostile))["_id"].AsString);
        Assert.Equal(hostile, token["name"].AsString);
        Assert.Equal(hostile, Rendered.Of(MongoApiTokenStore.Queries.ByHash(hostile))["tokenHash"].AsString);
        Assert.Equal(hostile, Rendered.Of(MongoApiTokenStore.Queries.OfOrganisation(hostile))["organisationId"].AsString);
        Assert.Equal(hostile, widget["allowedOrigins"][0].AsString);
        Assert.Equal(hostile, widget["pagePattern"].AsString);
        Assert.Equal(hostile, Rendered.Of(MongoWidgetKeyStore.Queries.ByKey(hostile))["key"].AsString);
        Assert.Equal(hostile, settings["allowedOrigins"][0].AsString);
        Assert.Equal(hostile, settings["pagePattern"].AsString);
        Assert.Equal(hostile, settings["language"].AsString);
        Assert.All(new[] { stored, token, widget }, d => Assert.DoesNotContain(d.Names, n => n.StartsWith('$') || n.Contains('.', StringComparison.Ordinal)));
    }
}
