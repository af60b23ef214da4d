using Engagement.Api.Tests.Hosting;
using Engagement.Core.ApiTokens;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Staff;
using Microsoft.Extensions.DependencyInjection;
using Engagement.Core.Tests.Support;

namespace Engagement.Api.Tests.Hostile;

/// <summary>
/// A staff API token used after it expired is refused and writes nothing, on a host whose clock the test moves
/// (expired email links are covered by EmailVerificationPageTests).
/// </summary>
public sealed class ExpiredTokenTests
{
    private const string Open = "mutation($id: ID!) { openConsultation(consultationId: $id) { status } }";

    [Fact]
    public async Task An_api_token_past_its_expiry_is_refused_and_writes_nothing()
    {
        var clock = new ManualClock { UtcNow = DateTimeOffset.UtcNow };
        using var app = SharedHost.NewApp().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var org = await app.CreateOrganisationAsync();
        var secret = (await app.Get<CreateApiToken>().ExecuteAsync(new(org.Id, "short-lived", Role.Admin, clock.GetUtcNow().AddHours(1)), Actor.System)).Value.Secret;
        var (before, after) = (await app.CreateDraftConsultationAsync(org.Id), await app.CreateDraftConsultationAsync(org.Id));

        var inTime = await app.WithToken(secret).QueryAsync(Open, new { id = before.Id });
        clock.Advance(TimeSpan.FromHours(2));
        var rows = await Hostile.RowCountsAsync(app);
        var late = await app.WithToken(secret).QueryAsync(Open, new { id = after.Id });

        Assert.Equal("OPEN", inTime.AssertOk().At("openConsultation.status").GetString());
        Assert.True((int)late.Status is >= 400 and < 500 || late.ErrorCodes.SequenceEqual(["UNAUTHENTICATED"]), late.ToString());
        Hostile.AssertNoLeak(late.Body, "expired token");
        await Hostile.AssertNothingWrittenAsync(app, rows, "an expired token");
        Assert.Equal(ConsultationStatus.Draft, (await app.Get<IConsultationStore>().GetAsync(after.Id))!.Status);
    }
}
