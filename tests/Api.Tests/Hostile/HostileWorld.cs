using Engagement.Api.Tests.Hosting;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using Engagement.Core.Widgets;

namespace Engagement.Api.Tests.Hostile;

/// <summary>One organisation with something open on every public surface: a consultation, a survey, a service with a widget key, and an admin.</summary>
internal sealed record HostileWorld(Organisation Organisation, Consultation Consultation, Survey Survey, Service Service, WidgetKey Widget, StaffMember Admin, string Password)
{
    /// <summary>The origin the world's widget key allows.</summary>
    public const string WidgetOrigin = "https://www.example.ca";

    public static async Task<HostileWorld> CreateAsync(EngagementAppFactory app)
    {
        var organisation = await app.CreateOrganisationAsync();
        var consultation = await app.CreateOpenConsultationAsync(organisation.Id);
        var survey = await app.CreateOpenSurveyAsync(organisation.Id);
        var service = await app.CreateServiceAsync(organisation.Id);
        var widget = await app.CreateWidgetKeyAsync(organisation.Id, service.Id, WidgetOrigin);
        var (admin, password) = await app.CreateStaffAsync(organisation.Id, Role.Admin);
        return new HostileWorld(organisation, consultation, survey, service, widget, admin, password);
    }
}
