using Engagement.Core.Backlog;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Email;
using Engagement.Core.FollowUps;
using Engagement.Core.Insights;
using Engagement.Core.Screening;
using Engagement.Core.Surveys;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.FollowUps;

/// <summary>
/// Closing the loop: contributors opt in with an address at submission; shipping an item emails each opted-in address
/// behind its evidence once, in its language, in the same write; closing spends the addresses; unsubscribing stops it all.
/// </summary>
public sealed class ClosingTheLoopTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly Actor Analyst = Actor.Staff("analyst-1");
    private readonly TestPlatform _platform = new(db);

    private static string Address(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    /// <summary>A comment insights have read, by a new participant, optionally with an address to hear back at.</summary>
    private async Task<Comment> CommentAsync(Consultation consultation, string? followUpEmail, string language = "en", string text = "The ramp at the library is broken.")
    {
        var participant = await _platform.RegisterParticipantAsync();
        var comment = ResultAssert.Succeeded(await _platform.PostComment.ExecuteAsync(new(consultation.Id, participant.Id, text, language, FollowUpEmail: followUpEmail)));
        await _platform.SentimentFeed.SaveTagsAsync([(TextKind.Comment, comment.Id, new SentimentTag(SentimentLabel.Negative, 0.9f, 0, 0, 0, language, SentimentNote.None, "m"))], 1);
        return comment;
    }

    private async Task<BacklogItem> ItemAsync(Consultation consultation, IEnumerable<Comment> comments) =>
        ResultAssert.Succeeded(await _platform.CreateBacklogItem.ExecuteAsync(new(consultation.OrganisationId, "Fix the <library> ramp", "People cannot get in.",
            ConsultationId: consultation.Id, Evidence: [.. comments.Select(c => new EvidenceRef(EvidenceKind.Comment, c.Id))]), Analyst));

    private async Task<BacklogItem> MoveAsync(BacklogItem item, BacklogStatus to, string? note = null) =>
        ResultAssert.Succeeded(await _platform.ChangeBacklogStatus.ExecuteAsync(new(item.Id, item.OrganisationId, to, note), Analyst));

    private async Task<BacklogItem> ShipAsync(BacklogItem item, string note = "We rebuilt the ramp <b>in May</b> & widened the door.")
    {
        await MoveAsync(item, BacklogStatus.Accepted);
        await MoveAsync(item, BacklogStatus.InProgress);
        return await MoveAsync(item, BacklogStatus.Shipped, note);
    }

    /// <summary>Pending messages to these addresses (the outbox is shared with other tests).</summary>
    private async Task<List<EmailMessage>> MailToAsync(params string[] addresses) =>
        [.. (await _platform.Outbox.ListAsync(OutboxStatus.Pending, 100_000)).Select(e => e.Message).Where(m => addresses.Contains(m.To)).OrderBy(m => m.To)];

    [Fact]
    public async Task Shipping_emails_each_opted_in_address_once_in_its_language_and_no_one_else()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var (anne, carl) = (Address("anne"), Address("carl"));
        var comments = new[]
        {
            await CommentAsync(consultation, anne.ToUpperInvariant(), "fr", "La rampe de la bibliothèque est brisée."),
            await CommentAsync(consultation, null),
            await CommentAsync(consultation, carl),
            await CommentAsync(consultation, anne, "fr", "Toujours pas de rampe."),
        };
        var item = await ItemAsync(consultation, comments);

        await MoveAsync(item, BacklogStatus.Accepted);
        await MoveAsync(item, BacklogStatus.InProgress);
        Assert.Empty(await MailToAsync(anne, carl));
        var shipped = await MoveAsync(item, BacklogStatus.Shipped, "We rebuilt the ramp <b>in May</b> & widened the door.");

        Assert.Equal(BacklogStatus.Shipped, shipped.Status);
        var mail = await MailToAsync(anne, carl);
        Assert.Equal([(anne, "fr"), (carl, "en")], mail.Select(m => (m.To, m.Language)).OrderBy(m => m.To));
        var toAnne = mail.Single(m => m.To == anne);
        Assert.StartsWith("Vous avez dit, nous avons fait", toAnne.Subject);
        Assert.Contains("We rebuilt the ramp <b>in May</b> & widened the door.", toAnne.PlainText);
        Assert.Contains("We rebuilt the ramp &lt;b&gt;in May&lt;/b&gt; &amp; widened the door.", toAnne.Html);
        Assert.Contains("Fix the &lt;library&gt; ramp", toAnne.Html);
        Assert.DoesNotContain("<b>", toAnne.Html);
        Assert.StartsWith("https://engage.example.org/fr/unsubscribe?token=", toAnne.ListUnsubscribe);
        Assert.Contains(toAnne.ListUnsubscribe!, toAnne.PlainText);
        Assert.Contains($"https://engage.example.org/fr/consultations/{consultation.Id}", toAnne.PlainText);
        Assert.Empty(await _platform.FollowUps.ListForContributionsAsync(consultation.OrganisationId, [.. comments.Select(c => c.Id)], _platform.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task The_email_goes_out_with_the_status_change_under_an_id_that_makes_it_once()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var anne = Address("anne");
        var item = await ItemAsync(consultation, [await CommentAsync(consultation, anne)]);

        await ShipAsync(item);
        var email = Assert.Single(await MailToAsync(anne));

        Assert.Equal($"shipped.{item.Id}.{EmailAddresses.Hash(anne)[..16]}", email.Id);
        // The same message again is the same id: the outbox stores it once.
        Assert.Equal(0, await _platform.Outbox.EnqueueAsync([email], _platform.Clock.GetUtcNow()));
        var events = (await _platform.Backlog.ReadEventsAsync(0, 100_000)).Where(e => e.Item.Id == item.Id).Select(e => e.Kind).ToList();
        Assert.Equal([BacklogEventKind.Created, BacklogEventKind.StatusChanged, BacklogEventKind.StatusChanged, BacklogEventKind.StatusChanged], events);
    }

    [Fact]
    public async Task Declining_spends_the_addresses_without_writing_to_anyone()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var anne = Address("anne");
        var comment = await CommentAsync(consultation, anne);
        var item = await ItemAsync(consultation, [comment]);

        await MoveAsync(item, BacklogStatus.Declined, "The building is being replaced next year.");

        Assert.Empty(await MailToAsync(anne));
        Assert.Empty(await _platform.FollowUps.ListForContributionsAsync(consultation.OrganisationId, [comment.Id], _platform.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Contributors_behind_a_linked_theme_are_told_too()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var anne = Address("anne");
        var inTheme = await CommentAsync(consultation, anne);
        await _platform.Themes.SaveAsync(new ThemeSnapshot
        {
            OrganisationId = consultation.OrganisationId, RefreshedAt = _platform.Clock.GetUtcNow(), Watermark = 1, TextsRead = 1,
            Themes = [new ThemeSummary("th_ramp", "en", ["ramp", "library", "door"], 1, []) { NegativeShare = 1 }],
            ThemeOfText = new Dictionary<string, string> { [$"Comment:{inTheme.Id}"] = "th_ramp" },
        });
        var item = ResultAssert.Succeeded(await _platform.CreateBacklogItem.ExecuteAsync(new(consultation.OrganisationId, "Ramps", "",
            Evidence: [new EvidenceRef(EvidenceKind.Theme, "th_ramp")]), Analyst));

        await ShipAsync(item);

        Assert.Single(await MailToAsync(anne));
    }

    [Fact]
    public async Task Ratings_with_a_comment_and_survey_responses_with_a_written_answer_keep_the_address_others_do_not()
    {
        var service = await _platform.CreateServiceAsync();
        var (rated, scoreOnly, again) = (Address("rated"), Address("score"), Address("again"));
        var withComment = ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new(service.Id, 2, "en", "Too slow", FollowUpEmail: rated)));
        var withoutComment = ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new(service.Id, 2, "en", FollowUpEmail: scoreOnly)));
        var survey = await _platform.CreateOpenSurveyAsync(Questions.ShortText("why"), Questions.Rating("score"));
        var participant = await _platform.RegisterParticipantAsync();
        var response = ResultAssert.Succeeded(await _platform.SubmitSurveyResponse.ExecuteAsync(new(survey.Id, participant.Id, "en",
            new Dictionary<string, Answer> { ["why"] = Answer.OfText("Forms are long") }, Address("survey"))));
        var second = await _platform.SubmitSurveyResponse.ExecuteAsync(new(survey.Id, participant.Id, "en",
            new Dictionary<string, Answer> { ["why"] = Answer.OfText("Again") }, again));

        var now = _platform.Clock.GetUtcNow();
        Assert.Single(await _platform.FollowUps.ListForContributionsAsync(service.OrganisationId, [withComment.Id], now));
        Assert.Empty(await _platform.FollowUps.ListForContributionsAsync(service.OrganisationId, [withoutComment.Id], now));
        Assert.Single(await _platform.FollowUps.ListForContributionsAsync(survey.OrganisationId, [response.Id], now));
        ResultAssert.FailedOnly(second, "participantId", ErrorCodes.Duplicate);
        // The refused second response left no address behind.
        Assert.Equal(0, await _platform.FollowUps.DeleteByAddressAsync(again));
        Assert.Equal(1, await _platform.FollowUps.DeleteByAddressAsync(rated));
    }

    [Fact]
    public async Task A_malformed_address_refuses_the_submission_with_a_clear_error_and_stores_nothing()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var participant = await _platform.RegisterParticipantAsync();

        var result = await _platform.PostComment.ExecuteAsync(new(consultation.Id, participant.Id, "Hello", "en", FollowUpEmail: "<script>@x"));

        var error = ResultAssert.FailedOnly(result, FollowUpOptIn.Field, ErrorCodes.InvalidFormat);
        Assert.Contains("name@example.org", error.Message);
        Assert.Empty((await _platform.ListComments.ExecuteAsync(new(consultation.Id))).Value.Items);
    }

    [Fact]
    public async Task Unsubscribing_from_the_email_deletes_the_address_everywhere_and_it_is_not_kept_again()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var anne = Address("anne");
        var first = await CommentAsync(consultation, anne);
        var waiting = await CommentAsync(consultation, anne);
        await ShipAsync(await ItemAsync(consultation, [first]));
        var token = Uri.UnescapeDataString(Assert.Single(await MailToAsync(anne)).ListUnsubscribe!.Split("token=")[1]);

        var link = _platform.Unsubscribe.Inspect(token);
        Assert.Equal((SignedTokenState.Valid, MailingList.FollowUps), (link.State, link.List));
        Assert.Equal("a***@example.org", link.MaskedAddress);
        Assert.Single(await _platform.FollowUps.ListForContributionsAsync(consultation.OrganisationId, [waiting.Id], _platform.Clock.GetUtcNow()));

        ResultAssert.Succeeded(await _platform.Unsubscribe.ExecuteAsync(token));
        ResultAssert.Succeeded(await _platform.Unsubscribe.ExecuteAsync(token));
        var later = await CommentAsync(consultation, anne);

        Assert.Empty(await _platform.FollowUps.ListForContributionsAsync(consultation.OrganisationId, [waiting.Id, later.Id], _platform.Clock.GetUtcNow()));
        await ShipAsync(await ItemAsync(consultation, [waiting, later]));
        Assert.Single(await MailToAsync(anne));
    }

    [Fact]
    public async Task An_expired_forged_or_foreign_unsubscribe_link_is_refused_saying_which()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var anne = Address("anne");
        await ShipAsync(await ItemAsync(consultation, [await CommentAsync(consultation, anne)]));
        var token = Uri.UnescapeDataString(Assert.Single(await MailToAsync(anne)).ListUnsubscribe!.Split("token=")[1]);
        var forged = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];
        var foreign = new TestPlatform(db).Unsubscribe;

        ResultAssert.FailedOnly(await _platform.Unsubscribe.ExecuteAsync(forged), "token", ErrorCodes.InvalidFormat);
        ResultAssert.FailedOnly(await _platform.Unsubscribe.ExecuteAsync(""), "token", ErrorCodes.InvalidFormat);
        ResultAssert.FailedOnly(await foreign.ExecuteAsync(token), "token", ErrorCodes.InvalidFormat);
        _platform.Clock.Advance(EmailComposer.UnsubscribeLifetime + TimeSpan.FromDays(1));
        ResultAssert.FailedOnly(await _platform.Unsubscribe.ExecuteAsync(token), "token", ErrorCodes.Expired);
        Assert.Equal(SignedTokenState.Expired, _platform.Unsubscribe.Inspect(token).State);
        Assert.Empty(await _platform.EmailSuppressions.SuppressedAsync(MailingList.FollowUps, [EmailAddresses.Hash(anne)]));
    }

    [Fact]
    public async Task Addresses_no_improvement_used_are_deleted_once_their_retention_passes()
    {
        _platform.FollowUpOptions = new FollowUpOptions { Retention = TimeSpan.FromDays(30) };
        var consultation = await _platform.CreateOpenConsultationAsync();
        var comment = await CommentAsync(consultation, Address("anne"));

        _platform.Clock.Advance(TimeSpan.FromDays(29));
        await _platform.ForgetExpiredFollowUps.ExecuteAsync();
        Assert.Single(await _platform.FollowUps.ListForContributionsAsync(consultation.OrganisationId, [comment.Id], _platform.Clock.GetUtcNow()));
        _platform.Clock.Advance(TimeSpan.FromDays(2));
        await _platform.ForgetExpiredFollowUps.ExecuteAsync();

        Assert.Empty(await _platform.FollowUps.ListForContributionsAsync(consultation.OrganisationId, [comment.Id], _platform.Clock.GetUtcNow().AddYears(-1)));
    }

    [Fact]
    public void An_email_id_a_sender_would_refuse_is_refused_where_the_email_is_written()
    {
        var template = new ImprovementShippedEmail("en", "T", "N", null, null);

        Assert.Throws<ArgumentException>(() => _platform.EmailComposer.Compose(new string('a', EmailMessage.MaxIdLength + 1), "a@example.org", null, template, MailingList.FollowUps));
        Assert.Throws<ArgumentException>(() => _platform.EmailComposer.Compose("bad id", "a@example.org", null, template, MailingList.FollowUps));
        Assert.Equal("a@example.org", _platform.EmailComposer.Compose(new string('a', EmailMessage.MaxIdLength), " A@Example.org ", null, template, MailingList.FollowUps).To);
    }
}
