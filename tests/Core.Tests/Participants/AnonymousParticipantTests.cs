using Engagement.Core.Common;
using Engagement.Core.Participants;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Participants;

/// <summary>Anonymous participants: a token handed out once, stored only as its hash.</summary>
public sealed class AnonymousParticipantTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    [Fact]
    public async Task Register_returns_a_url_safe_43_character_token_and_stores_only_its_hash()
    {
        var registered = ResultAssert.Succeeded(await _platform.RegisterAnonymousParticipant.ExecuteAsync());

        Assert.Equal(43, registered.Token.Length);
        Assert.All(registered.Token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
        var stored = await _platform.Participants.GetAsync(registered.Participant.Id);
        Assert.NotNull(stored);
        Assert.Equal((ParticipantKind.Anonymous, ManualClock.Start), (stored.Kind, stored.CreatedAt));
        Assert.Equal(ParticipantTokens.Hash(registered.Token), stored.TokenHash);
        Assert.NotEqual(registered.Token, stored.TokenHash);
        Assert.DoesNotContain(registered.Token, stored.TokenHash!, StringComparison.Ordinal);
        Assert.Null(stored.Email);
        Assert.False(stored.HasVerifiedEmail);
    }

    [Fact]
    public async Task Register_gives_each_newcomer_a_different_participant_and_token()
    {
        var first = ResultAssert.Succeeded(await _platform.RegisterAnonymousParticipant.ExecuteAsync());
        var second = ResultAssert.Succeeded(await _platform.RegisterAnonymousParticipant.ExecuteAsync());

        Assert.NotEqual(first.Participant.Id, second.Participant.Id);
        Assert.NotEqual(first.Token, second.Token);
    }

    [Fact]
    public async Task FindByToken_finds_the_participant_the_token_stands_for()
    {
        var registered = ResultAssert.Succeeded(await _platform.RegisterAnonymousParticipant.ExecuteAsync());

        var found = ResultAssert.Succeeded(await _platform.FindParticipantByToken.ExecuteAsync(registered.Token));

        Assert.Equal(registered.Participant.Id, found.Id);
    }

    [Fact]
    public async Task FindByToken_does_not_accept_the_stored_hash_as_a_token()
    {
        var registered = ResultAssert.Succeeded(await _platform.RegisterAnonymousParticipant.ExecuteAsync());

        var result = await _platform.FindParticipantByToken.ExecuteAsync(registered.Participant.TokenHash);

        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]   // 42
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]  // standard base64
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]  // padded
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAé")]
    [InlineData("' OR 1=1 --AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task FindByToken_is_refused_when_the_token_is_malformed(string? token)
    {
        ResultAssert.FailedOnly(await _platform.FindParticipantByToken.ExecuteAsync(token), "token", ErrorCodes.InvalidFormat);
    }

    [Fact]
    public async Task FindByToken_is_refused_when_the_token_is_unknown()
    {
        ResultAssert.FailedOnly(await _platform.FindParticipantByToken.ExecuteAsync(ParticipantTokens.NewToken()), "token", ErrorCodes.NotFound);
    }
}
