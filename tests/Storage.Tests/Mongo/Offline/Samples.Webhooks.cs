using Engagement.Core.Backlog;
using Engagement.Core.Webhooks;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

public static partial class Samples
{
    public static WebhookEndpoint WebhookEndpoint() => new()
    {
        Id = "e-1",
        OrganisationId = "org-1",
        Url = "https://tracker.example.org/hooks/engagement?token=a.b&x=$1",
        Secret = "whsec_0123456789abcdef",
        Events = [BacklogEventKind.Created, BacklogEventKind.Merged],
        Enabled = true,
        Description = Make.Unicode,
        CreatedAt = Make.T0,
        UpdatedAt = Make.T0.AddHours(1),
        Version = 3,
    };

    public static WebhookDelivery WebhookDelivery() => new()
    {
        Id = Core.Webhooks.WebhookDelivery.IdOf(7, "e-1"),
        EndpointId = "e-1",
        OrganisationId = "org-1",
        EventSequence = 7,
        Event = "backlog.created",
        Payload = "{\"id\":\"7.e-1\",\"title\":\"" + Make.Unicode.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}",
        Status = WebhookDeliveryStatus.Failed,
        Attempts = 4,
        NextAttemptAt = Make.T0.AddMinutes(5),
        LastError = "The receiver answered 500.",
        LastStatusCode = 500,
        DeliveredAt = Make.T0.AddMinutes(1).ToOffset(TimeSpan.FromHours(2)),
        CreatedAt = Make.T0,
    };

    [BsonSamples]
    private static IEnumerable<object> Webhooks() =>
    [
        WebhookEndpoint(),
        WebhookDelivery(),
        new FanOutCheckpointDocument(MongoWebhookStore.FanOut, 42),
    ];
}
