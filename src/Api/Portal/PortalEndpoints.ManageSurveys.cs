using System.Globalization;
using Engagement.Api.Auth;
using Engagement.Api.Composition;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using Engagement.Web.Staff.Manage;

namespace Engagement.Api.Portal;

// The survey builder without script: a draft is created with its first question, then its questions are added, edited,
// moved and removed one at a time. Every change sends the whole definition through UpdateSurvey, so the core's
// SurveyDefinitionRules judge it, and its errors come back beside the fields of the question they are about.
internal static partial class PortalEndpoints
{
    private static readonly string[] SurveyDone =
        ["created", "saved", "question-added", "question-saved", "question-moved", "question-removed", "survey-opened", "survey-closed"];

    private static readonly string[] QuestionFieldNames =
        ["type", "prompt-en", "prompt-fr", "options-en", "options-fr", "required", "showif-question", "showif-operator", "showif-value"];

    private static void MapManageSurveyPages(RouteGroupBuilder pages)
    {
        pages.MapGet("/staff/surveys/new", NewSurveyPageAsync).WithName("StaffNewSurvey").WithSummary("The form that creates a draft survey with its first question.");
        pages.MapPost("/staff/surveys/new", CreateSurveyFormAsync).WithName("StaffCreateSurvey")
            .WithSummary("Creates a draft survey with its first question from the form.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapGet("/staff/surveys/{id}", ManagedSurveyPageAsync).WithName("StaffSurvey")
            .WithSummary("A survey's management page: a draft's details and questions to edit, or an open survey's questions read-only.");
        pages.MapPost("/staff/surveys/{id}", SaveSurveyDetailsFormAsync).WithName("StaffSaveSurvey")
            .WithSummary("Saves a draft survey's titles, descriptions and policy.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/surveys/{id}/questions", AddQuestionFormAsync).WithName("StaffAddQuestion")
            .WithSummary("Adds a question at the end of a draft survey.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/surveys/{id}/questions/{questionId}", SaveQuestionFormAsync).WithName("StaffSaveQuestion")
            .WithSummary("Replaces one question of a draft survey.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/surveys/{id}/questions/{questionId}/move", MoveQuestionFormAsync).WithName("StaffMoveQuestion")
            .WithSummary("Moves a draft survey's question up or down by one place.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/surveys/{id}/questions/{questionId}/remove", RemoveQuestionFormAsync).WithName("StaffRemoveQuestion")
            .WithSummary("Removes a question from a draft survey.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/surveys/{id}/open", OpenSurveyFormAsync).WithName("StaffOpenSurvey")
            .WithSummary("Opens a draft survey for responses; its questions are then frozen.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/staff/surveys/{id}/close", CloseSurveyFormAsync).WithName("StaffCloseSurvey")
            .WithSummary("Closes an open survey to responses.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
    }

    private static async Task<IResult> NewSurveyPageAsync(string lang, HttpContext http, IServiceProvider services)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.ManageSurveys,
            services.GetRequiredService<IStaffStore>(), services.GetRequiredService<IOrganisationStore>());
        return scope is null ? refusal! : HostedPages.Render<SurveyEditPage>(http, await NewSurveyModelAsync(http, language, scope, services, FormState.Empty, FormState.Empty, false));
    }

    private static async Task<SurveyEditPageModel> NewSurveyModelAsync(
        HttpContext http, string language, StaffScope scope, IServiceProvider services, FormState details, FormState question, bool problem)
    {
        var consultations = await services.GetRequiredService<IConsultationStore>().ListAsync(scope.Organisation.Id, null, http.RequestAborted);
        return new SurveyEditPageModel(ManagePage(http, language, ManageTexts.Get("survey-new-title", language), scope, "/staff/surveys/new", problem),
            ManageTexts.Get("survey-new-title", language), ListUrl(language, scope), $"/{language}/staff/surveys/new{OrganisationQuery(scope)}", details, question)
        {
            Consultations = [.. consultations.Select(c => (c.Id, c.Title.In(language) ?? c.Slug))],
        };
    }

