using Engagement.Api.Auth;
using Engagement.Api.Email;
using Engagement.Api.Portal;
using Engagement.Api.GraphQL;
using Engagement.Api.Health;
using Engagement.Api.Live;
using Engagement.Api.Participants;
using Engagement.Api.Widgets;
using Engagement.Web;

namespace Engagement.Api.Composition;

/// <summary>The request pipeline and every endpoint the host serves, in one place.</summary>
public static class Pipeline
{
    public static WebApplication UseEngagementPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseFailureAnswers();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = WebAssets.Files, RequestPath = WebAssets.RequestPath });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapOidcEndpoints();
        app.MapGraphQLEndpoint();
        app.MapLiveHub();
        app.MapWidgetEndpoints();
        app.MapUnsubscribeEndpoints();
        app.MapPortalEndpoints();
        app.MapVerifyEmailEndpoints();
        app.LogServedUrls();
        return app;
    }
}
