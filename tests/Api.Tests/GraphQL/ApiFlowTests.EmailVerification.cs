using System.Text.Json;
using Engagement.Api.Tests.Participants;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Participants;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>Email verification through the API: ask for a link, use its token, and take part where a verified email is required.</summary>
public sealed partial class ApiFlowTests
{
    private const string RequestVerification = """
        mutation($email: String!, $language: String!, $token: String) {
          requestEmailVerification(email: $email, language: $language, participantToken: $token) { email linkLifetimeMinutes }
        }
        """;

    private const string ConfirmVerification = "mutation($token: String!) { confirmEmailVerification(token: $token) { email verifiedAt participantToken } }";

    private async Task<Consultation> OpenVerifiedOnlyConsultationAsync()
    {
        var org = await _app.CreateOrganisationAsync();
        var draft = (await _app.Get<CreateConsultation>().ExecuteAsync(new(org.Id, $"v-{Guid.NewGuid():N}"[..20], LocalizedText.EnFr("Verified", "Vérifié"),
            LocalizedText.EnFr("S", "S"), LocalizedText.EnFr("B", "B"), IdentityPolicy.VerifiedEmailRequired), Actor.System)).Value;
        return (await _app.Get<OpenConsultation>().ExecuteAsync(new(draft.Id), Actor.System)).Value;
    }

    [Fact]
    public async Task A_participant_who_verifies_an_email_through_the_api_may_then_comment_where_a_verified_email_is_required()
    {
        var consultation = await OpenVerifiedOnlyConsultationAsync();
        var citizen = _app.Anonymous();
        var token = await RegisterParticipantAsync(citizen);
        var address = SignInLinks.NewAddress();
        AssertError(await citizen.QueryAsync(PostComment, Comment(consultation.Id, token, "Before")), "FORBIDDEN", "participantId", "FORBIDDEN");

        var requested = (await citizen.QueryAsync(RequestVerification, new { email = " " + address.ToUpperInvariant(), language = "en", token }))
            .AssertOk().At("requestEmailVerification");
        var (_, linkToken) = await SignInLinks.LinkSentToAsync(_app, address);
        var confirmed = (await citizen.QueryAsync(ConfirmVerification, new { token = linkToken })).AssertOk().At("confirmEmailVerification");
        var again = await citizen.QueryAsync(ConfirmVerification, new { token = linkToken });

        Assert.Equal((address, 15), (requested.GetProperty("email").GetString(), requested.GetProperty("linkLifetimeMinutes").GetInt32()));
        Assert.Equal(address, confirmed.GetProperty("email").GetString());
        Assert.True(confirmed.GetProperty("verifiedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("participantToken").ValueKind);
        AssertError(again, "VALIDATION", "token", "ALREADY_USED");
        Assert.Equal(JsonValueKind.Null, again.At("confirmEmailVerification").ValueKind);
        (await citizen.QueryAsync(PostComment, Comment(consultation.Id, token, "After"))).AssertOk();
    }

    [Fact]
    public async Task On_a_second_device_confirmEmailVerification_returns_a_token_for_the_participant_holding_the_address()
    {
        var consultation = await OpenVerifiedOnlyConsultationAsync();
        var citizen = _app.Anonymous();
        var firstToken = await RegisterParticipantAsync(citizen);
        var address = SignInLinks.NewAddress();
        (await citizen.QueryAsync(RequestVerification, new { email = address, language = "fr", token = firstToken })).AssertOk();
        (await citizen.QueryAsync(ConfirmVerification, new { token = (await SignInLinks.LinkSentToAsync(_app, address)).Token })).AssertOk();

        (await citizen.QueryAsync(RequestVerification, new { email = address, language = "fr" })).AssertOk();
        var emails = await SignInLinks.EmailsToAsync(_app, address);
        var secondLink = System.Text.RegularExpressions.Regex.Match(emails[^1].PlainText, "token=([A-Za-z0-9_-]{43})").Groups[1].Value;
        var signedIn = (await citizen.QueryAsync(ConfirmVerification, new { token = secondLink })).AssertOk().At("confirmEmailVerification");
        var secondToken = signedIn.GetProperty("participantToken").GetString()!;

        Assert.Equal(2, emails.Count);
        Assert.NotEqual(firstToken, secondToken);
        (await citizen.QueryAsync(PostComment, Comment(consultation.Id, secondToken, "From my phone"))).AssertOk();
        Assert.Equal((await _app.Get<FindParticipantByToken>().ExecuteAsync(firstToken)).Value.Id,
            (await _app.Get<FindParticipantByToken>().ExecuteAsync(secondToken)).Value.Id);
    }

    [Fact]
    public async Task ConfirmEmailVerification_names_why_a_token_is_refused()
    {
        var citizen = _app.Anonymous();
        var expired = SecretTokens.NewToken();
        var now = DateTimeOffset.UtcNow;
        await _app.Get<IEmailChallengeStore>().TryAddAsync(new EmailChallenge
        {
            Id = Engagement.Core.Common.Ids.New(), TokenHash = SecretTokens.Hash(expired), Address = SignInLinks.NewAddress(), Language = "en",
            CreatedAt = now.AddMinutes(-20), ExpiresAt = now.AddMinutes(-5),
        }, null);

        AssertError(await citizen.QueryAsync(ConfirmVerification, new { token = expired }), "VALIDATION", "token", "EXPIRED");
        AssertError(await citizen.QueryAsync(ConfirmVerification, new { token = SecretTokens.NewToken() }), "NOT_FOUND", "token", "NOT_FOUND");
        AssertError(await citizen.QueryAsync(ConfirmVerification, new { token = "forged" }), "VALIDATION", "token", "INVALID_FORMAT");
    }

    [Fact]
    public async Task RequestEmailVerification_refuses_a_bad_address_language_or_participant_token_and_sends_nothing()
    {
        var citizen = _app.Anonymous();
        var address = SignInLinks.NewAddress();

        AssertError(await citizen.QueryAsync(RequestVerification, new { email = "not an address", language = "en" }), "VALIDATION", "email", "INVALID_FORMAT");
        AssertError(await citizen.QueryAsync(RequestVerification, new { email = address, language = "de" }), "VALIDATION", "language", "UNSUPPORTED_LANGUAGE");
        AssertError(await citizen.QueryAsync(RequestVerification, new { email = address, language = "en", token = "forged" }), "VALIDATION", "participantToken", "INVALID_FORMAT");
        AssertError(await citizen.QueryAsync(RequestVerification, new { email = address, language = "en", token = SecretTokens.NewToken() }),
            "NOT_FOUND", "participantToken", "NOT_FOUND");

        Assert.Empty(await SignInLinks.EmailsToAsync(_app, address));
    }
}
