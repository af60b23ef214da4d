using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Surveys;
using Engagement.Core.Tests.Support;
using static Engagement.Core.Tests.Support.Questions;

namespace Engagement.Core.Tests.Surveys;

/// <summary>The rules a survey's questions must follow before it is stored (CreateSurvey; UpdateSurvey shares them).</summary>
public sealed class SurveyDefinitionTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private static readonly LocalizedText Title = LocalizedText.EnFr("Your visit", "Votre visite");

    private Task<Result<Survey>> CreateAsync(
        string organisationId, IReadOnlyList<Question> questions, string slug = "visit", LocalizedText? title = null,
        LocalizedText? description = null, IdentityPolicy policy = IdentityPolicy.AnonymousAllowed, string? consultationId = null) =>
        _platform.CreateSurvey.ExecuteAsync(
            new CreateSurvey.Request(organisationId, slug, title ?? Title, questions, description, policy, consultationId), TestPlatform.Staff);

    /// <summary>Creating a survey with these questions is refused with this error, and nothing is stored.</summary>
    private async Task<Error> AssertRefusedAsync(IReadOnlyList<Question> questions, string field, string code)
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);

        var error = ResultAssert.FailedOnly(await CreateAsync(organisation.Id, questions), field, code);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
        return error;
    }

    // ---- Accepted ----

    [Fact]
    public async Task Create_stores_a_draft_survey_with_every_question_and_audits_it()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        Question[] questions =
        [
            SingleChoice("transport", "bike", "bus", "car") with { Required = true },
            MultipleChoice("days", "mon", "tue"),
            Rating("satisfaction"),
            Nps("recommend"),
            YesNo("again"),
            ShortText("why") with { ShowIf = ShowIfEquals("again", "no") },
            LongText("more") with { ShowIf = ShowIfAnswered("why") },
            ShortText("bike-detail") with { ShowIf = ShowIfEquals("transport", "bike") },
            ShortText("not_five") with { ShowIf = ShowIfNotEquals("satisfaction", "5") },
            ShortText("detractor") with { ShowIf = ShowIfEquals("recommend", "0") },
            ShortText("monday") with { ShowIf = ShowIfEquals("days", "mon") },
        ];

        var created = ResultAssert.Succeeded(await CreateAsync(organisation.Id, questions,
            description: new LocalizedText([new("fr", "Seulement en français")])));

        var stored = await _platform.Surveys.GetAsync(created.Id);
        Assert.NotNull(stored);
        Assert.Equal((SurveyStatus.Draft, 1, "visit", organisation.Id), (stored.Status, stored.Version, stored.Slug, stored.OrganisationId));
        Assert.Equal(questions.Length, stored.Questions.Count);
        for (var i = 0; i < questions.Length; i++)
        {
            var (expected, actual) = (questions[i], stored.Questions[i]);
            Assert.Equal((expected.Id, expected.Type, expected.Required, expected.ShowIf), (actual.Id, actual.Type, actual.Required, actual.ShowIf));
            Assert.Equal(expected.Prompt, actual.Prompt);
            Assert.Equal(expected.Options, actual.Options);
        }
        var entry = Assert.Single(await _platform.AuditTrailAsync(organisation.Id, created.Id));
        Assert.Equal((AuditActions.SurveyCreated, "survey"), (entry.Action, entry.TargetType));
    }

    [Fact]
    public async Task Create_accepts_a_hundred_questions()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var questions = Enumerable.Range(1, SurveyDefinitionRules.MaxQuestions).Select(i => YesNo($"q{i}")).ToArray();

        var created = ResultAssert.Succeeded(await CreateAsync(organisation.Id, questions));

        Assert.Equal(100, (await _platform.Surveys.GetAsync(created.Id))!.Questions.Count);
    }

    [Fact]
    public async Task Create_keeps_unicode_prompts_and_labels_exactly()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var prompt = LocalizedText.EnFr("How was it? 😀 (市役所)", "C'était comment ? مرحبا");
        var question = SingleChoice("feel", "good", "bad") with
        {
            Prompt = prompt,
            Options = [new QuestionOption("good", LocalizedText.EnFr("Good 👍🏽", "Bien 👍🏽")), new QuestionOption("bad", LocalizedText.EnFr("Bad", "Mauvais"))],
        };

        var created = ResultAssert.Succeeded(await CreateAsync(organisation.Id, [question]));

        var stored = (await _platform.Surveys.GetAsync(created.Id))!.Questions[0];
        Assert.Equal(prompt, stored.Prompt);
        Assert.Equal("Bien 👍🏽", stored.Options[0].Label["fr"]);
    }

    [Theory]
    [InlineData(QuestionType.SingleChoice, "b")]
    [InlineData(QuestionType.MultipleChoice, "a")]
    [InlineData(QuestionType.Rating, "1")]
    [InlineData(QuestionType.Rating, "5")]
    [InlineData(QuestionType.Nps, "0")]
    [InlineData(QuestionType.Nps, "10")]
    [InlineData(QuestionType.YesNo, "yes")]
    [InlineData(QuestionType.YesNo, "no")]
    public async Task Create_accepts_a_show_if_value_that_is_a_possible_answer(QuestionType type, string value)
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var source = type is QuestionType.SingleChoice or QuestionType.MultipleChoice
            ? Of("source", type) with { Options = [Option("a"), Option("b")] }
            : Of("source", type);

        ResultAssert.Succeeded(await CreateAsync(organisation.Id, [source, ShortText("follow-up") with { ShowIf = ShowIfEquals("source", value) }]));
    }

    [Fact]
    public async Task Create_attaches_the_survey_to_a_consultation_of_the_same_organisation()
    {
        var consultation = await _platform.CreateDraftConsultationAsync();

        var created = ResultAssert.Succeeded(await CreateAsync(consultation.OrganisationId, [YesNo("q")], consultationId: consultation.Id));

        Assert.Equal(consultation.Id, (await _platform.Surveys.GetAsync(created.Id))!.ConsultationId);
    }

    // ---- Refused: the survey ----

    [Fact]
    public async Task Create_is_refused_when_the_consultation_belongs_to_another_organisation()
    {
        var foreign = await _platform.CreateDraftConsultationAsync();
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await CreateAsync(organisation.Id, [YesNo("q")], consultationId: foreign.Id), "consultationId", ErrorCodes.NotFound);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
    }

    [Fact]
    public async Task Create_is_refused_when_the_consultation_is_unknown()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await CreateAsync(organisation.Id, [YesNo("q")], consultationId: Ids.New()), "consultationId", ErrorCodes.NotFound);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
    }

    [Fact]
    public async Task Create_is_refused_when_the_organisation_is_unknown()
    {
        var unknown = Ids.New();
        ResultAssert.FailedOnly(await CreateAsync(unknown, [YesNo("q")]), "organisationId", ErrorCodes.NotFound);
        Assert.Empty(await _platform.Surveys.ListAsync(unknown));
    }

    [Fact]
    public async Task Create_is_refused_when_the_organisation_already_has_the_slug()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        ResultAssert.Succeeded(await CreateAsync(organisation.Id, [YesNo("q")], "visit"));
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await CreateAsync(organisation.Id, [Rating("r")], "visit"), "slug", ErrorCodes.Duplicate);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
    }

    [Fact]
    public async Task Create_accepts_a_slug_another_organisation_uses()
    {
        var first = await _platform.CreateOrganisationAsync();
        var second = await _platform.CreateOrganisationAsync();
        ResultAssert.Succeeded(await CreateAsync(first.Id, [YesNo("q")], "visit"));

        ResultAssert.Succeeded(await CreateAsync(second.Id, [YesNo("q")], "visit"));
    }

    [Theory]
    [InlineData("", ErrorCodes.Required)]
    [InlineData("Visit", ErrorCodes.InvalidFormat)]
    [InlineData("visit_2030", ErrorCodes.InvalidFormat)]
    public async Task Create_is_refused_when_the_slug_is_missing_or_badly_formed(string slug, string code)
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await CreateAsync(organisation.Id, [YesNo("q")], slug), "slug", code);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
    }

    [Fact]
    public async Task Create_is_refused_when_the_title_is_missing_in_french()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await CreateAsync(organisation.Id, [YesNo("q")], title: new LocalizedText([new("en", "Visit")])), "title.fr", ErrorCodes.Required);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
    }

    [Fact]
    public async Task Create_is_refused_when_the_description_is_too_long()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);
        var description = new LocalizedText([new("en", new string('d', TextLimits.Summary + 1))]);

        ResultAssert.FailedOnly(await CreateAsync(organisation.Id, [YesNo("q")], description: description), "description.en", ErrorCodes.TooLong);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
    }

    [Fact]
    public async Task Create_is_refused_when_the_identity_policy_is_not_defined()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await CreateAsync(organisation.Id, [YesNo("q")], policy: (IdentityPolicy)5), "identityPolicy", ErrorCodes.InvalidFormat);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
    }

    // ---- Refused: the questions ----

    [Fact]
    public Task Create_is_refused_when_there_is_no_question() =>
        AssertRefusedAsync([], "questions", ErrorCodes.Required);

    [Fact]
    public Task Create_is_refused_when_the_questions_are_null() =>
        AssertRefusedAsync(null!, "questions", ErrorCodes.Required);

    [Fact]
    public Task Create_is_refused_when_there_are_more_than_a_hundred_questions() =>
        AssertRefusedAsync(Enumerable.Range(1, SurveyDefinitionRules.MaxQuestions + 1).Select(i => YesNo($"q{i}")).ToArray(), "questions", ErrorCodes.OutOfRange);

    [Fact]
    public Task Create_is_refused_when_a_question_is_null() =>
        AssertRefusedAsync([YesNo("a"), null!], "questions[1]", ErrorCodes.Required);

    [Fact]
    public Task Create_is_refused_when_two_questions_share_an_id() =>
        AssertRefusedAsync([YesNo("same"), Rating("other"), Rating("same")], "questions[2].id", ErrorCodes.Duplicate);

    [Theory]
    [InlineData("has space")]
    [InlineData("dot.ted")]
    [InlineData("é")]
    [InlineData("a/b")]
    [InlineData("q:1")]
    public Task Create_is_refused_when_a_question_id_is_badly_formed(string id) =>
        AssertRefusedAsync([YesNo(id)], "questions[0].id", ErrorCodes.InvalidFormat);

    [Fact]
    public Task Create_is_refused_when_a_question_id_is_too_long() =>
        AssertRefusedAsync([YesNo(new string('q', TextLimits.QuestionId + 1))], "questions[0].id", ErrorCodes.InvalidFormat);

    [Fact]
    public Task Create_is_refused_when_a_question_id_ends_with_a_line_break() =>
        // '$' in a .NET regex also matches before a final '\n'; such an id would leak into tally bucket names.
        AssertRefusedAsync([YesNo("q1\n")], "questions[0].id", ErrorCodes.InvalidFormat);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public Task Create_is_refused_when_a_question_has_no_id(string id) =>
        AssertRefusedAsync([YesNo(id)], "questions[0].id", ErrorCodes.Required);

    [Fact]
    public Task Create_is_refused_when_a_question_type_is_not_defined() =>
        AssertRefusedAsync([Of("q", (QuestionType)42)], "questions[0].type", ErrorCodes.InvalidFormat);

    [Fact]
    public Task Create_is_refused_when_a_prompt_is_missing_in_french() =>
        AssertRefusedAsync([YesNo("q") with { Prompt = new LocalizedText([new("en", "Again?")]) }], "questions[0].prompt.fr", ErrorCodes.Required);

    [Fact]
    public Task Create_is_refused_when_a_prompt_is_missing_entirely() =>
        AssertRefusedAsync([YesNo("q") with { Prompt = LocalizedText.Empty }], "questions[0].prompt", ErrorCodes.Required);

    [Fact]
    public Task Create_is_refused_when_a_prompt_is_too_long() =>
        AssertRefusedAsync([YesNo("q") with { Prompt = LocalizedText.EnFr(new string('p', TextLimits.QuestionPrompt + 1), "Encore ?") }], "questions[0].prompt.en", ErrorCodes.TooLong);

    [Fact]
    public Task Create_is_refused_when_a_prompt_uses_an_unsupported_language() =>
        AssertRefusedAsync([YesNo("q") with { Prompt = new LocalizedText([new("en", "Again?"), new("fr", "Encore ?"), new("nl", "Opnieuw?")]) }], "questions[0].prompt.nl", ErrorCodes.UnsupportedLanguage);

    // ---- Refused: options ----

    [Theory]
    [InlineData(QuestionType.SingleChoice)]
    [InlineData(QuestionType.MultipleChoice)]
    public Task Create_is_refused_when_a_choice_question_has_a_single_option(QuestionType type) =>
        AssertRefusedAsync([Of("q", type) with { Options = [Option("only")] }], "questions[0].options", ErrorCodes.OutOfRange);

    [Fact]
    public Task Create_is_refused_when_a_choice_question_has_no_option() =>
        AssertRefusedAsync([Of("q", QuestionType.SingleChoice)], "questions[0].options", ErrorCodes.OutOfRange);

    [Fact]
    public Task Create_is_refused_when_a_choice_question_has_more_than_fifty_options() =>
        AssertRefusedAsync([MultipleChoice("q", Enumerable.Range(1, SurveyDefinitionRules.MaxOptions + 1).Select(i => $"o{i}").ToArray())], "questions[0].options", ErrorCodes.OutOfRange);

    [Fact]
    public Task Create_is_refused_when_two_options_share_an_id() =>
        AssertRefusedAsync([SingleChoice("q", "red", "blue", "red")], "questions[0].options[2].id", ErrorCodes.Duplicate);

    [Fact]
    public Task Create_is_refused_when_an_option_id_is_badly_formed() =>
        AssertRefusedAsync([SingleChoice("q", "red", "light blue")], "questions[0].options[1].id", ErrorCodes.InvalidFormat);

    [Fact]
    public Task Create_is_refused_when_an_option_has_no_id() =>
        AssertRefusedAsync([SingleChoice("q", "red", "")], "questions[0].options[1].id", ErrorCodes.Required);

    [Fact]
    public Task Create_is_refused_when_an_option_label_is_missing_in_french() =>
        AssertRefusedAsync(
            [SingleChoice("q", "red") with { Options = [Option("red"), new QuestionOption("blue", new LocalizedText([new("en", "Blue")]))] }],
            "questions[0].options[1].label.fr", ErrorCodes.Required);

    [Fact]
    public Task Create_is_refused_when_an_option_label_is_too_long() =>
        AssertRefusedAsync(
            [SingleChoice("q", "red") with { Options = [Option("red"), new QuestionOption("blue", LocalizedText.EnFr("Blue", new string('b', TextLimits.OptionLabel + 1)))] }],
            "questions[0].options[1].label.fr", ErrorCodes.TooLong);

    [Theory]
    [InlineData(QuestionType.Rating)]
    [InlineData(QuestionType.Nps)]
    [InlineData(QuestionType.YesNo)]
    [InlineData(QuestionType.ShortText)]
    [InlineData(QuestionType.LongText)]
    public Task Create_is_refused_when_a_question_that_is_not_a_choice_has_options(QuestionType type) =>
        AssertRefusedAsync([Of("q", type) with { Options = [Option("a"), Option("b")] }], "questions[0].options", ErrorCodes.InvalidFormat);

    // ---- Refused: show-if rules ----

    [Fact]
    public Task Create_is_refused_when_a_show_if_rule_refers_to_a_later_question() =>
        AssertRefusedAsync([ShortText("first") with { ShowIf = ShowIfAnswered("second") }, YesNo("second")], "questions[0].showIf.questionId", ErrorCodes.UnknownQuestion);

    [Fact]
    public Task Create_is_refused_when_a_show_if_rule_refers_to_an_unknown_question() =>
        AssertRefusedAsync([YesNo("first"), ShortText("second") with { ShowIf = ShowIfEquals("nowhere", "yes") }], "questions[1].showIf.questionId", ErrorCodes.UnknownQuestion);

    [Fact]
    public Task Create_is_refused_when_a_show_if_rule_refers_to_its_own_question() =>
        AssertRefusedAsync([YesNo("self") with { ShowIf = ShowIfAnswered("self") }], "questions[0].showIf.questionId", ErrorCodes.UnknownQuestion);

    [Theory]
    [InlineData(QuestionType.SingleChoice, "purple")]
    [InlineData(QuestionType.MultipleChoice, "A")]
    [InlineData(QuestionType.Rating, "0")]
    [InlineData(QuestionType.Rating, "6")]
    [InlineData(QuestionType.Rating, "-1")]
    [InlineData(QuestionType.Rating, "five")]
    [InlineData(QuestionType.Rating, "4.5")]
    [InlineData(QuestionType.Nps, "11")]
    [InlineData(QuestionType.Nps, " 3")]
    [InlineData(QuestionType.YesNo, "maybe")]
    [InlineData(QuestionType.YesNo, "Yes")]
    [InlineData(QuestionType.YesNo, "true")]
    [InlineData(QuestionType.YesNo, "")]
    public Task Create_is_refused_when_a_show_if_value_is_not_a_possible_answer(QuestionType type, string value) =>
        AssertRefusedAsync(
            [
                type is QuestionType.SingleChoice or QuestionType.MultipleChoice ? Of("source", type) with { Options = [Option("a"), Option("b")] } : Of("source", type),
                ShortText("follow-up") with { ShowIf = ShowIfEquals("source", value) },
            ],
            "questions[1].showIf.value", ErrorCodes.OutOfRange);

    [Theory]
    [InlineData(QuestionType.Rating, "05")]
    [InlineData(QuestionType.Nps, "007")]
    public Task Create_is_refused_when_a_show_if_number_is_not_written_canonically(QuestionType type, string value) =>
        // "05" parses as 5, but an answer of 5 is written "5", so the rule could never match (or always would, for NotEquals).
        AssertRefusedAsync([Of("source", type), ShortText("follow-up") with { ShowIf = ShowIfEquals("source", value) }], "questions[1].showIf.value", ErrorCodes.OutOfRange);

    [Fact]
    public Task Create_is_refused_when_a_show_if_rule_with_equals_has_no_value() =>
        AssertRefusedAsync([YesNo("source"), ShortText("follow-up") with { ShowIf = new ShowIfRule("source", ShowIfOperator.Equals) }], "questions[1].showIf.value", ErrorCodes.OutOfRange);

    [Theory]
    [InlineData(QuestionType.ShortText, ShowIfOperator.Equals)]
    [InlineData(QuestionType.LongText, ShowIfOperator.NotEquals)]
    public Task Create_is_refused_when_a_show_if_rule_compares_a_text_answer(QuestionType type, ShowIfOperator op) =>
        AssertRefusedAsync([Of("source", type), YesNo("follow-up") with { ShowIf = new ShowIfRule("source", op, "anything") }], "questions[1].showIf.operator", ErrorCodes.InvalidFormat);

    [Fact]
    public Task Create_is_refused_when_an_answered_rule_has_a_value() =>
        AssertRefusedAsync([YesNo("source"), ShortText("follow-up") with { ShowIf = new ShowIfRule("source", ShowIfOperator.Answered, "yes") }], "questions[1].showIf.value", ErrorCodes.InvalidFormat);

    [Fact]
    public Task Create_is_refused_when_a_show_if_operator_is_not_defined() =>
        AssertRefusedAsync([YesNo("source"), ShortText("follow-up") with { ShowIf = new ShowIfRule("source", (ShowIfOperator)7, "yes") }], "questions[1].showIf.operator", ErrorCodes.InvalidFormat);

    [Fact]
    public async Task Create_reports_every_broken_question_at_once()
    {
        var organisation = await _platform.CreateOrganisationAsync();

        var result = await CreateAsync(organisation.Id,
        [
            SingleChoice("colour", "red"),
            YesNo("colour"),
            ShortText("why") with { ShowIf = ShowIfEquals("colour", "green") },
        ]);

        ResultAssert.Failed(result, "questions[0].options", ErrorCodes.OutOfRange);
        ResultAssert.Failed(result, "questions[1].id", ErrorCodes.Duplicate);
        ResultAssert.Failed(result, "questions[2].showIf.value", ErrorCodes.OutOfRange);
    }
}
