using Engagement.Core.ApiTokens;
using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.ApiTokens;

/// <summary>Revoking API tokens: effective at once, audited once, idempotent.</summary>
public sealed class RevokeApiTokenTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private Task<Result<ApiToken>> RevokeAsync(string tokenId) =>
        _platform.RevokeApiToken.ExecuteAsync(new RevokeApiToken.Request(tokenId), TestPlatform.Staff);

    [Fact]
    public async Task Revoke_marks_the_token_revoked_now_and_audits_it()
    {
        var created = await _platform.CreateApiTokenAsync();
        _platform.Clock.Advance(TimeSpan.FromHours(1));

        var revoked = ResultAssert.Succeeded(await RevokeAsync(created.Token.Id));

        Assert.Equal(_platform.Clock.UtcNow, revoked.RevokedAt);
        Assert.Equal(_platform.Clock.UtcNow, (await _platform.ApiTokens.GetAsync(created.Token.Id))!.RevokedAt);
        Assert.Equal(
            [AuditActions.ApiTokenCreated, AuditActions.ApiTokenRevoked],
            (await _platform.AuditTrailAsync(created.Token.OrganisationId, created.Token.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Revoke_twice_succeeds_keeps_the_first_time_and_audits_once()
    {
        var created = await _platform.CreateApiTokenAsync();
        var first = ResultAssert.Succeeded(await RevokeAsync(created.Token.Id));
        _platform.Clock.Advance(TimeSpan.FromHours(1));

        var second = ResultAssert.Succeeded(await RevokeAsync(created.Token.Id));

        Assert.Equal(first.RevokedAt, second.RevokedAt);
        Assert.Single(await _platform.AuditTrailAsync(created.Token.OrganisationId, created.Token.Id), e => e.Action == AuditActions.ApiTokenRevoked);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-such-token")]
    public async Task Revoke_is_refused_when_the_token_is_unknown(string tokenId)
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await RevokeAsync(tokenId), "tokenId", ErrorCodes.NotFound);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
        if (tokenId.Length > 0)
            Assert.Null(await _platform.ApiTokens.GetAsync(tokenId));
    }
}
