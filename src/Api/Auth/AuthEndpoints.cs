using System.Security.Claims;
using System.Text.Json;
using Engagement.Api.Composition;
using Engagement.Api.Settings;
using Engagement.Core.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Engagement.Api.Auth;

/// <summary>Staff sign-in with a local password, and sign-out.</summary>
public static class AuthEndpoints
{
    public const string SignInRateLimitPolicy = "sign-in";
    private const int MaxBodyBytes = 4 * 1024;

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").WithTags("Auth").DisableAntiforgery();
        auth.MapPost("/sign-in", SignInAsync).RequireRateLimiting(SignInRateLimitPolicy).WithName("SignIn").WithSummary("Signs a staff member in with email and password; sets the staff cookie.");
        auth.MapPost("/sign-out", (Delegate)SignOutAsync).WithName("SignOut").WithSummary("Clears the staff cookie.");
        return app;
    }

    private sealed record Credentials(string? Email, string? Password);

    private static async Task<Results<NoContent, ProblemHttpResult>> SignInAsync(HttpContext http, SignInWithPassword signIn, EngagementSettings settings)
    {
        if (!CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return Problem(StatusCodes.Status403Forbidden, "FORBIDDEN", "Sign in from the platform's own pages.");
        if (!http.Request.HasJsonContentType() || RequestBodies.Utf8MediaType(http.Request) is null)
            return Problem(StatusCodes.Status415UnsupportedMediaType, "VALIDATION", "Send the email and password as application/json.");

        Credentials? credentials;
        try
        {
            if (await RequestBodies.ReadAsync(http, MaxBodyBytes) is not { } body)
                return Problem(StatusCodes.Status413PayloadTooLarge, "VALIDATION", "The request body is too large.");
            credentials = JsonSerializer.Deserialize<Credentials>(body, JsonOptions);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "VALIDATION", "The body must be a JSON object with email and password.");
        }
        if (credentials is null || string.IsNullOrEmpty(credentials.Email) || string.IsNullOrEmpty(credentials.Password))
            return Problem(StatusCodes.Status400BadRequest, "VALIDATION", "Give both an email and a password.");

        var result = await signIn.ExecuteAsync(new SignInWithPassword.Request(credentials.Email, credentials.Password), http.RequestAborted);
        if (!result.Succeeded)
            return Problem(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", result.Errors[0].Message);

        var identity = new ClaimsIdentity([new Claim(StaffClaims.StaffId, result.Value.Id)], StaffClaims.CookieScheme);
        await http.SignInAsync(StaffClaims.CookieScheme, new ClaimsPrincipal(identity));
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(StaffClaims.CookieScheme);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { MaxDepth = 4 };
}
