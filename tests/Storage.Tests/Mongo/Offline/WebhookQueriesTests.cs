using Engagement.Core.Webhooks;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the webhook store sends, rendered and compared with the checked-in JSON; addresses, payloads and errors stay values.</summary>
public sealed class WebhookQueriesTests
{
    // Some builders serialize an item themselves; the class maps must be registered before the first one does.
    static WebhookQueriesTests() => BsonMaps.Register();

    [Fact]
    public void Renders_every_endpoint_query()
    {
        var endpoint = Samples.WebhookEndpoint();
        Approved.Matches("MongoWebhookStore/EndpointById", Rendered.Of(MongoWebhookStore.Queries.EndpointById("e-1")));
        Approved.Matches("MongoWebhookStore/EndpointAtVersion", Rendered.Of(MongoWebhookStore.Queries.EndpointAtVersion("e-1", 2)));
        Approved.Matches("MongoWebhookStore/EndpointsOf", Rendered.Of(MongoWebhookStore.Queries.EndpointsOf("org-1")));
        Approved.Matches("MongoWebhookStore/OldestEndpoints", Rendered.Of(MongoWebhookStore.Queries.OldestEndpoints()));
        Approved.Matches("MongoWebhookStore/SetEndpointSettings.every-field", Rendered.Of(MongoWebhookStore.Queries.SetEndpointSettings(endpoint)));
        Approved.Matches("MongoWebhookStore/SetEndpointSettings.no-description", Rendered.Of(MongoWebhookStore.Queries.SetEndpointSettings(endpoint with { Description = null })));
        Approved.Matches("MongoWebhookStore/WebhookEndpoint.document", Rendered.Document(endpoint));
    }

    [Fact]
    public void Renders_every_delivery_query()
    {
        Approved.Matches("MongoWebhookStore/Checkpoint", Rendered.Of(MongoWebhookStore.Queries.Checkpoint(MongoWebhookStore.FanOut)));
        Approved.Matches("MongoWebhookStore/MoveForward", Rendered.Of(MongoWebhookStore.Queries.MoveForward(42)));
        Approved.Matches("MongoWebhookStore/InsertIfAbsent", Rendered.Of(MongoWebhookStore.Queries.InsertIfAbsent(Samples.WebhookDelivery())));
        Approved.Matches("MongoWebhookStore/DeliveryById", Rendered.Of(MongoWebhookStore.Queries.DeliveryById("7.e-1")));
        Approved.Matches("MongoWebhookStore/Due", Rendered.Of(MongoWebhookStore.Queries.Due(Make.T0)));
        Approved.Matches("MongoWebhookStore/DueOrder", Rendered.Of(MongoWebhookStore.Queries.DueOrder()));
        Approved.Matches("MongoWebhookStore/Hold", Rendered.Of(MongoWebhookStore.Queries.Hold(Make.T0.AddMinutes(5))));
        Approved.Matches("MongoWebhookStore/PendingDelivery", Rendered.Of(MongoWebhookStore.Queries.PendingDelivery("7.e-1")));
        Approved.Matches("MongoWebhookStore/FailedDelivery", Rendered.Of(MongoWebhookStore.Queries.FailedDelivery("7.e-1")));
        Approved.Matches("MongoWebhookStore/Delivered", Rendered.Of(MongoWebhookStore.Queries.Delivered(Make.T0, 204)));
        Approved.Matches("MongoWebhookStore/Failed.retried", Rendered.Of(MongoWebhookStore.Queries.Failed("The receiver answered 500.", 500, Make.T0.AddSeconds(30))));
        Approved.Matches("MongoWebhookStore/Failed.given-up", Rendered.Of(MongoWebhookStore.Queries.Failed("The connection was refused.", null, null)));
        Approved.Matches("MongoWebhookStore/Requeue", Rendered.Of(MongoWebhookStore.Queries.Requeue(Make.T0.AddDays(1))));
        Approved.Matches("MongoWebhookStore/DeliveriesOf.all", Rendered.Of(MongoWebhookStore.Queries.DeliveriesOf("e-1", null)));
        Approved.Matches("MongoWebhookStore/DeliveriesOf.failed", Rendered.Of(MongoWebhookStore.Queries.DeliveriesOf("e-1", WebhookDeliveryStatus.Failed)));
        Approved.Matches("MongoWebhookStore/NewestDeliveries", Rendered.Of(MongoWebhookStore.Queries.NewestDeliveries()));
        Approved.Matches("MongoWebhookStore/FinishedBefore", Rendered.Of(MongoWebhookStore.Queries.FinishedBefore(Make.T0)));
        Approved.Matches("MongoWebhookStore/OldestCreated", Rendered.Of(MongoWebhookStore.Queries.OldestCreated()));
        Approved.Matches("MongoWebhookStore/IdOnly", Projection(MongoWebhookStore.Queries.IdOnly()));
        Approved.Matches("MongoWebhookStore/FinishedAmong", Rendered.Of(MongoWebhookStore.Queries.FinishedAmong(["1.e-1", "2.e-1"])));
        Approved.Matches("MongoWebhookStore/WebhookDelivery.document", Rendered.Document(Samples.WebhookDelivery()));
    }

