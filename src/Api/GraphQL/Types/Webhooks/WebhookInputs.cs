using Engagement.Core.Backlog;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Webhooks;

/// <summary>A new webhook for an organisation's backlog events.</summary>
internal sealed class RegisterWebhookInputGraphType : InputObjectGraphType<RegisterWebhookInput>
{
    public RegisterWebhookInputGraphType()
    {
        Name = "RegisterWebhookInput";
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Url).Description("An absolute https address on the public internet.");
        Field(x => x.Events, type: typeof(ListGraphType<NonNullGraphType<BacklogEventKindGraphType>>)).Description("Default CREATED and STATUS_CHANGED.");
        Field(x => x.Description, nullable: true);
    }
}

/// <summary>The bound form of <see cref="RegisterWebhookInputGraphType"/>.</summary>
public sealed class RegisterWebhookInput
{
    public string OrganisationId { get; set; } = "";
    public string Url { get; set; } = "";
    public List<BacklogEventKind>? Events { get; set; }
    public string? Description { get; set; }
}

/// <summary>Changes to a webhook; an omitted field stays as it is, an empty description removes it.</summary>
internal sealed class UpdateWebhookInputGraphType : InputObjectGraphType<UpdateWebhookInput>
{
    public UpdateWebhookInputGraphType()
    {
        Name = "UpdateWebhookInput";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Url, nullable: true);
        Field(x => x.Events, type: typeof(ListGraphType<NonNullGraphType<BacklogEventKindGraphType>>));
        Field(x => x.Description, nullable: true);
    }
}

/// <summary>The bound form of <see cref="UpdateWebhookInputGraphType"/>.</summary>
public sealed class UpdateWebhookInput
{
    public string Id { get; set; } = "";
    public string? Url { get; set; }
    public List<BacklogEventKind>? Events { get; set; }
    public string? Description { get; set; }
}
