using Engagement.Core.Participants;

namespace Engagement.Api.Participants;

/// <summary>
/// The browser's participant on the platform's own pages: its token kept in an HttpOnly cookie, never readable by script.
/// The portal's forms act as this participant; using an email link replaces it with the verified one.
/// </summary>
internal static class ParticipantCookie
{
    private const string Name = "engagement_participant";

    /// <summary>The participant the browser's cookie names, when it names a known one; nothing is made.</summary>
    public static async Task<string?> KnownIdAsync(HttpContext http, FindParticipantByToken find) =>
        http.Request.Cookies[Name] is { } token && await find.ExecuteAsync(token, http.RequestAborted) is { Succeeded: true } found
            ? found.Value.Id
            : null;

    /// <summary>Keeps <paramref name="token"/> as the browser's participant for a year.</summary>
    public static void Keep(HttpContext http, string token) =>
        http.Response.Cookies.Append(Name, token, new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
}
