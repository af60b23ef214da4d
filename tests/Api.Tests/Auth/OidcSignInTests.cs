using System.Net;
using Engagement.Api.Auth;
using Engagement.Api.Tests.Hosting;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Engagement.Api.Tests.Auth;

/// <summary>OpenID Connect sign-in is wired only when configured, and then sends staff to the provider with PKCE.</summary>
public sealed class OidcSignInTests
{
    [Fact]
    public async Task Without_configuration_the_oidc_sign_in_answers_404()
    {
        using var app = new EngagementAppFactory().WithSetting("Seed:DemoData", "false");

        using var response = await app.CreateClient().GetAsync("/auth/oidc/sign-in");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_configuration_the_oidc_sign_in_redirects_to_the_provider_with_a_code_challenge()
    {
        // The provider's metadata is given here instead of fetched, so the test needs no network.
        using var app = new EngagementAppFactory()
            .WithSetting("Seed:DemoData", "false")
            .WithSetting("Authentication:Oidc:Authority", "https://login.example.org")
            .WithSetting("Authentication:Oidc:ClientId", "engagement")
            .WithServices(s => s.PostConfigure<OpenIdConnectOptions>(OidcRegistration.Scheme, o =>
            {
                o.Configuration = new OpenIdConnectConfiguration
                {
                    Issuer = "https://login.example.org",
                    AuthorizationEndpoint = "https://login.example.org/authorize",
                    TokenEndpoint = "https://login.example.org/token",
                };
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
            }));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/auth/oidc/sign-in");
        var location = response.Headers.Location?.ToString() ?? await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://login.example.org/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=engagement", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", location, StringComparison.Ordinal);
        Assert.Contains("response_type=code", location, StringComparison.Ordinal);
    }
}
