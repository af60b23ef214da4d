using System.Net;
using Engagement.Api.Tests.Widget.Browser;
using Engagement.Core.Staff;

namespace Engagement.Api.Tests.Portal;

/// <summary>A workspace visitor without a browser: an HTTP client that keeps the staff cookie and does not follow redirects.</summary>
internal static class StaffClient
{
    /// <summary>A client signed in, through the sign-in form, as a new staff member with <paramref name="role"/> in the organisation.</summary>
    public static async Task<HttpClient> SignedInAsync(WidgetBrowserHost host, string organisationId, Role role)
    {
        var (member, password) = await host.App.CreateStaffAsync(organisationId, role);
        var client = SignedOut(host);
        using var response = await client.PostAsync("/en/staff/sign-in", Form(("email", member.Email), ("password", password)));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return client;
    }

    public static HttpClient SignedOut(WidgetBrowserHost host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = host.Platform };

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>A form posted from another site, as a browser marks it.</summary>
    public static HttpRequestMessage CrossSite(string path, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Form(fields) };
        request.Headers.Add("Origin", "https://attacker.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        return request;
    }

    /// <summary>The page's HTML with entities decoded, so assertions read as a person reads the page.</summary>
    public static async Task<string> PageAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
