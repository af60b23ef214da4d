using Engagement.Api.Tests.Widget.Browser;
using Engagement.Core.Staff;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Api.Tests.Portal;

/// <summary>Signs staff in to the workspace in a browser page, through the sign-in form as a person would.</summary>
internal static partial class StaffSession
{
    /// <summary>A new staff member with <paramref name="role"/> in the organisation, signed in on <paramref name="page"/>.</summary>
    public static async Task<StaffMember> SignInAsync(WidgetBrowserHost host, IPage page, string organisationId, Role role, string language = "en")
    {
        var (member, password) = await host.App.CreateStaffAsync(organisationId, role);
        await SignInAsync(host, page, member.Email, password, language);
        return member;
    }

    /// <summary>Fills and sends the sign-in form, and waits until the workspace has opened.</summary>
    public static async Task SignInAsync(WidgetBrowserHost host, IPage page, string email, string password, string language = "en")
    {
        await page.GotoAsync(new Uri(host.Platform, $"/{language}/staff/sign-in").ToString());
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.Locator("form[action$='/staff/sign-in'] button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/staff/sign-in", StringComparison.Ordinal));
        if (answer.Status != 303)
            Assert.Fail($"The sign-in form answered {answer.Status}, not 303: {await answer.TextAsync()}");
        // The URL is polled rather than the next page's load event awaited: under the whole suite's load that wait once
        // hung with the workspace's URL already shown, "networkidle" reported and "load" never.
        await Expect(page).Not.ToHaveURLAsync(SignInPath());
    }

    [GeneratedRegex("/staff/sign-in")]
    private static partial Regex SignInPath();
}
