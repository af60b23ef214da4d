using System.Text;
using System.Text.Json;
using Engagement.Core.Backlog;

namespace Engagement.Core.Webhooks;

/// <summary>
/// The JSON body of a delivery: its id, the event, when it happened, the organisation, and the item as that write left
/// it. Statuses are spelled as in the GraphQL API (IN_PROGRESS); absent values are null, never left out, so receivers can
/// rely on every field being there.
/// </summary>
public static class WebhookPayload
{
    public static string Of(string deliveryId, BacklogEvent evt)
    {
        var item = evt.Item;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", deliveryId);
            json.WriteString("event", WebhookEvents.NameOf(evt.Kind));
            json.WriteString("occurredAt", evt.At.ToUniversalTime());
            json.WriteString("organisationId", item.OrganisationId);
            json.WriteStartObject("item");
            json.WriteString("id", item.Id);
            json.WriteString("title", item.Title);
            json.WriteString("description", item.Description);
            json.WriteString("status", ConstantCase(item.Status));
            NullableString(json, "previousStatus", evt.PreviousStatus is { } previous ? ConstantCase(previous) : null);
            json.WriteNumber("priorityScore", item.Priority.Score);
            NullableString(json, "serviceId", item.ServiceId);
            NullableString(json, "consultationId", item.ConsultationId);
            NullableString(json, "publicNote", item.PublicNote);
            json.WriteNumber("evidenceCount", item.Evidence.Count);
            NullableString(json, "mergedInto", item.MergedInto);
            json.WriteString("updatedAt", item.UpdatedAt.ToUniversalTime());
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void NullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }

    // InProgress → IN_PROGRESS, the spelling GraphQL gives the same enum.
    private static string ConstantCase(BacklogStatus status)
    {
        var name = status.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
                text.Append('_');
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }
}
