using System.Security.Claims;
using Engagement.Api.Settings;
using Engagement.Core.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Engagement.Api.Auth;

/// <summary>
/// OpenID Connect sign-in for staff, active when Authentication:Oidc:Authority is set. A person signing in
/// through the provider must already be a staff member (matched by subject, else by verified email, which
/// then links the subject); the provider never creates accounts here.
/// </summary>
public static class OidcRegistration
{
    public const string Scheme = "EngagementOidc";
    public const string AuthoritySetting = "Authentication:Oidc:Authority";

    public static IServiceCollection AddEngagementOidc(this IServiceCollection services)
    {
        new AuthenticationBuilder(services).AddOpenIdConnect(Scheme, _ => { });
        services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<EngagementSettings>((o, settings) =>
        {
            if (settings.Oidc is not { } oidc)
                return;
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile", "email" })
                o.Scope.Add(scope);
            o.SignInScheme = StaffClaims.CookieScheme;
            o.CallbackPath = "/auth/oidc/callback";
            o.Events.OnTokenValidated = LinkStaffMemberAsync;
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/auth/oidc/sign-in", (HttpContext http, EngagementSettings settings) =>
                settings.Oidc is null
                    ? Results.Problem(detail: "OpenID Connect sign-in is not configured.", statusCode: StatusCodes.Status404NotFound)
                    : Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [Scheme]))
            .WithName("OidcSignIn").WithTags("Auth");
        return app;
    }

    /// <summary>Replaces the provider's identity with the platform's own staff claim, or refuses the sign-in.</summary>
    private static async Task LinkStaffMemberAsync(TokenValidatedContext context)
    {
        var staff = context.HttpContext.RequestServices.GetRequiredService<IStaffStore>();
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var principal = context.Principal!;
        var subject = principal.FindFirst("sub")?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var email = principal.FindFirst("email")?.Value?.Trim().ToLowerInvariant();
        var emailVerified = string.Equals(principal.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase);

        var member = subject is null ? null : await staff.GetByExternalSubjectAsync(subject, context.HttpContext.RequestAborted);
        if (member is null && email is not null && emailVerified && subject is not null)
        {
            member = await staff.GetByEmailAsync(email, context.HttpContext.RequestAborted);
            if (member is { ExternalSubject: null })
            {
                var linked = member with { ExternalSubject = subject, Version = member.Version + 1, UpdatedAt = clock.GetUtcNow() };
                member = await staff.UpdateAsync(linked, member.Version, context.HttpContext.RequestAborted) ? linked : null;
            }
            else
                member = null;
        }
        if (member is null || member.Disabled)
        {
            context.Fail("This account is not a staff member of the platform.");
            return;
        }
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(StaffClaims.StaffId, member.Id)], StaffClaims.CookieScheme));
    }
}
