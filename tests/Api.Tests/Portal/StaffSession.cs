using Engagement.Api.Tests.Widget.Browser;
using Engagement.Core.Staff;
using Microsoft.Playwright;

namespace Engagement.Api.Tests.Portal;

/// <summary>Signs staff in to the workspace in a browser page, through the sign-in form as a person would.</summary>
internal static class StaffSession
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
        await page.Locator("form[action$='/staff/sign-in'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/staff/sign-in", StringComparison.Ordinal));
    }
}
