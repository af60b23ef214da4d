using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Participants;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;
using Engagement.Core.Tests.Support;
using static Engagement.Core.Tests.Support.Questions;

namespace Engagement.Core.Tests.Surveys;

/// <summary>Submitting a response: every answer is checked against its question, and the message names the question.</summary>
public sealed class SubmitSurveyResponseTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    /// <summary>An answer as text, since answers holding lists do not compare by value.</summary>
    private static string Show(Answer a) =>
        a.Choices is { } c ? $"choices:{string.Join(",", c)}"
        : a.Number is { } n ? $"number:{n}"
        : a.YesNo is { } y ? $"yesno:{y}"
        : $"text:{a.Text}";

    private async Task<Tally> TallyOf(Survey survey) => await _platform.TallyAsync(TallyScopes.Survey(survey.Id));

    /// <summary>
    /// A new participant's response is refused with this error on answers.{questionId}, the message names the question,
    /// and nothing is stored: no response, no tally moved.
    /// </summary>
    private async Task AssertAnswerRefusedAsync(Survey survey, string questionId, string code, params (string, Answer)[] answers)
    {
        var participant = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(survey.OrganisationId);

        var result = await _platform.SubmitAsync(survey, participant, answers);

        var error = ResultAssert.Failed(result, $"answers.{questionId}", code);
        Assert.Contains(questionId, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _platform.SnapshotAsync(survey.OrganisationId));
        Assert.Null(await _platform.Responses.GetByParticipantAsync(survey.Id, participant.Id));
    }

    // ---- Accepted ----

    [Fact]
    public async Task Submit_records_the_response_and_moves_the_tally()
    {
        var survey = await _platform.CreateOpenSurveyAsync(
            SingleChoice("transport", "bike", "bus") with { Required = true },
            MultipleChoice("days", "mon", "tue", "wed"),
            Rating("satisfaction"),
            Nps("recommend"),
            YesNo("again"),
            ShortText("name"),
            LongText("story"));
        var participant = await _platform.RegisterParticipantAsync();
        _platform.Clock.Advance(TimeSpan.FromMinutes(7));

        var response = ResultAssert.Succeeded(await _platform.SubmitSurveyResponse.ExecuteAsync(new SubmitSurveyResponse.Request(
            survey.Id, participant.Id, "fr", new Dictionary<string, Answer>
            {
                ["transport"] = Answer.Choice("bike"),
                ["days"] = Answer.Choice("mon", "wed"),
                ["satisfaction"] = Answer.Of(4),
                ["recommend"] = Answer.Of(0),
                ["again"] = Answer.Of(false),
                ["name"] = Answer.OfText("Zoë 🚲"),
                ["story"] = Answer.OfText("Line one\nLine two"),
            })));

        var stored = await _platform.Responses.GetByParticipantAsync(survey.Id, participant.Id);
        Assert.NotNull(stored);
        Assert.Equal((response.Id, "fr", ManualClock.Start.AddMinutes(7), survey.OrganisationId), (stored.Id, stored.Language, stored.SubmittedAt, stored.OrganisationId));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["transport"] = "choices:bike", ["days"] = "choices:mon,wed", ["satisfaction"] = "number:4", ["recommend"] = "number:0",
                ["again"] = "yesno:False", ["name"] = "text:Zoë 🚲", ["story"] = "text:Line one\nLine two",
            },
            stored.Answers.ToDictionary(a => a.Key, a => Show(a.Value)));

        var tally = await TallyOf(survey);
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["responses"] = 1,
                ["q.transport"] = 1, ["q.transport.bike"] = 1,
                ["q.days"] = 1, ["q.days.mon"] = 1, ["q.days.wed"] = 1,
                ["q.satisfaction"] = 1, ["q.satisfaction.4"] = 1,
                ["q.recommend"] = 1, ["q.recommend.0"] = 1,
                ["q.again"] = 1, ["q.again.no"] = 1,
                ["q.name"] = 1, ["q.story"] = 1,
            },
            tally.Counts.Where(c => c.Value != 0).ToDictionary(c => c.Key, c => c.Value));
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Unicode), MemberType = typeof(SampleTexts))]
    public async Task Submit_keeps_a_text_answer_exactly_as_given(string text)
    {
        var survey = await _platform.CreateOpenSurveyAsync(LongText("story"));
        var participant = await _platform.RegisterParticipantAsync();

        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, participant, ("story", Answer.OfText(text))));

        Assert.Equal(text, (await _platform.Responses.GetByParticipantAsync(survey.Id, participant.Id))!.Answers["story"].Text);
    }

    [Fact]
    public async Task Submit_accepts_blank_optional_answers_and_does_not_count_them()
    {
        var survey = await _platform.CreateOpenSurveyAsync(ShortText("comment"), MultipleChoice("days", "mon", "tue"), Rating("score"), YesNo("again"));
        var participant = await _platform.RegisterParticipantAsync();

        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, participant,
            ("comment", Answer.OfText("   ")), ("days", Answer.Choice()), ("score", new Answer())));

        Assert.Empty((await _platform.Responses.GetByParticipantAsync(survey.Id, participant.Id))!.Answers);
        var tally = await TallyOf(survey);
        Assert.Equal(1, tally[SurveyTallies.Responses]);
        Assert.All(new[] { "comment", "days", "score", "again" }, id => Assert.Equal(0, tally[SurveyTallies.Answered(id)]));
    }

    [Fact]
    public async Task Submit_accepts_an_empty_response_when_every_question_is_optional()
    {
        var survey = await _platform.CreateOpenSurveyAsync(YesNo("again"), Rating("score"));

        ResultAssert.Succeeded(await _platform.SubmitAsync(survey));

        Assert.Equal(1, (await TallyOf(survey))[SurveyTallies.Responses]);
    }

    [Theory]
    [InlineData(QuestionType.Rating, 1)]
    [InlineData(QuestionType.Rating, 5)]
    [InlineData(QuestionType.Nps, 0)]
    [InlineData(QuestionType.Nps, 10)]
    public async Task Submit_accepts_a_number_at_either_end_of_the_scale(QuestionType type, int number)
    {
        var survey = await _platform.CreateOpenSurveyAsync(Of("score", type));

        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, ("score", Answer.Of(number))));

        Assert.Equal(1, (await TallyOf(survey))[SurveyTallies.Value("score", TestPlatform.Number(number))]);
    }

    [Theory]
    [InlineData(QuestionType.ShortText, TextLimits.ShortAnswer)]
    [InlineData(QuestionType.LongText, TextLimits.LongAnswer)]
    public async Task Submit_accepts_a_text_answer_at_the_limit_counting_each_emoji_once(QuestionType type, int limit)
    {
        var survey = await _platform.CreateOpenSurveyAsync(Of("story", type));

        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, ("story", Answer.OfText(TestPlatform.Repeat("🙂", limit)))));
    }

    [Fact]
    public async Task Submit_is_accepted_from_a_verified_participant_when_a_verified_email_is_required()
    {
        var survey = await _platform.CreateOpenSurveyAsync(IdentityPolicy.VerifiedEmailRequired, YesNo("again"));
        var verified = await _platform.CreateVerifiedParticipantAsync();

        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, verified, ("again", Answer.Of(true))));

        Assert.Equal(1, (await TallyOf(survey))["q.again.yes"]);
    }

    [Fact]
    public async Task Submit_treats_a_null_answer_as_no_answer()
    {
        // A JSON body such as {"answers": {"comment": null}} reaches the use case as a null Answer.
        var survey = await _platform.CreateOpenSurveyAsync(ShortText("comment"), YesNo("again"));
        var participant = await _platform.RegisterParticipantAsync();

        var result = await _platform.SubmitAsync(survey, participant, ("comment", null!), ("again", Answer.Of(true)));

        ResultAssert.Succeeded(result);
        Assert.Equal(0, (await TallyOf(survey))[SurveyTallies.Answered("comment")]);
    }

    // ---- Refused: the survey and the participant ----

    [Fact]
    public async Task Submit_to_a_draft_is_refused_as_to_a_survey_that_does_not_exist()
    {
        var draft = await _platform.CreateDraftSurveyAsync([YesNo("again")]);
        var before = await _platform.SnapshotAsync(draft.OrganisationId);

        // The same answer as for a made-up id, so that nobody learns a draft's id exists.
        ResultAssert.FailedOnly(await _platform.SubmitAsync(draft, ("again", Answer.Of(true))), "surveyId", ErrorCodes.NotFound);
        ResultAssert.FailedOnly(await _platform.SubmitAsync(draft with { Id = "no-such-survey" }, ("again", Answer.Of(true))), "surveyId", ErrorCodes.NotFound);

        Assert.Equal(before, await _platform.SnapshotAsync(draft.OrganisationId));
    }

    [Fact]
    public async Task Submit_is_refused_when_the_survey_is_closed()
    {
        var survey = await _platform.CreateOpenSurveyAsync(YesNo("again"));
        ResultAssert.Succeeded(await _platform.CloseSurvey.ExecuteAsync(new CloseSurvey.Request(survey.Id), TestPlatform.Staff));
        var before = await _platform.SnapshotAsync(survey.OrganisationId);

        ResultAssert.FailedOnly(await _platform.SubmitAsync(survey, ("again", Answer.Of(true))), "surveyId", ErrorCodes.InvalidState);

        Assert.Equal(before, await _platform.SnapshotAsync(survey.OrganisationId));
    }

    [Fact]
    public async Task Submit_is_refused_when_the_survey_is_unknown()
    {
        var participant = await _platform.RegisterParticipantAsync();
        var result = await _platform.SubmitSurveyResponse.ExecuteAsync(new SubmitSurveyResponse.Request(Ids.New(), participant.Id, "en", new Dictionary<string, Answer>()));
        ResultAssert.FailedOnly(result, "surveyId", ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Submit_is_refused_the_second_time_a_participant_responds()
    {
        var survey = await _platform.CreateOpenSurveyAsync(YesNo("again"));
        var participant = await _platform.RegisterParticipantAsync();
        var first = ResultAssert.Succeeded(await _platform.SubmitAsync(survey, participant, ("again", Answer.Of(true))));
        var before = await _platform.SnapshotAsync(survey.OrganisationId);

        ResultAssert.FailedOnly(await _platform.SubmitAsync(survey, participant, ("again", Answer.Of(false))), "participantId", ErrorCodes.Duplicate);

        Assert.Equal(before, await _platform.SnapshotAsync(survey.OrganisationId));
        var tally = await TallyOf(survey);
        Assert.Equal((1L, 1L, 0L), (tally[SurveyTallies.Responses], tally["q.again.yes"], tally["q.again.no"]));
        Assert.Equal(first.Id, (await _platform.Responses.GetByParticipantAsync(survey.Id, participant.Id))!.Id);
    }

    [Fact]
    public async Task Submit_accepts_one_response_from_each_of_two_participants()
    {
        var survey = await _platform.CreateOpenSurveyAsync(YesNo("again"));

        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, ("again", Answer.Of(true))));
        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, ("again", Answer.Of(true))));

        Assert.Equal(2, (await TallyOf(survey))[SurveyTallies.Responses]);
    }

    [Fact]
    public async Task Submit_is_refused_for_an_anonymous_participant_when_a_verified_email_is_required()
    {
        var survey = await _platform.CreateOpenSurveyAsync(IdentityPolicy.VerifiedEmailRequired, YesNo("again"));
        var before = await _platform.SnapshotAsync(survey.OrganisationId);

        ResultAssert.FailedOnly(await _platform.SubmitAsync(survey, ("again", Answer.Of(true))), "participantId", ErrorCodes.Forbidden);

        Assert.Equal(before, await _platform.SnapshotAsync(survey.OrganisationId));
    }

    [Fact]
    public async Task Submit_is_refused_for_an_unknown_participant()
    {
        var survey = await _platform.CreateOpenSurveyAsync(YesNo("again"));
        var before = await _platform.SnapshotAsync(survey.OrganisationId);
        var stranger = new Participant { Id = Ids.New(), Kind = ParticipantKind.Anonymous, CreatedAt = ManualClock.Start };

        ResultAssert.FailedOnly(await _platform.SubmitAsync(survey, stranger, ("again", Answer.Of(true))), "participantId", ErrorCodes.NotFound);

        Assert.Equal(before, await _platform.SnapshotAsync(survey.OrganisationId));
    }

    [Theory]
    [InlineData("de", ErrorCodes.UnsupportedLanguage)]
    [InlineData("", ErrorCodes.Required)]
    public async Task Submit_is_refused_when_the_language_is_missing_or_not_offered(string language, string code)
    {
        var survey = await _platform.CreateOpenSurveyAsync(YesNo("again"));
        var participant = await _platform.RegisterParticipantAsync();
        var before = await _platform.SnapshotAsync(survey.OrganisationId);

        var result = await _platform.SubmitSurveyResponse.ExecuteAsync(new SubmitSurveyResponse.Request(
            survey.Id, participant.Id, language, new Dictionary<string, Answer> { ["again"] = Answer.Of(true) }));

        ResultAssert.FailedOnly(result, "language", code);
        Assert.Equal(before, await _platform.SnapshotAsync(survey.OrganisationId));
    }

    // ---- Refused: each answer, with a message that names the question ----

    /// <summary>Every question type paired with each kind of answer it does not take.</summary>
    public static TheoryData<QuestionType, string> WrongTypes()
    {
        var data = new TheoryData<QuestionType, string>();
        foreach (var type in Enum.GetValues<QuestionType>())
        {
            var right = type switch
            {
                QuestionType.SingleChoice or QuestionType.MultipleChoice => "choices",
                QuestionType.Rating or QuestionType.Nps => "number",
                QuestionType.YesNo => "yesno",
                _ => "text",
            };
            foreach (var kind in new[] { "choices", "number", "yesno", "text", "two-parts" }.Where(k => k != right))
                data.Add(type, kind);
        }
        return data;
    }

    private static Answer WrongAnswer(string kind) => kind switch
    {
        "choices" => Answer.Choice("a"),
        "number" => Answer.Of(3),
        "yesno" => Answer.Of(true),
        "text" => Answer.OfText("some text"),
        _ => new Answer { Number = 3, Text = "three" },
    };

    private static Question QuestionOf(string id, QuestionType type) =>
        type is QuestionType.SingleChoice or QuestionType.MultipleChoice ? Of(id, type) with { Options = [Option("a"), Option("b")] } : Of(id, type);

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task Submit_is_refused_when_an_answer_has_the_wrong_type_and_names_the_question(QuestionType type, string answerKind)
    {
        var survey = await _platform.CreateOpenSurveyAsync(QuestionOf("the-question", type));

        await AssertAnswerRefusedAsync(survey, "the-question", ErrorCodes.WrongType, ("the-question", WrongAnswer(answerKind)));
    }

    [Theory]
    [InlineData(QuestionType.SingleChoice)]
    [InlineData(QuestionType.MultipleChoice)]
    [InlineData(QuestionType.Rating)]
    [InlineData(QuestionType.Nps)]
    [InlineData(QuestionType.YesNo)]
    [InlineData(QuestionType.ShortText)]
    [InlineData(QuestionType.LongText)]
    public async Task Submit_is_refused_when_a_required_question_is_not_answered_and_names_the_question(QuestionType type)
    {
        var survey = await _platform.CreateOpenSurveyAsync(YesNo("other"), QuestionOf("must", type) with { Required = true });

        await AssertAnswerRefusedAsync(survey, "must", ErrorCodes.Required, ("other", Answer.Of(true)));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("empty-choices")]
    [InlineData("nothing")]
    public async Task Submit_is_refused_when_a_required_answer_is_blank_and_names_the_question(string blank)
    {
        var question = blank == "empty-choices" ? MultipleChoice("must", "a", "b") : ShortText("must");
        var survey = await _platform.CreateOpenSurveyAsync(question with { Required = true });
        var answer = blank switch { "text" => Answer.OfText(" \n "), "empty-choices" => Answer.Choice(), _ => new Answer() };

        await AssertAnswerRefusedAsync(survey, "must", ErrorCodes.Required, ("must", answer));
    }

    [Fact]
    public async Task Submit_is_refused_when_a_single_choice_answer_has_an_unknown_option_and_names_the_question()
    {
        var survey = await _platform.CreateOpenSurveyAsync(SingleChoice("colour", "red", "blue"));

        await AssertAnswerRefusedAsync(survey, "colour", ErrorCodes.UnknownOption, ("colour", Answer.Choice("green")));
    }

    [Fact]
    public async Task Submit_is_refused_when_a_multiple_choice_answer_has_an_unknown_option_and_names_the_question()
    {
        var survey = await _platform.CreateOpenSurveyAsync(MultipleChoice("days", "mon", "tue"));

        await AssertAnswerRefusedAsync(survey, "days", ErrorCodes.UnknownOption, ("days", Answer.Choice("mon", "MON")));
    }

    [Fact]
    public async Task Submit_is_refused_when_a_single_choice_answer_has_two_options_and_names_the_question()
    {
        var survey = await _platform.CreateOpenSurveyAsync(SingleChoice("colour", "red", "blue"));

        await AssertAnswerRefusedAsync(survey, "colour", ErrorCodes.WrongType, ("colour", Answer.Choice("red", "blue")));
    }

    [Fact]
    public async Task Submit_is_refused_when_a_multiple_choice_answer_repeats_an_option_and_names_the_question()
    {
        var survey = await _platform.CreateOpenSurveyAsync(MultipleChoice("days", "mon", "tue"));

        await AssertAnswerRefusedAsync(survey, "days", ErrorCodes.Duplicate, ("days", Answer.Choice("mon", "tue", "mon")));
    }

    [Fact]
    public async Task Submit_is_refused_when_an_answer_is_for_an_unknown_question_and_names_it()
    {
        var survey = await _platform.CreateOpenSurveyAsync(YesNo("again"));

        await AssertAnswerRefusedAsync(survey, "nope", ErrorCodes.UnknownQuestion, ("again", Answer.Of(true)), ("nope", Answer.Of(true)));
    }

    [Fact]
    public async Task Submit_does_not_echo_a_huge_unknown_question_id()
    {
        var survey = await _platform.CreateOpenSurveyAsync(YesNo("again"));
        var participant = await _platform.RegisterParticipantAsync();

        var result = await _platform.SubmitAsync(survey, participant, (new string('x', 10_000), Answer.Of(true)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.UnknownQuestion, error.Code);
        Assert.True(error.Field.Length < 100 && error.Message.Length < 200, error.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    [InlineData(int.MaxValue)]
    public async Task Submit_is_refused_when_a_rating_is_outside_one_to_five_and_names_the_question(int score)
    {
        var survey = await _platform.CreateOpenSurveyAsync(Rating("satisfaction"));

        await AssertAnswerRefusedAsync(survey, "satisfaction", ErrorCodes.OutOfRange, ("satisfaction", Answer.Of(score)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(int.MinValue)]
    public async Task Submit_is_refused_when_an_nps_score_is_outside_zero_to_ten_and_names_the_question(int score)
    {
        var survey = await _platform.CreateOpenSurveyAsync(Nps("recommend"));

        await AssertAnswerRefusedAsync(survey, "recommend", ErrorCodes.OutOfRange, ("recommend", Answer.Of(score)));
    }

    [Theory]
    [InlineData(QuestionType.ShortText, TextLimits.ShortAnswer)]
    [InlineData(QuestionType.LongText, TextLimits.LongAnswer)]
    public async Task Submit_is_refused_when_a_text_answer_is_too_long_and_names_the_question(QuestionType type, int limit)
    {
        var survey = await _platform.CreateOpenSurveyAsync(Of("story", type));

        await AssertAnswerRefusedAsync(survey, "story", ErrorCodes.TooLong, ("story", Answer.OfText(TestPlatform.Repeat("é", limit + 1))));
    }

    [Fact]
    public async Task Submit_is_refused_when_a_text_answer_has_a_control_character_and_names_the_question()
    {
        var survey = await _platform.CreateOpenSurveyAsync(ShortText("story"));

        await AssertAnswerRefusedAsync(survey, "story", ErrorCodes.InvalidFormat, ("story", Answer.OfText("bad\u0000byte")));
    }

    [Fact]
    public async Task Submit_reports_every_wrong_answer_at_once()
    {
        var survey = await _platform.CreateOpenSurveyAsync(Rating("score"), YesNo("again") with { Required = true }, SingleChoice("colour", "red", "blue"));
        var participant = await _platform.RegisterParticipantAsync();

        var result = await _platform.SubmitAsync(survey, participant, ("score", Answer.Of(9)), ("colour", Answer.Choice("green")), ("extra", Answer.Of(1)));

        ResultAssert.Failed(result, "answers.score", ErrorCodes.OutOfRange);
        ResultAssert.Failed(result, "answers.again", ErrorCodes.Required);
        ResultAssert.Failed(result, "answers.colour", ErrorCodes.UnknownOption);
        ResultAssert.Failed(result, "answers.extra", ErrorCodes.UnknownQuestion);
    }

    // ---- Show-if rules ----

    [Fact]
    public async Task Submit_is_refused_when_an_equals_rule_hides_the_answered_question()
    {
        var survey = await _platform.CreateOpenSurveyAsync(YesNo("visited"), ShortText("why") with { ShowIf = ShowIfEquals("visited", "yes") });

        await AssertAnswerRefusedAsync(survey, "why", ErrorCodes.HiddenQuestion, ("visited", Answer.Of(false)), ("why", Answer.OfText("Because")));
    }

    [Fact]
    public async Task Submit_ignores_a_blank_answer_to_a_hidden_question_as_a_form_without_javascript_posts_it()
    {
        var survey = await _platform.CreateOpenSurveyAsync(YesNo("visited"), ShortText("why") with { ShowIf = ShowIfEquals("visited", "yes") });
        var participant = await _platform.RegisterParticipantAsync();

        var result = await _platform.SubmitAsync(survey, participant, ("visited", Answer.Of(false)), ("why", Answer.OfText("  ")));

        ResultAssert.Succeeded(result);
        Assert.False(result.Value.Answers.ContainsKey("why"));
        Assert.Equal(0, (await TallyOf(survey))[SurveyTallies.Answered("why")]);
    }

    [Fact]
    public async Task Submit_accepts_the_answer_when_an_equals_rule_shows_the_question()
    {
        var survey = await _platform.CreateOpenSurveyAsync(YesNo("visited"), ShortText("why") with { ShowIf = ShowIfEquals("visited", "yes") });

        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, ("visited", Answer.Of(true)), ("why", Answer.OfText("Because"))));

        Assert.Equal(1, (await TallyOf(survey))[SurveyTallies.Answered("why")]);
    }

    [Fact]
    public async Task Submit_is_refused_when_a_not_equals_rule_hides_the_answered_question()
    {
        var survey = await _platform.CreateOpenSurveyAsync(Rating("score"), LongText("improve") with { ShowIf = ShowIfNotEquals("score", "5") });

        await AssertAnswerRefusedAsync(survey, "improve", ErrorCodes.HiddenQuestion, ("score", Answer.Of(5)), ("improve", Answer.OfText("Nothing")));
    }

    [Fact]
    public async Task Submit_accepts_the_answer_when_a_not_equals_rule_shows_the_question()
    {
        var survey = await _platform.CreateOpenSurveyAsync(Rating("score"), LongText("improve") with { ShowIf = ShowIfNotEquals("score", "5") });

        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, ("score", Answer.Of(2)), ("improve", Answer.OfText("Shorter queues"))));
    }

    [Fact]
    public async Task Submit_is_refused_when_a_not_equals_rule_hides_the_question_because_its_source_is_unanswered()
    {
        var survey = await _platform.CreateOpenSurveyAsync(Rating("score"), LongText("improve") with { ShowIf = ShowIfNotEquals("score", "5") });

        await AssertAnswerRefusedAsync(survey, "improve", ErrorCodes.HiddenQuestion, ("improve", Answer.OfText("Shorter queues")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task Submit_is_refused_when_an_answered_rule_hides_the_question_because_its_source_is_missing_or_blank(string? source)
    {
        var survey = await _platform.CreateOpenSurveyAsync(ShortText("name"), ShortText("more") with { ShowIf = ShowIfAnswered("name") });
        (string, Answer)[] answers = source is null
            ? [("more", Answer.OfText("Details"))]
            : [("name", Answer.OfText(source)), ("more", Answer.OfText("Details"))];

        await AssertAnswerRefusedAsync(survey, "more", ErrorCodes.HiddenQuestion, answers);
    }

    [Fact]
    public async Task Submit_accepts_the_answer_when_an_answered_rule_shows_the_question()
    {
        var survey = await _platform.CreateOpenSurveyAsync(ShortText("name"), ShortText("more") with { ShowIf = ShowIfAnswered("name") });

        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, ("name", Answer.OfText("Sam")), ("more", Answer.OfText("Details"))));
    }

    [Fact]
    public async Task Submit_treats_equals_on_a_multiple_choice_as_includes()
    {
        var survey = await _platform.CreateOpenSurveyAsync(
            MultipleChoice("days", "mon", "tue", "wed"), ShortText("monday") with { ShowIf = ShowIfEquals("days", "mon") });

        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, ("days", Answer.Choice("tue", "mon")), ("monday", Answer.OfText("Busy"))));
        await AssertAnswerRefusedAsync(survey, "monday", ErrorCodes.HiddenQuestion, ("days", Answer.Choice("tue", "wed")), ("monday", Answer.OfText("Busy")));
    }

    [Fact]
    public async Task Submit_hides_a_whole_chain_when_its_first_rule_fails()
    {
        // b is shown only if a is yes; c only if b was answered: with a = no, both b and c are hidden.
        var survey = await _platform.CreateOpenSurveyAsync(
            YesNo("a"),
            SingleChoice("b", "x", "y") with { ShowIf = ShowIfEquals("a", "yes") },
            ShortText("c") with { ShowIf = ShowIfAnswered("b") });

        await AssertAnswerRefusedAsync(survey, "c", ErrorCodes.HiddenQuestion, ("a", Answer.Of(false)), ("c", Answer.OfText("Hidden")));
        await AssertAnswerRefusedAsync(survey, "b", ErrorCodes.HiddenQuestion, ("a", Answer.Of(false)), ("b", Answer.Choice("x")), ("c", Answer.OfText("Hidden")));
        await AssertAnswerRefusedAsync(survey, "c", ErrorCodes.HiddenQuestion, ("a", Answer.Of(false)), ("b", Answer.Choice("x")), ("c", Answer.OfText("Hidden")));
        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, ("a", Answer.Of(true)), ("b", Answer.Choice("x")), ("c", Answer.OfText("Shown"))));
    }

    [Fact]
    public async Task Submit_does_not_require_a_required_question_that_is_hidden()
    {
        var survey = await _platform.CreateOpenSurveyAsync(YesNo("visited"), ShortText("why") with { Required = true, ShowIf = ShowIfEquals("visited", "yes") });

        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, ("visited", Answer.Of(false))));
        await AssertAnswerRefusedAsync(survey, "why", ErrorCodes.Required, ("visited", Answer.Of(true)));
    }
}