    [Fact]
    public void An_endpoint_update_never_writes_its_owner_secret_or_creation()
    {
        var set = Rendered.Of(MongoWebhookStore.Queries.SetEndpointSettings(Samples.WebhookEndpoint())).AsBsonDocument["$set"].AsBsonDocument;

        Assert.DoesNotContain(set.Names, n => n is "_id" or "organisationId" or "secret" or "createdAt");
    }

    [Fact]
    public void A_repeated_fan_out_only_ever_inserts_a_delivery()
    {
        var model = Rendered.Of(MongoWebhookStore.Queries.InsertIfAbsent(Samples.WebhookDelivery()));

        Assert.True(model["upsert"].AsBoolean);
        Assert.Equal(["$setOnInsert"], model["update"].AsBsonDocument.Names);
    }

    [Theory]
    [InlineData("{\"$where\": \"sleep(5000)\"}")]
    [InlineData("{\"$ne\": null}")]
    [InlineData("$gt")]
    [InlineData("https://x.example.org/a.b?$where=1")]
    public void Operator_text_from_users_is_stored_and_matched_as_a_plain_string(string hostile)
    {
        var endpoint = Samples.WebhookEndpoint() with { Url = hostile, Description = hostile };
        var stored = Rendered.Document(endpoint);
        var settings = Rendered.Of(MongoWebhookStore.Queries.SetEndpointSettings(endpoint)).AsBsonDocument["$set"];
        var inserted = Rendered.Of(MongoWebhookStore.Queries.InsertIfAbsent(Samples.WebhookDelivery() with { Payload = hostile, LastError = hostile, Event = hostile }));
        var failed = Rendered.Of(MongoWebhookStore.Queries.Failed(hostile, 500, null)).AsBsonDocument["$set"];

        Assert.Equal(hostile, stored["url"].AsString);
        Assert.Equal(hostile, stored["description"].AsString);
        Assert.Equal(hostile, settings["url"].AsString);
        Assert.Equal(hostile, settings["description"].AsString);
        Assert.Equal(hostile, inserted["update"]["$setOnInsert"]["payload"].AsString);
        Assert.Equal(hostile, inserted["update"]["$setOnInsert"]["lastError"].AsString);
        Assert.Equal(hostile, inserted["update"]["$setOnInsert"]["event"].AsString);
        Assert.Equal(hostile, failed["lastError"].AsString);
        Assert.Equal(hostile, Rendered.Of(MongoWebhookStore.Queries.EndpointsOf(hostile))["organisationId"].AsString);
        Assert.Equal(hostile, Rendered.Of(MongoWebhookStore.Queries.DeliveriesOf(hostile, null))["endpointId"].AsString);
        Assert.Equal(hostile, Rendered.Of(MongoWebhookStore.Queries.PendingDelivery(hostile))["_id"].AsString);
        Assert.DoesNotContain(stored.Names, n => n.StartsWith('$') || n.Contains('.', StringComparison.Ordinal));
    }

    private static BsonDocument Projection<T>(ProjectionDefinition<T> projection) =>
        projection.Render(new RenderArgs<T>(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry));
}
