using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Engagement.Api.Auth;

/// <summary>Staff cookies, integrators' bearer tokens, and a selector that picks between them per request.</summary>
public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddEngagementAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(StaffClaims.SelectorScheme)
            .AddPolicyScheme(StaffClaims.SelectorScheme, StaffClaims.SelectorScheme, o =>
                o.ForwardDefaultSelector = http => http.Request.Headers.Authorization.Count > 0 ? StaffClaims.TokenScheme : StaffClaims.CookieScheme)
            .AddCookie(StaffClaims.CookieScheme, o =>
            {
                o.Cookie.Name = "engagement.staff";
                o.Cookie.HttpOnly = true;
                // Strict: the cookie never rides on a request another site starts, the first line against cross-site requests.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API answers 401/403; it never redirects to a sign-in page.
                o.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(StaffClaims.TokenScheme, null);
        services.AddAuthorization();
        // The OpenID Connect handler validates its options on every request once registered, so it is registered
        // only when configured; EngagementSettings checks the values themselves at start-up.
        if (!string.IsNullOrWhiteSpace(configuration[OidcRegistration.AuthoritySetting]))
            services.AddEngagementOidc();
        return services;
    }
}
