using System.Security.Claims;
using System.Text.Encodings.Web;
using Engagement.Core.ApiTokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Engagement.Api.Auth;

/// <summary>Authenticates integrators by <c>Authorization: Bearer eng_…</c>, checking the token against the store on every request.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticateApiToken authenticate)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var result = await authenticate.ExecuteAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (!result.Succeeded)
            return AuthenticateResult.Fail("The API token is not valid.");

        var token = result.Value;
        var identity = new ClaimsIdentity(
        [
            new Claim(StaffClaims.TokenId, token.Id),
            new Claim(StaffClaims.TokenOrganisation, token.OrganisationId),
            new Claim(StaffClaims.TokenRole, token.Role.ToString()),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
