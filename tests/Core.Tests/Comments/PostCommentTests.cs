using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Participants;
using Engagement.Core.Tallies;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Comments;

/// <summary>Posting comments and one level of replies on an open consultation.</summary>
public sealed class PostCommentTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private Task<Result<Comment>> PostAsync(string consultationId, string participantId, string text = "More lanes please.", string language = "en", string? parentId = null) =>
        _platform.PostComment.ExecuteAsync(new PostComment.Request(consultationId, participantId, text, language, parentId));

    private async Task<long> CountAsync(Consultation consultation, string bucket) =>
        (await _platform.TallyAsync(TallyScopes.Consultation(consultation.Id)))[bucket];

    // ---- Accepted ----

    [Fact]
    public async Task Post_publishes_the_comment_and_counts_it()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var citizen = await _platform.RegisterParticipantAsync();

        var comment = ResultAssert.Succeeded(await PostAsync(consultation.Id, citizen.Id, "Please add a lane on Main Street.", "fr"));

        var stored = await _platform.Comments.GetAsync(comment.Id);
        Assert.NotNull(stored);
        Assert.Equal((consultation.Id, consultation.OrganisationId, citizen.Id), (stored.ConsultationId, stored.OrganisationId, stored.ParticipantId));
        Assert.Equal(("Please add a lane on Main Street.", "fr", CommentStatus.Published), (stored.Text, stored.Language, stored.Status));
        Assert.Null(stored.ParentId);
        Assert.Equal((ManualClock.Start, ManualClock.Start), (stored.CreatedAt, stored.UpdatedAt));
        Assert.Equal(1, await CountAsync(consultation, "comments.published"));
        Assert.Equal(0, await CountAsync(consultation, "replies.published"));
    }

    [Fact]
    public async Task Post_counts_every_comment()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        for (var i = 0; i < 3; i++)
            await _platform.PostCommentAsync(consultation);

        Assert.Equal(3, await CountAsync(consultation, "comments.published"));
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Unicode), MemberType = typeof(SampleTexts))]
    public async Task Post_keeps_the_text_exactly_as_given(string text)
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var citizen = await _platform.RegisterParticipantAsync();

        var comment = ResultAssert.Succeeded(await PostAsync(consultation.Id, citizen.Id, text));

        Assert.Equal(text, (await _platform.Comments.GetAsync(comment.Id))!.Text);
    }

    [Fact]
    public async Task Post_accepts_a_text_at_the_limit_counting_each_emoji_once()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var citizen = await _platform.RegisterParticipantAsync();
        var text = TestPlatform.Repeat("👍🏽", TextLimits.Comment);

        var comment = ResultAssert.Succeeded(await PostAsync(consultation.Id, citizen.Id, text));

        Assert.Equal(text, (await _platform.Comments.GetAsync(comment.Id))!.Text);
    }

    [Fact]
    public async Task Post_is_accepted_once_the_opening_date_is_reached()
    {
        var consultation = await _platform.CreateOpenConsultationAsync(opensAt: ManualClock.Start.AddDays(1));
        var citizen = await _platform.RegisterParticipantAsync();
        _platform.Clock.Advance(TimeSpan.FromDays(1));

        ResultAssert.Succeeded(await PostAsync(consultation.Id, citizen.Id));
    }

    [Fact]
    public async Task Post_is_accepted_until_just_before_the_closing_date()
    {
        var consultation = await _platform.CreateOpenConsultationAsync(closesAt: ManualClock.Start.AddDays(1));
        var citizen = await _platform.RegisterParticipantAsync();
        _platform.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromTicks(1));

        ResultAssert.Succeeded(await PostAsync(consultation.Id, citizen.Id));
    }

    [Fact]
    public async Task Post_is_accepted_from_a_verified_participant_when_a_verified_email_is_required()
    {
        var consultation = await _platform.CreateOpenConsultationAsync(IdentityPolicy.VerifiedEmailRequired);
        var verified = await _platform.CreateVerifiedParticipantAsync();

        ResultAssert.Succeeded(await PostAsync(consultation.Id, verified.Id));

        Assert.Equal(1, await CountAsync(consultation, "comments.published"));
    }

    // ---- Refused: the consultation ----

    [Fact]
    public async Task Post_is_refused_when_the_consultation_is_unknown()
    {
        var citizen = await _platform.RegisterParticipantAsync();
        var unknown = Ids.New();

        ResultAssert.FailedOnly(await PostAsync(unknown, citizen.Id), "consultationId", ErrorCodes.NotFound);

        Assert.Empty((await _platform.Comments.ListTopLevelAsync(unknown, null, PageRequest.First(10))).Items);
    }

    [Fact]
    public async Task Post_to_a_draft_is_refused_as_to_a_consultation_that_does_not_exist()
    {
        var draft = await _platform.CreateDraftConsultationAsync();
        var citizen = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        // The same answer as for a made-up id, so that nobody learns a draft's id exists.
        ResultAssert.FailedOnly(await PostAsync(draft.Id, citizen.Id), "consultationId", ErrorCodes.NotFound);
        ResultAssert.FailedOnly(await PostAsync("no-such-consultation", citizen.Id), "consultationId", ErrorCodes.NotFound);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Post_is_refused_when_the_consultation_is_closed()
    {
        var closed = await _platform.CreateClosedConsultationAsync();
        var citizen = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(closed.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(closed.Id, citizen.Id), "consultationId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(closed.OrganisationId));
    }

    [Fact]
    public async Task Post_is_refused_when_the_consultation_is_not_yet_open()
    {
        var consultation = await _platform.CreateOpenConsultationAsync(opensAt: ManualClock.Start.AddDays(1));
        var citizen = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(consultation.Id, citizen.Id), "consultationId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task Post_is_refused_when_the_closing_date_has_passed()
    {
        var consultation = await _platform.CreateOpenConsultationAsync(closesAt: ManualClock.Start.AddDays(1));
        var citizen = await _platform.RegisterParticipantAsync();
        _platform.Clock.Advance(TimeSpan.FromDays(1));
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(consultation.Id, citizen.Id), "consultationId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    // ---- Refused: the participant ----

    [Fact]
    public async Task Post_is_refused_for_an_anonymous_participant_when_a_verified_email_is_required()
    {
        var consultation = await _platform.CreateOpenConsultationAsync(IdentityPolicy.VerifiedEmailRequired);
        var anonymous = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(consultation.Id, anonymous.Id), "participantId", ErrorCodes.Forbidden);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task Post_is_refused_for_an_email_participant_who_has_not_verified_it()
    {
        var consultation = await _platform.CreateOpenConsultationAsync(IdentityPolicy.VerifiedEmailRequired);
        var unverified = new Participant
        {
            Id = Ids.New(), Kind = ParticipantKind.VerifiedEmail, Email = $"u-{Guid.NewGuid():N}@example.org", EmailVerifiedAt = null,
            CreatedAt = ManualClock.Start,
        };
        Assert.True(await _platform.Participants.TryAddAsync(unverified));
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(consultation.Id, unverified.Id), "participantId", ErrorCodes.Forbidden);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task Post_is_refused_for_an_unknown_participant()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(consultation.Id, Ids.New()), "participantId", ErrorCodes.NotFound);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task Post_is_refused_without_a_participant()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(consultation.Id, ""), "participantId", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    // ---- Refused: the text ----

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t\r\n")]
    public async Task Post_is_refused_when_the_text_is_blank(string text)
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var citizen = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(consultation.Id, citizen.Id, text), "text", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task Post_is_refused_when_the_text_is_one_character_too_long()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var citizen = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        var result = await PostAsync(consultation.Id, citizen.Id, TestPlatform.Repeat("é", TextLimits.Comment + 1));

        ResultAssert.FailedOnly(result, "text", ErrorCodes.TooLong);
        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Malformed), MemberType = typeof(SampleTexts))]
    public async Task Post_is_refused_when_the_text_has_control_characters_or_broken_unicode(string malformed)
    {
        var text = SampleTexts.MalformedText(malformed);
        var consultation = await _platform.CreateOpenConsultationAsync();
        var citizen = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(consultation.Id, citizen.Id, text), "text", ErrorCodes.InvalidFormat);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Theory]
    [InlineData("de", ErrorCodes.UnsupportedLanguage)]
    [InlineData("FR", ErrorCodes.UnsupportedLanguage)]
    [InlineData("", ErrorCodes.Required)]
    public async Task Post_is_refused_when_the_language_is_missing_or_not_offered(string language, string code)
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var citizen = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(consultation.Id, citizen.Id, language: language), "language", code);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    // ---- Replies ----

    [Fact]
    public async Task Reply_is_published_under_its_parent_and_counted_as_a_reply()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var parent = await _platform.PostCommentAsync(consultation);
        var replier = await _platform.RegisterParticipantAsync();

        var reply = ResultAssert.Succeeded(await PostAsync(consultation.Id, replier.Id, "I agree, and on Elm Street too.", parentId: parent.Id));

        var stored = await _platform.Comments.GetAsync(reply.Id);
        Assert.Equal(parent.Id, stored!.ParentId);
        Assert.True(stored.IsReply);
        Assert.Equal(1, await CountAsync(consultation, "comments.published"));
        Assert.Equal(1, await CountAsync(consultation, "replies.published"));
    }

    [Fact]
    public async Task Reply_is_refused_when_the_parent_is_unknown()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var citizen = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(consultation.Id, citizen.Id, parentId: Ids.New()), "parentId", ErrorCodes.NotFound);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task Reply_is_refused_when_the_parent_belongs_to_another_consultation()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var other = await _platform.CreateOpenConsultationAsync(organisationId: consultation.OrganisationId);
        var foreignParent = await _platform.PostCommentAsync(other);
        var citizen = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(consultation.Id, citizen.Id, parentId: foreignParent.Id), "parentId", ErrorCodes.NotFound);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task Reply_is_refused_when_the_parent_is_itself_a_reply()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var parent = await _platform.PostCommentAsync(consultation);
        var reply = await _platform.PostCommentAsync(consultation, "A reply.", parentId: parent.Id);
        var citizen = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(consultation.Id, citizen.Id, parentId: reply.Id), "parentId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Theory]
    [InlineData(CommentStatus.Held)]
    [InlineData(CommentStatus.Rejected)]
    [InlineData(CommentStatus.Hidden)]
    public async Task Reply_is_refused_when_the_parent_is_not_published(CommentStatus status)
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var parent = await _platform.SetCommentStatusAsync(await _platform.PostCommentAsync(consultation), status);
        var citizen = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(consultation.OrganisationId);

        ResultAssert.FailedOnly(await PostAsync(consultation.Id, citizen.Id, parentId: parent.Id), "parentId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(consultation.OrganisationId));
    }

    [Fact]
    public async Task Post_reports_every_problem_with_the_input_at_once()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var citizen = await _platform.RegisterParticipantAsync();

        var result = await PostAsync(consultation.Id, citizen.Id, " ", "xx");

        ResultAssert.Failed(result, "text", ErrorCodes.Required);
        ResultAssert.Failed(result, "language", ErrorCodes.UnsupportedLanguage);
    }
}
