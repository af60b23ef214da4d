using System.Text.RegularExpressions;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Email;
using Engagement.Core.Participants;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Participants;

/// <summary>
/// Email verification by a one-time sign-in link: asking writes the link's email to the outbox (or, for an address that
/// asked for none or had its share, nothing, with the same answer); the link works once, for 15 minutes, and verifies
/// the participant who asked, or signs in as the participant who holds the address.
/// </summary>
public sealed partial class EmailVerificationTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private static string NewAddress() => $"citizen-{Guid.NewGuid():N}@example.org";

    [GeneratedRegex(@"/(?<lang>[a-z]+)/verify-email\?token=(?<token>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])")]
    private static partial Regex Link();

    /// <summary>The messages in the outbox to this address, oldest first.</summary>
    private async Task<List<EmailMessage>> EmailsToAsync(string address) =>
        [.. (await _platform.Outbox.ListAsync(OutboxStatus.Pending, 100_000)).Select(e => e.Message)
            .Where(m => m.To == EmailAddresses.Normalise(address)).OrderBy(m => m.Id, StringComparer.Ordinal)];

    private static string TokenIn(EmailMessage email) => Link().Match(email.PlainText).Groups["token"].Value;

    /// <summary>Asks for a link and returns its token, read from the one new email.</summary>
    private async Task<string> RequestLinkAsync(string address, Participant? asker = null, string language = "en")
    {
        var before = (await EmailsToAsync(address)).Select(m => m.Id).ToHashSet();
        ResultAssert.Succeeded(await _platform.RequestEmailVerification.ExecuteAsync(new(address, language, asker?.Id)));
        return TokenIn(Assert.Single(await EmailsToAsync(address), m => !before.Contains(m.Id)));
    }

    private async Task<ConfirmEmailVerification.Verified> ConfirmAsync(string token) =>
        ResultAssert.Succeeded(await _platform.ConfirmEmailVerification.ExecuteAsync(token));

    // ---- Asking for a link ----

    [Fact]
    public async Task Asking_writes_one_email_in_the_language_asked_with_a_link_to_the_verify_page_and_an_unsubscribe_link()
    {
        var address = NewAddress();

        var answer = ResultAssert.Succeeded(await _platform.RequestEmailVerification.ExecuteAsync(new(address, "fr")));

        Assert.Equal((address, TimeSpan.FromMinutes(15)), (answer.Email, answer.LinkLifetime));
        var email = Assert.Single(await EmailsToAsync(address));
        Assert.Equal(("fr", "Votre lien de connexion"), (email.Language, email.Subject));
        var link = Link().Match(email.PlainText);
        Assert.True(link.Success, email.PlainText);
        Assert.Equal("fr", link.Groups["lang"].Value);
        Assert.Contains($"https://engage.example.org/fr/verify-email?token={link.Groups["token"].Value}", email.Html, StringComparison.Ordinal);
        Assert.StartsWith("https://engage.example.org/fr/unsubscribe?token=", email.ListUnsubscribe, StringComparison.Ordinal);
        Assert.Contains("15 minutes", email.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_challenge_keeps_only_the_hash_of_the_link_token_and_expires_15_minutes_after_the_request()
    {
        var asker = await _platform.RegisterParticipantAsync();
        var address = NewAddress();

        var token = await RequestLinkAsync(address, asker);

        var challenge = await _platform.EmailChallenges.GetByTokenHashAsync(SecretTokens.Hash(token));
        Assert.NotNull(challenge);
        Assert.Equal((address, asker.Id, "en", ManualClock.Start, ManualClock.Start.AddMinutes(15), (DateTimeOffset?)null),
            (challenge.Address, challenge.ParticipantId, challenge.Language, challenge.CreatedAt, challenge.ExpiresAt, challenge.UsedAt));
        Assert.DoesNotContain(token, challenge.TokenHash, StringComparison.Ordinal);
        Assert.Equal(challenge.Id, Assert.Single(await EmailsToAsync(address)).Id);
    }

    [Fact]
    public async Task Asking_trims_and_lower_cases_the_address()
    {
        var address = NewAddress();

        var answer = ResultAssert.Succeeded(await _platform.RequestEmailVerification.ExecuteAsync(new($"  {address.ToUpperInvariant()} ", "en")));

        Assert.Equal(address, answer.Email);
        Assert.Single(await EmailsToAsync(address));
    }

    [Theory]
    [InlineData(null, "en", "email", ErrorCodes.Required)]
    [InlineData("   ", "en", "email", ErrorCodes.Required)]
    [InlineData("no-at-sign.example.org", "en", "email", ErrorCodes.InvalidFormat)]
    [InlineData("two@@example.org", "en", "email", ErrorCodes.InvalidFormat)]
    [InlineData("bell\u0007@example.org", "en", "email", ErrorCodes.InvalidFormat)]
    [InlineData("someone@example.org", "de", "language", ErrorCodes.UnsupportedLanguage)]
    [InlineData("someone@example.org", null, "language", ErrorCodes.Required)]
    public async Task Asking_refuses_bad_input_naming_the_field_and_writes_nothing(string? address, string? language, string field, string code)
    {
        var pending = (await _platform.Outbox.ListAsync(OutboxStatus.Pending, 100_000)).Count;

        ResultAssert.FailedOnly(await _platform.RequestEmailVerification.ExecuteAsync(new(address, language)), field, code);

        Assert.Equal(pending, (await _platform.Outbox.ListAsync(OutboxStatus.Pending, 100_000)).Count);
    }

    [Fact]
    public async Task Asking_refuses_an_address_over_254_characters()
    {
        var address = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".org";

        ResultAssert.FailedOnly(await _platform.RequestEmailVerification.ExecuteAsync(new(address, "en")), "email", ErrorCodes.TooLong);
    }

    [Fact]
    public async Task Asking_for_an_unknown_participant_is_refused_and_writes_nothing()
    {
        var address = NewAddress();

        ResultAssert.FailedOnly(await _platform.RequestEmailVerification.ExecuteAsync(new(address, "en", Ids.New())), "participantId", ErrorCodes.NotFound);

        Assert.Empty(await EmailsToAsync(address));
        Assert.Equal(0, await _platform.EmailChallenges.CountSinceAsync(address, ManualClock.Start.AddDays(-1)));
    }

    [Fact]
    public async Task An_address_that_unsubscribed_from_sign_in_links_gets_no_email_but_the_same_answer()
    {
        var (suppressed, other) = (NewAddress(), NewAddress());
        await _platform.EmailSuppressions.SuppressAsync(MailingList.SignInLinks, EmailAddresses.Hash(suppressed), ManualClock.Start);

        var toSuppressed = ResultAssert.Succeeded(await _platform.RequestEmailVerification.ExecuteAsync(new(suppressed, "en")));
        var toOther = ResultAssert.Succeeded(await _platform.RequestEmailVerification.ExecuteAsync(new(other, "en")));

        Assert.Empty(await EmailsToAsync(suppressed));
        Assert.Single(await EmailsToAsync(other));
        Assert.Equal(toOther with { Email = suppressed }, toSuppressed);
        // Counted all the same, so the cap, too, behaves as for any address.
        Assert.Equal(1, await _platform.EmailChallenges.CountSinceAsync(suppressed, ManualClock.Start));
    }

    [Fact]
    public async Task Unsubscribing_from_follow_ups_does_not_stop_sign_in_links()
    {
        var address = NewAddress();
        await _platform.EmailSuppressions.SuppressAsync(MailingList.FollowUps, EmailAddresses.Hash(address), ManualClock.Start);

        await RequestLinkAsync(address);
    }

    [Fact]
    public async Task An_address_is_sent_five_links_an_hour_and_a_sixth_request_gets_the_same_answer_and_no_email()
    {
        var address = NewAddress();
        for (var i = 0; i < RequestEmailVerification.MaxPerAddress; i++)
        {
            await RequestLinkAsync(address);
            _platform.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var capped = ResultAssert.Succeeded(await _platform.RequestEmailVerification.ExecuteAsync(new(address, "en")));

        Assert.Equal(new RequestEmailVerification.Requested(address, EmailChallenge.Lifetime), capped);
        Assert.Equal(5, (await EmailsToAsync(address)).Count);
        // The first request leaves the hour's window 60 minutes after it was made, and one more link can go.
        _platform.Clock.UtcNow = ManualClock.Start.AddHours(1).AddTicks(1);
        await RequestLinkAsync(address);
    }

    [Fact]
    public async Task The_cap_is_per_address()
    {
        var (busy, quiet) = (NewAddress(), NewAddress());
        for (var i = 0; i < RequestEmailVerification.MaxPerAddress + 1; i++)
            await _platform.RequestEmailVerification.ExecuteAsync(new(busy, "en"));

        await RequestLinkAsync(quiet);
    }

    // ---- Using a link ----

    [Fact]
    public async Task Using_the_link_verifies_the_anonymous_participant_who_asked_and_its_token_keeps_working()
    {
        var registered = ResultAssert.Succeeded(await _platform.RegisterAnonymousParticipant.ExecuteAsync());
        var address = NewAddress();
        var token = await RequestLinkAsync(address, registered.Participant);
        _platform.Clock.Advance(TimeSpan.FromMinutes(3));

        var verified = await ConfirmAsync(token);

        Assert.Null(verified.Token);
        Assert.Equal(registered.Participant.Id, verified.Participant.Id);
        var stored = await _platform.Participants.GetAsync(registered.Participant.Id);
        Assert.Equal((ParticipantKind.VerifiedEmail, address, (DateTimeOffset?)ManualClock.Start.AddMinutes(3), true),
            (stored!.Kind, stored.Email, stored.EmailVerifiedAt, stored.HasVerifiedEmail));
        Assert.Equal(stored, verified.Participant);
        Assert.Equal(registered.Participant.Id, ResultAssert.Succeeded(await _platform.FindParticipantByToken.ExecuteAsync(registered.Token)).Id);
    }

    [Fact]
    public async Task A_consultation_that_requires_a_verified_email_accepts_the_participant_once_the_link_is_used()
    {
        var consultation = await _platform.CreateOpenConsultationAsync(IdentityPolicy.VerifiedEmailRequired);
        var participant = await _platform.RegisterParticipantAsync();
        var post = new PostComment.Request(consultation.Id, participant.Id, "Please add a crossing at Elm Street.", "en");
        ResultAssert.FailedOnly(await _platform.PostComment.ExecuteAsync(post), "participantId", ErrorCodes.Forbidden);

        await ConfirmAsync(await RequestLinkAsync(NewAddress(), participant));

        ResultAssert.Succeeded(await _platform.PostComment.ExecuteAsync(post));
    }

    [Fact]
    public async Task A_link_works_until_just_before_15_minutes_have_passed()
    {
        var participant = await _platform.RegisterParticipantAsync();
        var token = await RequestLinkAsync(NewAddress(), participant);
        _platform.Clock.Advance(EmailChallenge.Lifetime - TimeSpan.FromTicks(1));

        ResultAssert.Succeeded(await _platform.ConfirmEmailVerification.InspectAsync(token));
        await ConfirmAsync(token);

        Assert.True((await _platform.Participants.GetAsync(participant.Id))!.HasVerifiedEmail);
    }

    [Fact]
    public async Task A_link_used_15_minutes_after_the_request_is_refused_as_expired_and_changes_nothing()
    {
        var participant = await _platform.RegisterParticipantAsync();
        var address = NewAddress();
        var token = await RequestLinkAsync(address, participant);
        _platform.Clock.Advance(EmailChallenge.Lifetime);

        ResultAssert.FailedOnly(await _platform.ConfirmEmailVerification.InspectAsync(token), "token", ErrorCodes.Expired);
        var error = ResultAssert.FailedOnly(await _platform.ConfirmEmailVerification.ExecuteAsync(token), "token", ErrorCodes.Expired);

        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.Equal(participant, await _platform.Participants.GetAsync(participant.Id));
        Assert.Null(await _platform.Participants.GetByEmailAsync(address));
        Assert.Null((await _platform.EmailChallenges.GetByTokenHashAsync(SecretTokens.Hash(token)))!.UsedAt);
    }

    [Fact]
    public async Task A_link_works_once_and_a_second_use_is_refused_as_already_used()
    {
        var token = await RequestLinkAsync(NewAddress(), await _platform.RegisterParticipantAsync());
        await ConfirmAsync(token);
        _platform.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await _platform.ConfirmEmailVerification.ExecuteAsync(token);

        var error = ResultAssert.FailedOnly(again, "token", ErrorCodes.AlreadyUsed);
        Assert.Contains("already used", error.Message, StringComparison.Ordinal);
        ResultAssert.FailedOnly(await _platform.ConfirmEmailVerification.InspectAsync(token), "token", ErrorCodes.AlreadyUsed);
        // Used and since expired: still told it was used, the more useful of the two.
        _platform.Clock.Advance(TimeSpan.FromHours(1));
        ResultAssert.FailedOnly(await _platform.ConfirmEmailVerification.ExecuteAsync(token), "token", ErrorCodes.AlreadyUsed);
    }

    [Fact]
    public async Task Of_two_concurrent_uses_of_one_link_exactly_one_succeeds()
    {
        var token = await RequestLinkAsync(NewAddress());

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _platform.ConfirmEmailVerification.ExecuteAsync(token))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => ResultAssert.FailedOnly(r, "token", ErrorCodes.AlreadyUsed));
    }

    [Theory]
    [InlineData(null, ErrorCodes.InvalidFormat)]
    [InlineData("", ErrorCodes.InvalidFormat)]
    [InlineData("short", ErrorCodes.InvalidFormat)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", ErrorCodes.InvalidFormat)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ErrorCodes.InvalidFormat)]
    [InlineData("<script>alert(1)</script>AAAAAAAAAAAAAAAAAA", ErrorCodes.InvalidFormat)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ErrorCodes.NotFound)]
    public async Task A_forged_or_garbled_link_is_refused_and_changes_nothing(string? token, string code)
    {
        ResultAssert.FailedOnly(await _platform.ConfirmEmailVerification.InspectAsync(token), "token", code);
        var error = ResultAssert.FailedOnly(await _platform.ConfirmEmailVerification.ExecuteAsync(token), "token", code);

        Assert.Contains("not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stored_hash_of_a_link_token_does_not_work_as_a_link()
    {
        var token = await RequestLinkAsync(NewAddress());

        ResultAssert.FailedOnly(await _platform.ConfirmEmailVerification.ExecuteAsync(SecretTokens.Hash(token)), "token", ErrorCodes.InvalidFormat);
        await ConfirmAsync(token);
    }

    [Fact]
    public async Task A_token_one_character_off_is_unknown_and_leaves_the_real_link_usable()
    {
        var token = await RequestLinkAsync(NewAddress());
        var altered = (token[0] == 'A' ? "B" : "A") + token[1..];

        ResultAssert.FailedOnly(await _platform.ConfirmEmailVerification.ExecuteAsync(altered), "token", ErrorCodes.NotFound);

        await ConfirmAsync(token);
    }

    [Fact]
    public async Task Looking_at_a_link_changes_nothing_and_shows_the_address_masked()
    {
        var participant = await _platform.RegisterParticipantAsync();
        var address = NewAddress();
        var token = await RequestLinkAsync(address, participant);

        var pending = ResultAssert.Succeeded(await _platform.ConfirmEmailVerification.InspectAsync(token));
        ResultAssert.Succeeded(await _platform.ConfirmEmailVerification.InspectAsync(token));

        Assert.Equal(("c***@example.org", ManualClock.Start.AddMinutes(15)), (pending.MaskedAddress, pending.ExpiresAt));
        Assert.Equal(participant, await _platform.Participants.GetAsync(participant.Id));
        await ConfirmAsync(token);
    }

    // ---- Who the person is afterwards ----

    [Fact]
    public async Task On_a_second_device_the_link_signs_in_as_the_participant_holding_the_address_with_a_new_token()
    {
        var first = ResultAssert.Succeeded(await _platform.RegisterAnonymousParticipant.ExecuteAsync());
        var address = NewAddress();
        await ConfirmAsync(await RequestLinkAsync(address, first.Participant));
        var secondDevice = await _platform.RegisterParticipantAsync();

        var signedIn = await ConfirmAsync(await RequestLinkAsync(address, secondDevice));

        Assert.Equal(first.Participant.Id, signedIn.Participant.Id);
        Assert.NotNull(signedIn.Token);
        Assert.NotEqual(first.Token, signedIn.Token);
        Assert.Equal(first.Participant.Id, ResultAssert.Succeeded(await _platform.FindParticipantByToken.ExecuteAsync(signedIn.Token)).Id);
        Assert.Equal(first.Participant.Id, ResultAssert.Succeeded(await _platform.FindParticipantByToken.ExecuteAsync(first.Token)).Id);
        // The second device's own participant stays anonymous: one address, one participant.
        Assert.Equal(secondDevice, await _platform.Participants.GetAsync(secondDevice.Id));
    }

    [Fact]
    public async Task A_link_asked_for_without_a_participant_signs_in_to_the_address_participant()
    {
        var holder = await _platform.RegisterParticipantAsync();
        var address = NewAddress();
        await ConfirmAsync(await RequestLinkAsync(address, holder));

        var signedIn = await ConfirmAsync(await RequestLinkAsync(address.ToUpperInvariant()));

        Assert.Equal(holder.Id, signedIn.Participant.Id);
        Assert.Equal(holder.Id, ResultAssert.Succeeded(await _platform.FindParticipantByToken.ExecuteAsync(signedIn.Token)).Id);
    }

    [Fact]
    public async Task A_link_asked_for_without_a_participant_makes_a_verified_participant_for_a_new_address()
    {
        var address = NewAddress();
        _platform.Clock.Advance(TimeSpan.FromMinutes(2));
        var token = await RequestLinkAsync(address);

        var created = await ConfirmAsync(token);

        Assert.NotNull(created.Token);
        var found = ResultAssert.Succeeded(await _platform.FindParticipantByToken.ExecuteAsync(created.Token));
        Assert.Equal(created.Participant, found);
        Assert.Equal((ParticipantKind.VerifiedEmail, address, (DateTimeOffset?)ManualClock.Start.AddMinutes(2)), (found.Kind, found.Email, found.EmailVerifiedAt));
        Assert.Equal(found, await _platform.Participants.GetByEmailAsync(address));
    }

    [Fact]
    public async Task The_participant_who_asked_again_for_its_own_address_is_given_no_new_token()
    {
        var participant = await _platform.RegisterParticipantAsync();
        var address = NewAddress();
        await ConfirmAsync(await RequestLinkAsync(address, participant));

        var again = await ConfirmAsync(await RequestLinkAsync(address, participant));

        Assert.Equal((participant.Id, (string?)null), (again.Participant.Id, again.Token));
    }

    [Fact]
    public async Task A_participant_verified_under_one_address_keeps_it_and_a_link_for_another_address_signs_in_to_a_participant_of_its_own()
    {
        var participant = await _platform.RegisterParticipantAsync();
        var (firstAddress, secondAddress) = (NewAddress(), NewAddress());
        await ConfirmAsync(await RequestLinkAsync(firstAddress, participant));

        var other = await ConfirmAsync(await RequestLinkAsync(secondAddress, participant));

        Assert.NotEqual(participant.Id, other.Participant.Id);
        Assert.Equal(secondAddress, other.Participant.Email);
        Assert.NotNull(other.Token);
        Assert.Equal(firstAddress, (await _platform.Participants.GetAsync(participant.Id))!.Email);
    }

    [Fact]
    public async Task Of_two_participants_asking_for_one_address_the_first_to_use_its_link_gets_it_and_the_second_signs_in_to_it()
    {
        var (first, second) = (await _platform.RegisterParticipantAsync(), await _platform.RegisterParticipantAsync());
        var address = NewAddress();
        var (firstLink, secondLink) = (await RequestLinkAsync(address, first), await RequestLinkAsync(address, second));

        await ConfirmAsync(secondLink);
        var late = await ConfirmAsync(firstLink);

        Assert.Equal(address, (await _platform.Participants.GetAsync(second.Id))!.Email);
        Assert.Equal(second.Id, late.Participant.Id);
        Assert.NotNull(late.Token);
        Assert.False((await _platform.Participants.GetAsync(first.Id))!.HasVerifiedEmail);
    }
}
