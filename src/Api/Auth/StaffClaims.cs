using System.Security.Claims;

namespace Engagement.Api.Auth;

/// <summary>The claims the platform puts in its principals, spelled once.</summary>
public static class StaffClaims
{
    /// <summary>The staff member's id (cookie sign-in).</summary>
    public const string StaffId = "engagement:staff";

    /// <summary>The API token's id (bearer token).</summary>
    public const string TokenId = "engagement:token";

    /// <summary>The organisation and role of an API token, set by the token handler after it checked the token this request.</summary>
    public const string TokenOrganisation = "engagement:token-org";
    public const string TokenRole = "engagement:token-role";

    public const string CookieScheme = "EngagementStaff";
    public const string TokenScheme = "EngagementToken";

    /// <summary>Chooses the token scheme when an Authorization header is present, else the cookie.</summary>
    public const string SelectorScheme = "EngagementSelector";

    public static string? StaffIdOf(ClaimsPrincipal user) => user.FindFirst(StaffId)?.Value;

    public static string? TokenIdOf(ClaimsPrincipal user) => user.FindFirst(TokenId)?.Value;

    /// <summary>Whether the request was authenticated by the staff cookie (and so needs cross-site protection).</summary>
    public static bool IsCookieAuthenticated(ClaimsPrincipal user) => user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == CookieScheme);
}
