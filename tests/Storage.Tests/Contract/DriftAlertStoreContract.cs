using Engagement.Core.Common;
using Engagement.Core.Insights;

namespace Engagement.Storage.Tests.Contract;

/// <summary>The rules of <see cref="IDriftAlertStore"/> every adapter honours: one alert per subject, metric and day, listed newest day first.</summary>
public abstract class DriftAlertStoreContract : StoreContract
{
    private static DriftAlert Alert(string organisationId, string subjectId, DateOnly day, double z = 3.5, DriftMetric metric = DriftMetric.NegativeShare) => new()
    {
        Id = Ids.New(), OrganisationId = organisationId, Subject = DriftSubject.Service, SubjectId = subjectId, Metric = metric, Day = day,
        Observed = 0.61, Baseline = 0.32, Z = z, RecentCount = 57, RaisedAt = Make.T0,
    };

    [ContractFact]
    public async Task TryAddAsync_keeps_one_alert_per_subject_metric_and_day()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId) = (Ids.New(), Ids.New());
        var day = new DateOnly(2025, 3, 14);
        var first = Alert(organisationId, serviceId, day);

        Assert.True(await stores.DriftAlerts.TryAddAsync(first, []));
        Assert.False(await stores.DriftAlerts.TryAddAsync(Alert(organisationId, serviceId, day, z: 9), []));
        Assert.True(await stores.DriftAlerts.TryAddAsync(Alert(organisationId, serviceId, day, metric: DriftMetric.Volume), []));
        Assert.True(await stores.DriftAlerts.TryAddAsync(Alert(organisationId, serviceId, day.AddDays(1)), []));

        var listed = await stores.DriftAlerts.ListAsync(organisationId, 10);
        Assert.Equal(3, listed.Count);
        Same.Equal(first, listed.Single(a => a.Id == first.Id));
        Same.Equal(first, await stores.DriftAlerts.GetAsync(first.Id));
        Assert.Null(await stores.DriftAlerts.GetAsync(Ids.New()));
    }

    [ContractFact]
    public async Task ListAsync_gives_the_organisations_alerts_newest_day_first_then_the_largest_moves()
    {
        var stores = await CreateStoresAsync();
        var organisationId = Ids.New();
        var day = new DateOnly(2025, 3, 14);
        var older = Alert(organisationId, Ids.New(), day, z: 8);
        var small = Alert(organisationId, Ids.New(), day.AddDays(1), z: 3.1);
        var large = Alert(organisationId, Ids.New(), day.AddDays(1), z: -4.2);
        foreach (var alert in new[] { older, small, large, Alert(Ids.New(), Ids.New(), day.AddDays(5)) })
            await stores.DriftAlerts.TryAddAsync(alert, []);

        Assert.Equal([large.Id, small.Id, older.Id], (await stores.DriftAlerts.ListAsync(organisationId, 10)).Select(a => a.Id));
        Assert.Equal([large.Id], (await stores.DriftAlerts.ListAsync(organisationId, 1)).Select(a => a.Id));
    }

    [ContractFact]
    public async Task An_alert_is_stored_with_its_notices_and_a_refused_one_writes_none()
    {
        var stores = await CreateStoresAsync();
        var (organisationId, serviceId, day) = (Ids.New(), Ids.New(), new DateOnly(2026, 3, 4));
        Core.Email.EmailMessage Notice() => new(Ids.New(), "analyst@example.org", "Analyst", "Drift", "Plain", "<p>Html</p>", "en", "https://engage.example.org/en/unsubscribe?token=t", Make.T0);
        var (kept, dropped) = (Notice(), Notice());

        Assert.True(await stores.DriftAlerts.TryAddAsync(Alert(organisationId, serviceId, day), [kept]));
        Assert.False(await stores.DriftAlerts.TryAddAsync(Alert(organisationId, serviceId, day), [dropped]));

        Same.Equal(kept, (await stores.Outbox.GetAsync(kept.Id))!.Message);
        Assert.Null(await stores.Outbox.GetAsync(dropped.Id));
    }
}