    private static async Task<IResult> CreateSurveyFormAsync(string lang, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, refusal) = await StaffPostScopeAsync(http, language, Permission.ManageSurveys, settings,
            services.GetRequiredService<IStaffStore>(), services.GetRequiredService<IOrganisationStore>());
        if (scope is null)
            return refusal!;
        var form = await HostedPages.ReadFormAsync(http, ManageBodyBytes, ManageFormLimits);
        if (form is null)
            return FormUnreadable(http, language);
        var details = ReadSurveyDetails(form, language, withSlug: true);
        var question = ReadQuestion(form, "q1", null, language);
        var formErrors = new List<string>();
        if (details.Errors.Count == 0 && question.Errors.Count == 0)
        {
            var slug = details.Values["slug"] is { Length: > 0 } given ? given : SlugFrom(details.Title.In("en", "en") ?? "");
            var consultationId = details.Values["consultation"] is { Length: > 0 } attached ? attached : null;
            var result = await services.GetRequiredService<CreateSurvey>().ExecuteAsync(new CreateSurvey.Request(
                scope.Organisation.Id, slug, details.Title, [question.Question!], details.Description, details.Policy, consultationId), scope.Access.Actor, http.RequestAborted);
            if (result.Succeeded)
                return HostedPages.SeeOther(http, $"/{language}/staff/surveys/{Uri.EscapeDataString(result.Value.Id)}{OrganisationQuery(scope)}&done=created");
            foreach (var error in result.Errors)
                SurveyError(error, language, 0, details.Errors, question.Errors, formErrors, null, null);
        }
        var model = await NewSurveyModelAsync(http, language, scope, services,
            new FormState(details.Values, details.Errors), new FormState(question.Values, question.Errors), true);
        return HostedPages.Render<SurveyEditPage>(http, model with { FormErrors = formErrors }, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ManagedSurveyPageAsync(string lang, string id, HttpContext http, IServiceProvider services)
    {
        var language = HostedPages.TextLanguage(lang);
        var (scope, survey, refusal) = await ManagedSurveyAsync(id, http, language, services, redirect: true);
        if (scope is null || survey is null)
            return refusal!;
        var done = http.Request.Query["done"].ToString();
        var editing = survey.FindQuestion(http.Request.Query["edit"].ToString());
        return HostedPages.Render<SurveyEditPage>(http, ManagedSurveyModel(http, language, scope, survey, editing?.Id) with
        {
            Notice = SurveyDone.Contains(done) ? ManageTexts.Get($"notice-{done}", language) : null,
        });
    }

    private static Task<IResult> SaveSurveyDetailsFormAsync(string lang, string id, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services) =>
        SurveyActionAsync(lang, id, http, settings, services, null, async (scope, survey, form, language) =>
        {
            var details = ReadSurveyDetails(form, language, withSlug: false);
            var change = new SurveyChange("saved") { Details = details.Values, DetailsErrors = details.Errors };
            if (details.Errors.Count > 0)
                return change;
            return change with
            {
                Result = await services.GetRequiredService<UpdateSurvey>().ExecuteAsync(new UpdateSurvey.Request(
                    survey.Id, details.Title, survey.Questions, details.Description, details.Policy, Version(form)), scope.Access.Actor, http.RequestAborted),
            };
        });

    private static Task<IResult> AddQuestionFormAsync(string lang, string id, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services) =>
        SurveyActionAsync(lang, id, http, settings, services, null, (scope, survey, form, language) =>
            ChangeQuestionsAsync(scope, survey, form, language, services, http, null));

    private static Task<IResult> SaveQuestionFormAsync(string lang, string id, string questionId, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services) =>
        SurveyActionAsync(lang, id, http, settings, services, questionId, (scope, survey, form, language) =>
            ChangeQuestionsAsync(scope, survey, form, language, services, http, survey.FindQuestion(questionId)));

    /// <summary>Adds the question the form describes, or replaces <paramref name="edited"/> with it, through UpdateSurvey.</summary>
    private static async Task<SurveyChange> ChangeQuestionsAsync(
        StaffScope scope, Survey survey, IFormCollection form, string language, IServiceProvider services, HttpContext http, Question? edited)
    {
        var index = edited is null ? survey.Questions.Count : IndexOf(survey, edited.Id);
        var read = ReadQuestion(form, edited?.Id ?? NewQuestionId(survey), edited, language);
        var change = new SurveyChange(edited is null ? "question-added" : "question-saved") { Question = read.Values, QuestionErrors = read.Errors, Index = index };
        if (read.Errors.Count > 0)
            return change;
        List<Question> questions = [.. survey.Questions];
        if (edited is null)
            questions.Add(read.Question!);
        else
            questions[index] = read.Question!;
        return change with { Attempted = questions, Result = await UpdateQuestionsAsync(services, scope, survey, questions, form, http) };
    }

    private static Task<IResult> MoveQuestionFormAsync(string lang, string id, string questionId, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services) =>
        SurveyActionAsync(lang, id, http, settings, services, null, async (scope, survey, form, language) =>
        {
            var index = IndexOf(survey, questionId);
            var to = HostedPages.Single(form, "direction") switch { "up" => index - 1, "down" => index + 1, _ => -1 };
            if (index < 0 || to < 0 || to >= survey.Questions.Count)
                return new SurveyChange("question-moved") { FormErrors = [ManageTexts.Get("form-unreadable", language)] };
            List<Question> questions = [.. survey.Questions];
            (questions[index], questions[to]) = (questions[to], questions[index]);
            return new SurveyChange("question-moved") { Attempted = questions, Result = await UpdateQuestionsAsync(services, scope, survey, questions, form, http) };
        });

    private static Task<IResult> RemoveQuestionFormAsync(string lang, string id, string questionId, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services) =>
        SurveyActionAsync(lang, id, http, settings, services, null, async (scope, survey, form, language) =>
        {
            if (IndexOf(survey, questionId) < 0)
                return new SurveyChange("question-removed") { FormErrors = [ManageTexts.Get("form-unreadable", language)] };
            List<Question> questions = [.. survey.Questions.Where(q => q.Id != questionId)];
            return new SurveyChange("question-removed") { Attempted = questions, Result = await UpdateQuestionsAsync(services, scope, survey, questions, form, http) };
        });

    private static Task<IResult> OpenSurveyFormAsync(string lang, string id, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services) =>
        SurveyActionAsync(lang, id, http, settings, services, null, async (scope, survey, form, language) => new SurveyChange("survey-opened")
        {
            Result = await services.GetRequiredService<OpenSurvey>().ExecuteAsync(new OpenSurvey.Request(survey.Id, Version(form)), scope.Access.Actor, http.RequestAborted),
        });

    private static Task<IResult> CloseSurveyFormAsync(string lang, string id, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services) =>
        SurveyActionAsync(lang, id, http, settings, services, null, async (scope, survey, form, language) => new SurveyChange("survey-closed")
        {
            Result = await services.GetRequiredService<CloseSurvey>().ExecuteAsync(new CloseSurvey.Request(survey.Id, Version(form)), scope.Access.Actor, http.RequestAborted),
        });

    private static Task<Result<Survey>> UpdateQuestionsAsync(
        IServiceProvider services, StaffScope scope, Survey survey, IReadOnlyList<Question> questions, IFormCollection form, HttpContext http) =>
        services.GetRequiredService<UpdateSurvey>().ExecuteAsync(new UpdateSurvey.Request(
            survey.Id, survey.Title, questions, survey.Description, survey.IdentityPolicy, Version(form)), scope.Access.Actor, http.RequestAborted);

    /// <summary>
    /// What one survey form did: the use case's result (none when the page found errors first), what was typed, the
    /// questions it tried to store (to place each error beside its question), and the notice it earns.
    /// </summary>
    private sealed record SurveyChange(string Done)
    {
        public Result<Survey>? Result { get; init; }
        public Dictionary<string, string>? Details { get; init; }
        public Dictionary<string, string> DetailsErrors { get; init; } = new(StringComparer.Ordinal);
        public Dictionary<string, string>? Question { get; init; }
        public Dictionary<string, string> QuestionErrors { get; init; } = new(StringComparer.Ordinal);

        /// <summary>The index the question form's question has in <see cref="Attempted"/>; its errors go beside the form's fields.</summary>
        public int Index { get; init; } = -1;

        public IReadOnlyList<Question>? Attempted { get; init; }
        public List<string> FormErrors { get; init; } = [];
    }

    /// <summary>What every survey form post shares, as <see cref="ConsultationActionAsync"/> does for consultations.</summary>
    private static async Task<IResult> SurveyActionAsync(string lang, string id, HttpContext http, Settings.EngagementSettings settings, IServiceProvider services,
        string? editing, Func<StaffScope, Survey, IFormCollection, string, Task<SurveyChange>> act)
    {
        var language = HostedPages.TextLanguage(lang);
        if (!CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return HostedPages.CrossSiteRefusal();
        var (scope, survey, refusal) = await ManagedSurveyAsync(id, http, language, services, redirect: false);
        if (scope is null || survey is null)
            return refusal!;
        if (editing is not null && survey.FindQuestion(editing) is null)
            return ErrorPage(http, language, StatusCodes.Status404NotFound);
        var form = await HostedPages.ReadFormAsync(http, ManageBodyBytes, ManageFormLimits);
        if (form is null)
            return FormUnreadable(http, language);
        var change = await act(scope, survey, form, language);
        if (change.Result is { Succeeded: true })
            return HostedPages.SeeOther(http, $"/{language}/staff/surveys/{Uri.EscapeDataString(survey.Id)}{OrganisationQuery(scope)}&done={change.Done}");
        var listErrors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var conflict = false;
        foreach (var error in change.Result?.Errors ?? [])
        {
            if (error.Code == ErrorCodes.NotFound && error.Field == "surveyId")
                return ErrorPage(http, language, StatusCodes.Status404NotFound);
            conflict |= error.Code == ErrorCodes.Conflict;
            SurveyError(error, language, change.Index, change.DetailsErrors, change.QuestionErrors, change.FormErrors, change.Attempted, listErrors, survey);
        }
        var current = survey;
        if (conflict)
        {
            // The list shows what is stored now; what was typed in the question form stays, to send again if still wanted.
            current = await services.GetRequiredService<ISurveyStore>().GetAsync(survey.Id, http.RequestAborted) ?? survey;
            change.FormErrors.Clear();
            change.FormErrors.Add(ManageTexts.Get("conflict", language));
            change.DetailsErrors.Clear();
            change.QuestionErrors.Clear();
            listErrors.Clear();
        }
        var model = ManagedSurveyModel(http, language, scope, current, editing is not null && current.FindQuestion(editing) is not null ? editing : null, listErrors, problem: true);
        return HostedPages.Render<SurveyEditPage>(http, model with
        {
            Details = change.Details is null || conflict ? model.Details : new FormState(change.Details, change.DetailsErrors),
            Question = change.Question is null ? model.Question : new FormState(change.Question, change.QuestionErrors),
            FormErrors = change.FormErrors,
        }, conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    private static async Task<(StaffScope? Scope, Survey? Survey, IResult? Refusal)> ManagedSurveyAsync(
        string id, HttpContext http, string language, IServiceProvider services, bool redirect)
    {
        var (scope, refusal) = await StaffScopeAsync(http, language, Permission.ManageSurveys,
            services.GetRequiredService<IStaffStore>(), services.GetRequiredService<IOrganisationStore>());
        if (scope is null)
            return (null, null, refusal);
        var survey = await services.GetRequiredService<ISurveyStore>().GetAsync(id, http.RequestAborted);
        if (survey is null)
            return (null, null, ErrorPage(http, language, StatusCodes.Status404NotFound));
        return survey.OrganisationId == scope.Organisation.Id ? (scope, survey, null)
            : (null, null, OtherOrganisation(http, language, scope, survey.OrganisationId, Permission.ManageSurveys, redirect));
    }

    private static SurveyEditPageModel ManagedSurveyModel(HttpContext http, string language, StaffScope scope, Survey s, string? editing,
        IReadOnlyDictionary<string, List<string>>? listErrors = null, bool problem = false)
    {
        var path = $"/staff/surveys/{Uri.EscapeDataString(s.Id)}";
        var action = $"/{language}{path}";
        var query = OrganisationQuery(scope);
        var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["policy"] = s.IdentityPolicy.ToString() };
        foreach (var l in ManageLanguages)
        {
            details[$"title-{l}"] = s.Title.TryGetValue(l, out var t) ? t : "";
            details[$"description-{l}"] = s.Description.TryGetValue(l, out var d) ? d : "";
        }
        var edited = editing is null ? null : s.FindQuestion(editing);
        var title = ManageTexts.Format("survey-edit-title", language, s.Title.In(language) ?? s.Slug);
        var draft = s.Status == SurveyStatus.Draft;
        return new SurveyEditPageModel(ManagePage(http, language, title, scope, path, problem), title, ListUrl(language, scope), action + query,
            new FormState(details, new Dictionary<string, string>()), new FormState(QuestionValues(edited), new Dictionary<string, string>()))
        {
            Status = s.Status.ToString(),
            Slug = s.Slug,
            Version = s.Version,
            PublicUrl = draft ? null : $"/{language}/surveys/{Uri.EscapeDataString(s.Id)}",
            Questions = [.. s.Questions.Select((q, i) => new BuilderQuestion(q.Id, i + 1, ManageTexts.Get($"type-{q.Type}", language), q.Prompt.In(language) ?? "",
                ManageTexts.Get(q.Required ? "is-required" : "is-optional", language), [.. q.Options.Select(o => OptionLine(o, language))], ShowIfLine(s, q, language),
                $"{action}{query}&edit={Uri.EscapeDataString(q.Id)}#question-form")
            {
                Errors = listErrors is not null && listErrors.TryGetValue(q.Id, out var errors) ? errors : [],
            })],
            QuestionAction = draft ? edited is null ? $"{action}/questions{query}" : $"{action}/questions/{Uri.EscapeDataString(edited.Id)}{query}" : null,
            QuestionsPath = draft ? $"{action}/questions" : null,
            EditingNumber = edited is null ? null : IndexOf(s, edited.Id) + 1,
            AddUrl = $"{action}{query}#question-form",
            RuleSources = [.. s.Questions.Select((q, i) => (q, i)).Where(p => p.q.Id != edited?.Id)
                .Select(p => (p.q.Id, $"{ManageTexts.Format("question-n", language, p.i + 1)}: {p.q.Prompt.In(language)}"))],
            OpenAction = draft ? $"{action}/open{query}" : null,
            CloseAction = s.Status == SurveyStatus.Open ? $"{action}/close{query}" : null,
        };
    }

    private static string OptionLine(QuestionOption o, string language) =>
        $"{o.Label.In("en")} / {o.Label.In("fr")} ({ManageTexts.Format("option-key", language, o.Id)})";

    private static string? ShowIfLine(Survey s, Question q, string language)
    {
        if (q.ShowIf is not { } rule)
            return null;
        var source = s.FindQuestion(rule.QuestionId);
        var value = rule.Value is null ? ""
            : ManageTexts.Format("quoted", language, source?.Options.FirstOrDefault(o => o.Id == rule.Value)?.Label.In(language) ?? rule.Value);
        return ManageTexts.Format("show-if-is", language, source is null ? rule.QuestionId : IndexOf(s, source.Id) + 1, ManageTexts.Get($"op-{rule.Operator}", language), value).TrimEnd();
    }

    /// <summary>A stored question as its form shows it: options one per line, in the same order in each language.</summary>
    private static Dictionary<string, string> QuestionValues(Question? q)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (q is null)
            return values;
        values["type"] = q.Type.ToString();
        values["required"] = q.Required ? "true" : "";
        foreach (var l in ManageLanguages)
        {
            values[$"prompt-{l}"] = q.Prompt.TryGetValue(l, out var p) ? p : "";
            values[$"options-{l}"] = string.Join('\n', q.Options.Select(o => o.Label.TryGetValue(l, out var label) ? label : ""));
        }
        values["showif-question"] = q.ShowIf?.QuestionId ?? "";
        values["showif-operator"] = q.ShowIf?.Operator.ToString() ?? "";
        values["showif-value"] = q.ShowIf?.Value ?? "";
        return values;
    }

    private sealed record SurveyDetails(Dictionary<string, string> Values, Dictionary<string, string> Errors, LocalizedText Title, LocalizedText Description, IdentityPolicy Policy);

    private static SurveyDetails ReadSurveyDetails(IFormCollection form, string language, bool withSlug)
    {
        var names = new[] { "policy" }.Concat(ManageLanguages.SelectMany(l => new[] { $"title-{l}", $"description-{l}" }))
            .Concat(withSlug ? ["slug", "consultation"] : Array.Empty<string>());
        var values = names.ToDictionary(n => n, n => HostedPages.Single(form, n) ?? "", StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var policy = IdentityPolicy.AnonymousAllowed;
        if (values["policy"].Length > 0 && !TryParseName(values["policy"], out policy))
            errors["policy"] = ManageTexts.Format("err-choice", language, ManageTexts.Get("policy", language));
        return new SurveyDetails(values, errors, LocalizedFrom(form, "title"), LocalizedFrom(form, "description"), policy);
    }

    private sealed record QuestionRead(Dictionary<string, string> Values, Dictionary<string, string> Errors, Question? Question);

    /// <summary>
    /// The question the form describes. Options are read one per line, the French list in the English one's order; an
    /// option keeps the key of the option that was at its place, so show-if rules that name it keep working.
    /// </summary>
    private static QuestionRead ReadQuestion(IFormCollection form, string id, Question? existing, string language)
    {
        var values = QuestionFieldNames.ToDictionary(n => n, n => HostedPages.Single(form, n) ?? "", StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!TryParseName<QuestionType>(values["type"], out var type))
            errors["type"] = ManageTexts.Format("err-choice", language, ManageTexts.Get("type", language));
        var lines = ManageLanguages.ToDictionary(l => l, l => values[$"options-{l}"].Split('\n').Select(t => t.Trim()).Where(t => t.Length > 0).ToList());
        var count = lines.Values.Max(l => l.Count);
        var options = new List<QuestionOption>();
        var used = new HashSet<string>(existing?.Options.Select(o => o.Id) ?? [], StringComparer.Ordinal);
        var next = 1;
        for (var j = 0; j < count; j++)
        {
            var key = existing?.Options.ElementAtOrDefault(j)?.Id;
            if (key is null)
            {
                while (used.Contains(next.ToString(CultureInfo.InvariantCulture)))
                    next++;
                key = next.ToString(CultureInfo.InvariantCulture);
                used.Add(key);
            }
            options.Add(new QuestionOption(key, new LocalizedText(ManageLanguages.Where(l => j < lines[l].Count).Select(l => KeyValuePair.Create(l, lines[l][j])))));
        }
        ShowIfRule? rule = null;
        if (values["showif-question"] is { Length: > 0 } source)
        {
            if (!TryParseName<ShowIfOperator>(values["showif-operator"], out var op))
                errors["showif-operator"] = ManageTexts.Format("err-choice", language, ManageTexts.Get("show-if-operator", language));
            rule = new ShowIfRule(source, op, values["showif-value"].Trim() is { Length: > 0 } v ? v : null);
        }
        var question = errors.Count > 0 ? null : new Question
        {
            Id = id, Type = type, Prompt = LocalizedFrom(form, "prompt"), Required = values["required"] == "true", Options = options, ShowIf = rule,
        };
        return new QuestionRead(values, errors, question);
    }

    private static int IndexOf(Survey s, string questionId)
    {
        for (var i = 0; i < s.Questions.Count; i++)
            if (s.Questions[i].Id == questionId)
                return i;
        return -1;
    }

    private static string NewQuestionId(Survey s)
    {
        var n = s.Questions.Count + 1;
        while (s.FindQuestion($"q{n}") is not null)
            n++;
        return $"q{n}";
    }

    /// <summary>
    /// A core error on a survey form, in the page's words: a detail beside its field; an error in the question the form
    /// holds (at <paramref name="formIndex"/>) beside that field; an error in another question beside it in the list.
    /// </summary>
    private static void SurveyError(Error error, string language, int formIndex, Dictionary<string, string> details, Dictionary<string, string> question,
        List<string> formErrors, IReadOnlyList<Question>? attempted, Dictionary<string, List<string>>? listErrors, Survey? current = null)
    {
        if (error.Field.StartsWith("questions[", StringComparison.Ordinal) && error.Field.IndexOf(']') is var close and > 10
            && int.TryParse(error.Field.AsSpan(10, close - 10), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            var inQuestion = error.Field[(close + 1)..].TrimStart('.');
            var (field, message) = QuestionError(inQuestion, error.Code, language);
            if (index == formIndex)
            {
                if (field is null)
                    formErrors.Add(message);
                else
                    question.TryAdd(field, message);
                // A prompt given in no language at all is missing in each.
                if (inQuestion == "prompt")
                    question.TryAdd("prompt-fr", QuestionError("prompt.fr", error.Code, language).Message);
            }
            else if (attempted is not null && listErrors is not null && index < attempted.Count)
            {
                // Numbered as the list on the page shows it: the stored order, not the refused one.
                var shown = current is null ? -1 : IndexOf(current, attempted[index].Id);
                var label = ManageTexts.Format("question-n", language, (shown < 0 ? index : shown) + 1);
                (listErrors.TryGetValue(attempted[index].Id, out var list) ? list : listErrors[attempted[index].Id] = []).Add(message);
                formErrors.Add(ManageTexts.Format("field-in", language, message, label));
            }
            else
                formErrors.Add(message);
            return;
        }
        var (root, lang) = SplitLanguage(error.Field);
        switch (root)
        {
            case "questions":
                formErrors.Add(ManageTexts.Get(error.Code == ErrorCodes.Required ? "err-questions-needed" : "err-questions-max", language));
                break;
            case "slug":
                details.TryAdd("slug", SlugError(error.Code, language));
                break;
            case "title" or "description":
                foreach (var l in lang is null ? ManageLanguages : [lang])
                    details.TryAdd($"{root}-{l}", TextError(error.Code, language, LabelIn(root, l, language), LimitOf(root)));
                break;
            case "identityPolicy":
                details.TryAdd("policy", ManageTexts.Format("err-choice", language, ManageTexts.Get("policy", language)));
                break;
            case "consultationId":
                details.TryAdd("consultation", ManageTexts.Format("err-choice", language, ManageTexts.Get("attach", language)));
                break;
            default:
                formErrors.Add(StateError(error, language, current is null ? null : ManageTexts.Get($"survey-status-{current.Status}", language)));
                break;
        }
    }

    /// <summary>An error inside one question ("prompt.fr", "options[2].label.en", "showIf.value"…) as its form field and message; no field for the summary only.</summary>
    private static (string? Field, string Message) QuestionError(string field, string code, string language)
    {
        if (field.StartsWith("options[", StringComparison.Ordinal) && field.IndexOf(']') is var close and > 8
            && int.TryParse(field.AsSpan(8, close - 8), NumberStyles.None, CultureInfo.InvariantCulture, out var option))
        {
            var (_, lang) = SplitLanguage(field);
            var l = lang ?? "en";
            var label = $"{LabelIn("options", l, language)} – {ManageTexts.Format("option-n", language, option + 1)}";
            return ($"options-{l}", TextError(code, language, label, TextLimits.OptionLabel));
        }
        var (root, language2) = SplitLanguage(field);
        return root switch
        {
            "prompt" => ($"prompt-{language2 ?? "en"}", TextError(code, language, LabelIn("prompt", language2 ?? "en", language), TextLimits.QuestionPrompt)),
            "type" => ("type", ManageTexts.Format("err-choice", language, ManageTexts.Get("type", language))),
            "options" => ("options-en", ManageTexts.Get(code == ErrorCodes.OutOfRange ? "err-options-count" : "err-options-none", language)),
            "showIf.questionId" => ("showif-question", ManageTexts.Get("err-show-if-question", language)),
            "showIf.operator" => ("showif-operator", ManageTexts.Get("err-show-if-text", language)),
            "showIf.value" => ("showif-value", ManageTexts.Get(code == ErrorCodes.InvalidFormat ? "err-show-if-novalue" : "err-show-if-value", language)),
            _ => (null, ManageTexts.Get("form-unreadable", language)),
        };
    }
}
