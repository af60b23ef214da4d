using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Tests.Support;
using Engagement.Core.Widgets;

namespace Engagement.Core.Tests.Widgets;

/// <summary>Disabling a key and enabling it again: each real change is stored and audited, a repeated one changes nothing.</summary>
public sealed class SetWidgetKeyEnabledTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private Task<Result<WidgetKey>> SetAsync(WidgetKey key, bool enabled) =>
        _platform.SetWidgetKeyEnabled.ExecuteAsync(new SetWidgetKeyEnabled.Request(key.Id, enabled), TestPlatform.Staff);

    private async Task<IReadOnlyList<string>> EnablingActionsAsync(WidgetKey key) =>
        (await _platform.AuditTrailAsync(key.OrganisationId, key.Id))
            .Where(e => e.Action is AuditActions.WidgetKeyEnabled or AuditActions.WidgetKeyDisabled)
            .Select(e => e.Action)
            .ToList();

    [Fact]
    public async Task Disable_stores_the_key_disabled_and_audits_it()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        _platform.Clock.Advance(TimeSpan.FromMinutes(2));

        var disabled = ResultAssert.Succeeded(await SetAsync(key, false));

        Assert.False(disabled.Enabled);
        var stored = (await _platform.WidgetKeys.GetAsync(key.Id))!;
        Assert.False(stored.Enabled);
        Assert.Equal(ManualClock.Start.AddMinutes(2), stored.UpdatedAt);
        Assert.Equal(TestPlatform.Describe(key with { Enabled = false, UpdatedAt = stored.UpdatedAt }), TestPlatform.Describe(stored));
        var entry = Assert.Single(await _platform.AuditTrailAsync(key.OrganisationId, key.Id), e => e.Action == AuditActions.WidgetKeyDisabled);
        Assert.Equal(("widget_key", TestPlatform.Staff, ManualClock.Start.AddMinutes(2)), (entry.TargetType, entry.Actor, entry.At));
    }

    [Fact]
    public async Task Enable_after_disable_stores_the_key_enabled_and_audits_it()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        _platform.Clock.Advance(TimeSpan.FromMinutes(1));
        await _platform.DisableWidgetKeyAsync(key);
        _platform.Clock.Advance(TimeSpan.FromMinutes(1));

        var enabled = ResultAssert.Succeeded(await SetAsync(key, true));

        Assert.True(enabled.Enabled);
        Assert.True((await _platform.WidgetKeys.GetAsync(key.Id))!.Enabled);
        Assert.Equal([AuditActions.WidgetKeyDisabled, AuditActions.WidgetKeyEnabled], await EnablingActionsAsync(key));
    }

    [Fact]
    public async Task Enable_of_an_enabled_key_changes_nothing_and_audits_nothing()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        _platform.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = await _platform.SnapshotAsync(key.OrganisationId);

        var result = ResultAssert.Succeeded(await SetAsync(key, true));

        Assert.Equal(TestPlatform.Describe(key), TestPlatform.Describe(result));
        Assert.Equal(before, await _platform.SnapshotAsync(key.OrganisationId));
    }

    [Fact]
    public async Task Disable_of_a_disabled_key_changes_nothing_and_audits_nothing()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        var disabled = await _platform.DisableWidgetKeyAsync(key);
        _platform.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = await _platform.SnapshotAsync(key.OrganisationId);

        var result = ResultAssert.Succeeded(await SetAsync(key, false));

        Assert.Equal(TestPlatform.Describe(disabled), TestPlatform.Describe(result));
        Assert.Equal(before, await _platform.SnapshotAsync(key.OrganisationId));
        Assert.Equal([AuditActions.WidgetKeyDisabled], await EnablingActionsAsync(key));
    }

    [Fact]
    public async Task Disable_is_refused_when_the_key_is_unknown()
    {
        var unknown = Ids.New();

        ResultAssert.FailedOnly(
            await _platform.SetWidgetKeyEnabled.ExecuteAsync(new SetWidgetKeyEnabled.Request(unknown, false), TestPlatform.Staff), "id", ErrorCodes.NotFound);

        Assert.Null(await _platform.WidgetKeys.GetAsync(unknown));
    }

    [Fact]
    public async Task Disable_leaves_the_other_keys_of_the_service_enabled()
    {
        var key = await _platform.CreateWidgetKeyAsync();
        var other = await _platform.CreateWidgetKeyAsync(key.ServiceId);

        await _platform.DisableWidgetKeyAsync(key);

        Assert.True((await _platform.WidgetKeys.GetAsync(other.Id))!.Enabled);
    }
}
