using Engagement.Core.ApiTokens;
using Engagement.Core.Common;
using Engagement.Core.Staff;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.ApiTokens;

/// <summary>Presenting an API token: only the secret of an active token gets in; everything else is UNAUTHENTICATED.</summary>
public sealed class AuthenticateApiTokenTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private Task<Result<ApiToken>> AuthenticateAsync(string? secret) => _platform.AuthenticateApiToken.ExecuteAsync(secret);

    private static void AssertRefused(Result<ApiToken> result) =>
        ResultAssert.FailedOnly(result, AuthenticateApiToken.Field, ErrorCodes.Unauthenticated);

    [Fact]
    public async Task Authenticate_returns_the_token_a_fresh_secret_stands_for()
    {
        var created = await _platform.CreateApiTokenAsync(role: Role.Moderator);

        var token = ResultAssert.Succeeded(await AuthenticateAsync(created.Secret));

        Assert.Equal((created.Token.Id, created.Token.OrganisationId, Role.Moderator), (token.Id, token.OrganisationId, token.Role));
    }

    [Fact]
    public async Task Authenticate_is_refused_once_the_token_is_revoked()
    {
        var created = await _platform.CreateApiTokenAsync();
        ResultAssert.Succeeded(await _platform.RevokeApiToken.ExecuteAsync(new RevokeApiToken.Request(created.Token.Id), TestPlatform.Staff));

        AssertRefused(await AuthenticateAsync(created.Secret));
    }

    [Fact]
    public async Task Authenticate_works_until_the_expiry_instant_and_is_refused_from_then_on()
    {
        var expiresAt = ManualClock.Start.AddDays(30);
        var created = await _platform.CreateApiTokenAsync(expiresAt: expiresAt);

        _platform.Clock.UtcNow = expiresAt - TimeSpan.FromTicks(1);
        ResultAssert.Succeeded(await AuthenticateAsync(created.Secret));
        _platform.Clock.UtcNow = expiresAt;
        AssertRefused(await AuthenticateAsync(created.Secret));
    }

    [Fact]
    public async Task Authenticate_is_refused_for_a_well_formed_secret_nobody_was_given()
    {
        AssertRefused(await AuthenticateAsync(ApiTokenSecrets.NewSecret()));
    }

    [Fact]
    public async Task Authenticate_does_not_accept_the_stored_hash_or_the_secret_without_its_prefix()
    {
        var created = await _platform.CreateApiTokenAsync();

        AssertRefused(await AuthenticateAsync(created.Token.TokenHash));
        AssertRefused(await AuthenticateAsync(created.Secret[4..]));
        AssertRefused(await AuthenticateAsync("eng_" + created.Token.TokenHash));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("eng_")]
    [InlineData("eng_short")]
    [InlineData("eng_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]   // 42 after the prefix
    [InlineData("eng_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44 after the prefix
    [InlineData("ENG_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xyz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("eng_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("eng_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("eng_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ")]
    [InlineData(" eng_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("eng_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAé")]
    [InlineData("eng_' OR 1=1 --AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Bearer eng_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Authenticate_refuses_a_malformed_secret_without_asking_the_store(string? secret)
    {
        var store = new CountingApiTokenStore(_platform.ApiTokens);

        AssertRefused(await new AuthenticateApiToken(store, _platform.Clock).ExecuteAsync(secret));

        Assert.Equal(0, store.Calls);
    }

    /// <summary>Passes every call to the real store and counts them.</summary>
    private sealed class CountingApiTokenStore(IApiTokenStore inner) : IApiTokenStore
    {
        public int Calls { get; private set; }

        public Task<bool> TryAddAsync(ApiToken token, CancellationToken ct = default) => Count(inner.TryAddAsync(token, ct));

        public Task<ApiToken?> GetAsync(string id, CancellationToken ct = default) => Count(inner.GetAsync(id, ct));

        public Task<ApiToken?> GetByHashAsync(string tokenHash, CancellationToken ct = default) => Count(inner.GetByHashAsync(tokenHash, ct));

        public Task<IReadOnlyList<ApiToken>> ListByOrganisationAsync(string organisationId, CancellationToken ct = default) =>
            Count(inner.ListByOrganisationAsync(organisationId, ct));

        public Task<ApiToken?> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct = default) => Count(inner.RevokeAsync(id, at, ct));

        private T Count<T>(T result)
        {
            Calls++;
            return result;
        }
    }
}
