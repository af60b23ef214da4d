using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Organisations;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Organisations;

/// <summary>Creating and renaming services; slugs are unique within an organisation only.</summary>
public sealed class ServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private static readonly LocalizedText Name = LocalizedText.EnFr("Permit portal", "Portail des permis");

    private Task<Result<Service>> CreateAsync(string organisationId, string slug, LocalizedText? name = null, LocalizedText? description = null) =>
        _platform.CreateService.ExecuteAsync(new CreateService.Request(organisationId, slug, name ?? Name, description), TestPlatform.Staff);

    [Fact]
    public async Task Create_stores_the_service_and_audits_it()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var description = new LocalizedText([new("en", "Apply for a building permit online.")]);

        var service = ResultAssert.Succeeded(await CreateAsync(organisation.Id, "permits", description: description));

        var stored = await _platform.Services.GetAsync(service.Id);
        Assert.NotNull(stored);
        Assert.Equal((organisation.Id, "permits", Name, description), (stored.OrganisationId, stored.Slug, stored.Name, stored.Description));
        var entry = (await _platform.AuditTrailAsync(organisation.Id, service.Id)).Single();
        Assert.Equal((AuditActions.ServiceCreated, "service"), (entry.Action, entry.TargetType));
    }

    [Fact]
    public async Task Create_stores_an_empty_description_when_none_is_given()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var service = ResultAssert.Succeeded(await CreateAsync(organisation.Id, "permits"));
        Assert.Empty((await _platform.Services.GetAsync(service.Id))!.Description);
    }

    [Fact]
    public async Task Create_is_refused_when_the_organisation_already_has_the_slug()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        ResultAssert.Succeeded(await CreateAsync(organisation.Id, "permits"));
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await CreateAsync(organisation.Id, "permits", LocalizedText.EnFr("Other", "Autre")), "slug", ErrorCodes.Duplicate);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
    }

    [Fact]
    public async Task Create_accepts_a_slug_another_organisation_uses()
    {
        var first = await _platform.CreateOrganisationAsync();
        var second = await _platform.CreateOrganisationAsync();
        ResultAssert.Succeeded(await CreateAsync(first.Id, "permits"));

        var service = ResultAssert.Succeeded(await CreateAsync(second.Id, "permits"));

        Assert.Equal(second.Id, service.OrganisationId);
        Assert.Single(await _platform.Services.ListByOrganisationAsync(first.Id));
        Assert.Single(await _platform.Services.ListByOrganisationAsync(second.Id));
    }

    [Fact]
    public async Task Create_is_refused_when_the_organisation_is_unknown()
    {
        var unknown = Ids.New();
        ResultAssert.FailedOnly(await CreateAsync(unknown, "permits"), "organisationId", ErrorCodes.NotFound);
        Assert.Empty(await _platform.Services.ListByOrganisationAsync(unknown));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Permits")]
    [InlineData("permits_online")]
    public async Task Create_is_refused_when_the_slug_is_missing_or_badly_formed(string slug)
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);

        var result = await CreateAsync(organisation.Id, slug);

        ResultAssert.FailedOnly(result, "slug", slug.Length == 0 ? ErrorCodes.Required : ErrorCodes.InvalidFormat);
        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
    }

    [Fact]
    public async Task Create_is_refused_when_the_name_is_missing_in_english()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await CreateAsync(organisation.Id, "permits", new LocalizedText([new("fr", "Portail")])), "name.en", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
    }

    [Fact]
    public async Task Create_is_refused_when_the_description_is_too_long_or_in_an_unsupported_language()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);
        var description = new LocalizedText([new("en", new string('d', TextLimits.Summary + 1)), new("it", "Descrizione")]);

        var result = await CreateAsync(organisation.Id, "permits", description: description);

        ResultAssert.Failed(result, "description.en", ErrorCodes.TooLong);
        ResultAssert.Failed(result, "description.it", ErrorCodes.UnsupportedLanguage);
        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
    }

    [Fact]
    public async Task Update_renames_the_service_and_audits_it()
    {
        var service = await _platform.CreateServiceAsync();
        var newName = LocalizedText.EnFr("Passports 🛂", "Passeports 🛂");
        _platform.Clock.Advance(TimeSpan.FromSeconds(1));

        var updated = ResultAssert.Succeeded(await _platform.UpdateService.ExecuteAsync(new UpdateService.Request(service.Id, newName), TestPlatform.Staff));

        Assert.Equal(newName, updated.Name);
        var stored = await _platform.Services.GetAsync(service.Id);
        Assert.Equal((newName, service.Slug, service.OrganisationId), (stored!.Name, stored.Slug, stored.OrganisationId));
        Assert.Equal(
            [AuditActions.ServiceCreated, AuditActions.ServiceUpdated],
            (await _platform.AuditTrailAsync(service.OrganisationId, service.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Update_is_refused_when_the_service_is_unknown()
    {
        var result = await _platform.UpdateService.ExecuteAsync(new UpdateService.Request(Ids.New(), Name), TestPlatform.Staff);
        ResultAssert.FailedOnly(result, "serviceId", ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Update_is_refused_when_the_name_is_blank_in_french()
    {
        var service = await _platform.CreateServiceAsync();
        var before = await _platform.SnapshotAsync(service.OrganisationId);

        var result = await _platform.UpdateService.ExecuteAsync(new UpdateService.Request(service.Id, LocalizedText.EnFr("Renamed", " ")), TestPlatform.Staff);

        ResultAssert.Failed(result, "name.fr", ErrorCodes.Required);
        Assert.Equal(before, await _platform.SnapshotAsync(service.OrganisationId));
    }
}
