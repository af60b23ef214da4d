using Engagement.Api.GraphQL.Types.Common;
using Engagement.Core.Widgets;
using Engagement.GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Widgets;

/// <summary>A widget key: what lets a website embed the rating widget for one service.</summary>
internal sealed class WidgetKeyGraphType : ObjectGraphType<WidgetKey>
{
    public WidgetKeyGraphType()
    {
        Name = "WidgetKey";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Key).Description("The public key the embed snippet carries: <script src=\"…/widget.js\" data-key=\"KEY\" async></script>.");
        Field(x => x.ServiceId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.AllowedOrigins, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>))
            .Description("Origins the widget may be used from: exact, *.subdomain wildcard, or :* port wildcard.");
        Field(x => x.PagePattern, nullable: true).Description("When set, ratings must come from a page address matching it ('*' for any run of characters).");
        Field<NonNullGraphType<LocalizedTextGraphType>>("question").Description("The key's own wording of the question; languages without one use the default.")
            .Resolve(ctx => ctx.Source.Question);
        Field(x => x.Language, nullable: true).Description("When set, the widget always speaks this language.");
        Field(x => x.ShowAverage).Description("Whether the widget shows the service's average rating.");
        Field(x => x.Enabled).Description("A disabled key is refused everywhere as if it did not exist.");
        Field<NonNullGraphType<StringGraphType>>("embedSnippet")
            .Description("The tags a page embeds, pointing at the platform's public address (Site:PublicBaseUrl).")
            .Resolve(ctx => Api.Widgets.WidgetSnippet.For(ctx.Use<Core.Email.PublicLinks>(), ctx.Source.Key, "Rate this service / Évaluez ce service"));
        Field(x => x.CreatedAt);
        Field(x => x.UpdatedAt);
    }
}
