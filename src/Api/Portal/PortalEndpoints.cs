using System.Globalization;
using Engagement.Api.Composition;
using Engagement.Core.Backlog;
using Engagement.Core.Comments;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;
using Engagement.Core.Ratings;
using Engagement.Core.Tallies;
using Engagement.Web.Portal;

namespace Engagement.Api.Portal;

/// <summary>
/// The citizen portal's pages, one address per language (/en/…, /fr/…): home with what is open, a consultation with its
/// comments, outcome and "you said, we did" notes, a service with its satisfaction and improvements, and error pages
/// that say what to do next. Server-rendered, no script needed.
/// </summary>
internal static partial class PortalEndpoints
{
    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http) => Results.Redirect(PreferredLanguage(http) == "fr" ? "/fr/" : "/en/")).ExcludeFromDescription();
        var pages = app.MapGroup($"/{HostedPages.LanguageSegment}").WithTags("Portal")
            .AddEndpointFilter(HostedPages.RequireUsableHost).AddEndpointFilter(HostedPages.RequireLanguage).AddEndpointFilter(ServerErrorPage);
        pages.MapGet("/", HomeAsync).WithName("PortalHome").WithSummary("The portal's home: open consultations.");
        pages.MapGet("/consultations/{id}", ConsultationAsync).WithName("PortalConsultation").WithSummary("A consultation's public page.");
        pages.MapPost("/consultations/{id}/comments", PostCommentAsync).WithName("PortalPostComment")
            .WithSummary("Posts a comment or a reply from the consultation's page, without script.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/consultations/{id}/comments/{commentId}/reaction", ReactAsync).WithName("PortalReact")
            .WithSummary("Agrees or disagrees with a comment, or takes that back, from the page.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapPost("/consultations/{id}/comments/{commentId}/report", ReportAsync).WithName("PortalReport")
            .WithSummary("Reports a comment to the moderators from the page.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapGet("/surveys/{id}", SurveyAsync).WithName("PortalSurvey").WithSummary("A survey's page: its questions on one page.");
        pages.MapPost("/surveys/{id}", SubmitSurveyAsync).WithName("PortalSubmitSurvey")
            .WithSummary("Sends a survey's answers from its page, without script.").RequireRateLimiting(GraphQL.GraphQLEndpoint.RateLimitPolicy);
        pages.MapGet("/services/{id}", ServiceAsync).WithName("PortalService").WithSummary("A service's public page.");
        MapStaffPages(pages);
        // Anything else under a language is a page we do not have: the error page says so, in that language.
        pages.MapGet("/{**rest}", (string lang, HttpContext http) => ErrorPage(http, lang, StatusCodes.Status404NotFound)).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HomeAsync(
        string lang, HttpContext http, IOrganisationStore organisations, IConsultationStore consultations, Core.Surveys.ISurveyStore surveys)
    {
        var language = HostedPages.TextLanguage(lang);
        var (open, openSurveys) = (new List<Listing>(), new List<Listing>());
        foreach (var organisation in await organisations.ListAsync(http.RequestAborted))
        {
            foreach (var c in await consultations.ListAsync(organisation.Id, ConsultationStatus.Open, http.RequestAborted))
                open.Add(new Listing(c.Title.In(language) ?? "", c.Summary.In(language) ?? "", $"/{language}/consultations/{Uri.EscapeDataString(c.Id)}",
                    c.ClosesAt is { } closes ? PortalTexts.Date(closes, language) : null));
            foreach (var s in await surveys.ListAsync(organisation.Id, Core.Surveys.SurveyStatus.Open, http.RequestAborted))
                openSurveys.Add(new Listing(s.Title.In(language) ?? "", s.Description.In(language) ?? "", $"/{language}/surveys/{Uri.EscapeDataString(s.Id)}", null));
        }
        return HostedPages.Render<HomePage>(http, new HomePageModel(Page(language, PortalTexts.Get("home-title", language), "/"), open) { Surveys = openSurveys });
    }

    private static async Task<IResult> ConsultationAsync(string lang, string id, HttpContext http, IServiceProvider services)
    {
        var language = HostedPages.TextLanguage(lang);
        if (await ShownConsultationAsync(id, http, services) is not { } consultation)
            return ErrorPage(http, lang, StatusCodes.Status404NotFound);
        var model = await ConsultationModelAsync(language, consultation, http, services);
        var posted = http.Request.Query["posted"].ToString();
        var done = http.Request.Query["done"].ToString();
        if (done is "reported" or "reacted")
            model = model with { Notice = done };
        return HostedPages.Render<ConsultationPage>(http, posted is "published" or "held" && model.Form is { } form
            ? model with { Form = form with { Posted = posted } }
            : model, live: true);
    }

    /// <summary>
    /// Posts a comment as the browser's participant (an anonymous one, made on the first comment and kept in a cookie),
    /// then sends the browser back to the page (post, redirect, get); with errors, the page again with what was typed.
    /// </summary>
    private static async Task<IResult> PostCommentAsync(
        string lang, string id, HttpContext http, IServiceProvider services, Settings.EngagementSettings settings, PostComment post)
    {
        var language = HostedPages.TextLanguage(lang);
        if (!Auth.CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return HostedPages.CrossSiteRefusal();
        // One read decides whether there is anything to post to; the whole page is read only when it is shown again.
        if (await ShownConsultationAsync(id, http, services) is not { } consultation)
            return ErrorPage(http, lang, StatusCodes.Status404NotFound);
        var form = await HostedPages.ReadFormAsync(http, CommentBodyBytes, CommentFormLimits);
        var (text, email, parentId) = form is null ? (null, null, null)
            : (HostedPages.Single(form, "text"), HostedPages.Single(form, "email"), HostedPages.Single(form, "parentId") is { Length: > 0 } parent ? parent : null);
        var errors = new Dictionary<string, string>();
        string? verifyUrl = null;
        if (form is null)
            errors["form"] = PortalTexts.Get("error-form", language);
        else if (!TakesComments(consultation, services))
            errors["form"] = PortalTexts.Get("error-closed", language);
        else
        {
            var request = new PostComment.Request(id, "", text ?? "", language, parentId, string.IsNullOrWhiteSpace(email) ? null : email);
            // A comment refused for what it says makes no participant: only one that may be posted is worth a row and a cookie.
            var result = post.CheckInput(request) is { Count: > 0 } faults
                ? Core.Common.Result<Comment>.Fail(faults)
                : await post.ExecuteAsync(request with { ParticipantId = await ParticipantIdAsync(http, services) }, http.RequestAborted);
            if (result.Succeeded)
            {
                var status = result.Value.Status == CommentStatus.Published ? "published" : "held";
                // Post, redirect, get: reloading the page does not post again.
                return HostedPages.SeeOther(http, $"/{language}/consultations/{Uri.EscapeDataString(id)}?posted={status}#add-comment");
            }
            foreach (var error in result.Errors)
            {
                var (field, message) = error switch
                {
                    { Field: "text", Code: Core.Common.ErrorCodes.Rejected } => ("text", PortalTexts.Get("error-rejected", language)),
                    { Field: "text" } => ("text", PortalTexts.Format("error-text", language, Core.Common.TextLimits.Comment)),
                    { Field: Core.FollowUps.FollowUpOptIn.Field } => ("email", PortalTexts.Get("error-email", language)),
                    { Field: "participantId", Code: Core.Common.ErrorCodes.Forbidden } => ("form", PortalTexts.Get("error-verify", language)),
                    { Field: "consultationId" } => ("form", PortalTexts.Get("error-closed", language)),
                    { Field: "parentId" } => ("form", PortalTexts.Get("error-not-now", language)),
                    _ => ("form", PortalTexts.Get("error-form", language)),
                };
                errors.TryAdd(field, message);
                if (error is { Field: "participantId", Code: Core.Common.ErrorCodes.Forbidden })
                    verifyUrl = $"/{language}/verify-email/request";
            }
        }
        var model = await ConsultationModelAsync(language, consultation, http, services);
        return HostedPages.Render<ConsultationPage>(http, model with
        {
            Page = WithProblem(model.Page),
            Form = (model.Form ?? new CommentForm($"/{language}/consultations/{Uri.EscapeDataString(id)}/comments", Core.Common.TextLimits.Comment))
                with { Text = text, Email = email, Errors = errors, VerifyUrl = verifyUrl, ReplyTo = parentId },
        }, HostedPages.FormProblemStatus(http), live: true);
    }

    // A 4,000-character comment of four-byte characters, percent-encoded, and an address fit.
    private const int CommentBodyBytes = 64 * 1024;

    private static readonly Microsoft.AspNetCore.Http.Features.FormOptions CommentFormLimits = new()
    {
        ValueCountLimit = 8, KeyLengthLimit = 64, ValueLengthLimit = CommentBodyBytes, BufferBody = false,
    };

    /// <summary>The participant the browser's cookie names, when it names a known one; nothing is made.</summary>
    private static Task<string?> KnownParticipantIdAsync(HttpContext http, IServiceProvider services) =>
        Participants.ParticipantCookie.KnownIdAsync(http, services.GetRequiredService<Core.Participants.FindParticipantByToken>());

    /// <summary>The browser's participant: the one its cookie names, or a new anonymous one whose token the cookie then keeps.</summary>
    private static async Task<string> ParticipantIdAsync(HttpContext http, IServiceProvider services)
    {
        if (await KnownParticipantIdAsync(http, services) is { } known)
            return known;
        var registered = (await services.GetRequiredService<Core.Participants.RegisterAnonymousParticipant>().ExecuteAsync(http.RequestAborted)).Value;
        Participants.ParticipantCookie.Keep(http, registered.Token);
        return registered.Participant.Id;
    }

    private static Task<IResult> ReactAsync(string lang, string id, string commentId, HttpContext http, IServiceProvider services, Settings.EngagementSettings settings) =>
        CommentActionAsync(lang, id, commentId, http, services, settings, "reacted", async (form, participant) =>
        {
            var reaction = HostedPages.Single(form, "reaction") switch
            {
                "Agree" => (Reaction?)Reaction.Agree,
                "Disagree" => Reaction.Disagree,
                "None" => null,
                _ => throw new FormatException(),
            };
            var result = await services.GetRequiredService<ReactToComment>().ExecuteAsync(new ReactToComment.Request(commentId, await participant(), reaction), http.RequestAborted);
            return result.Succeeded ? null : result.Errors[0];
        });

    private static Task<IResult> ReportAsync(string lang, string id, string commentId, HttpContext http, IServiceProvider services, Settings.EngagementSettings settings) =>
        CommentActionAsync(lang, id, commentId, http, services, settings, "reported", async (form, participant) =>
        {
            // By name only (see TryParseName): no page's form sends a number or a list.
            if (!TryParseName<Core.Moderation.ReportReason>(HostedPages.Single(form, "reason"), out var reason))
                throw new FormatException();
            var result = await services.GetRequiredService<Core.Moderation.ReportComment>().ExecuteAsync(
                new Core.Moderation.ReportComment.Request(commentId, await participant(), reason), http.RequestAborted);
            return result.Succeeded ? null : result.Errors[0];
        });

    /// <summary>
    /// A reaction or report from the page: checked like every form, done as the browser's participant, then back to the
    /// comment (post, redirect, get) saying it was done, or the page again saying why it could not be. The action reads
    /// its form before it asks for the participant, which is made only then: a refused action leaves no participant behind.
    /// </summary>
    private static async Task<IResult> CommentActionAsync(
        string lang, string id, string commentId, HttpContext http, IServiceProvider services, Settings.EngagementSettings settings, string done,
        Func<IFormCollection, Func<Task<string>>, Task<Core.Common.Error?>> act)
    {
        var language = HostedPages.TextLanguage(lang);
        if (!Auth.CrossSiteGuard.IsAllowed(http.Request, settings.TrustedOrigins))
            return HostedPages.CrossSiteRefusal();
        if (await ShownConsultationAsync(id, http, services) is not { } consultation)
            return ErrorPage(http, lang, StatusCodes.Status404NotFound);
        Core.Common.Error? problem;
        var form = await HostedPages.ReadFormAsync(http, ActionBodyBytes, CommentFormLimits);
        try
        {
            if (form is null)
                problem = new Core.Common.Error("form", "FORM", "");
            // A comment that is not on this page is refused before the participant is asked for, so none is made for it.
            else if (await services.GetRequiredService<ICommentStore>().GetAsync(commentId, http.RequestAborted) is not { } comment
                || comment.ConsultationId != consultation.Id)
                problem = new Core.Common.Error("commentId", Core.Common.ErrorCodes.NotFound, "");
            else
                problem = await act(form, () => ParticipantIdAsync(http, services));
        }
        catch (FormatException)
        {
            problem = new Core.Common.Error("form", "FORM", "");
        }
        if (problem is null)
            return HostedPages.SeeOther(http, $"/{language}/consultations/{Uri.EscapeDataString(id)}?done={done}#comment-{Uri.EscapeDataString(commentId)}");
        var message = problem.Code switch
        {
            Core.Common.ErrorCodes.NotFound => PortalTexts.Get("error-gone", language),
            Core.Common.ErrorCodes.InvalidState => PortalTexts.Get("error-not-now", language),
            Core.Common.ErrorCodes.Duplicate => PortalTexts.Get("error-reported", language),
            Core.Common.ErrorCodes.Forbidden => PortalTexts.Get("error-verify", language),
            _ => PortalTexts.Get("error-form", language),
        };
        var model = await ConsultationModelAsync(language, consultation, http, services);
        return HostedPages.Render<ConsultationPage>(http, model with
        {
            Page = WithProblem(model.Page),
            Form = model.Form is null ? null : model.Form with { Errors = new Dictionary<string, string> { ["form"] = message } },
        }, HostedPages.FormProblemStatus(http), live: true);
    }

    private const int ActionBodyBytes = 1024;

    /// <summary>The consultation when the public may see it (any status but draft); null otherwise.</summary>
    private static async Task<Consultation?> ShownConsultationAsync(string id, HttpContext http, IServiceProvider services) =>
        await services.GetRequiredService<IConsultationStore>().GetAsync(id, http.RequestAborted) is { Status: not ConsultationStatus.Draft } consultation
            ? consultation
            : null;

    private static bool TakesComments(Consultation consultation, IServiceProvider services) =>
        consultation.AcceptsContributionsAt(services.GetRequiredService<TimeProvider>().GetUtcNow());

    /// <summary>A page's frame with its title saying there is a problem first, so a screen reader hears it as the page loads.</summary>
    private static PortalPage WithProblem(PortalPage page) => page with { Title = $"{PortalTexts.Get("errors", page.Language)} – {page.Title}" };

    /// <summary>A consultation's page as it stands, with its comment form while it takes comments.</summary>
    private static async Task<ConsultationPageModel> ConsultationModelAsync(string language, Consultation consultation, HttpContext http, IServiceProvider services)
    {
        var (list, tallies, improvements) = (services.GetRequiredService<ListComments>(), services.GetRequiredService<ITallyStore>(),
            services.GetRequiredService<ListShippedImprovements>());
        var thread = await list.ExecuteAsync(new ListComments.Request(consultation.Id, Limit: 50, ParticipantId: await KnownParticipantIdAsync(http, services)), http.RequestAborted);
        var tally = await tallies.GetAsync(TallyScopes.Consultation(consultation.Id), http.RequestAborted);
        var shipped = await improvements.ExecuteAsync(consultation.OrganisationId, null, consultation.Id, http.RequestAborted);
        var title = consultation.Title.In(language) ?? "";
        return new ConsultationPageModel(
            Page(language, title, $"/consultations/{Uri.EscapeDataString(consultation.Id)}") with { LiveKind = "consultation", LiveId = consultation.Id },
            title,
            consultation.Summary.In(language) ?? "",
            consultation.Body.In(language) ?? "",
            PortalTexts.Get($"status-{consultation.Status}", language),
            consultation.Outcome.Has(language) ? consultation.Outcome.In(language) : null,
            tally[CommentTallies.StatusBucket(false, CommentStatus.Published)],
            [.. (thread.Succeeded ? thread.Value.Items : []).Select(i => Thread(i, language))],
            [.. shipped.Select(i => Shipped(i, language))])
        {
            Form = TakesComments(consultation, services)
                ? new CommentForm($"/{language}/consultations/{Uri.EscapeDataString(consultation.Id)}/comments", Core.Common.TextLimits.Comment)
                : null,
        };
    }

    private static async Task<IResult> ServiceAsync(
        string lang, string id, HttpContext http, IServiceStore services, GetRatingSummary summaries, ListShippedImprovements improvements,
        Core.Widgets.IWidgetKeyStore widgetKeys)
    {
        var language = HostedPages.TextLanguage(lang);
        var service = await services.GetAsync(id, http.RequestAborted);
        if (service is null)
            return ErrorPage(http, lang, StatusCodes.Status404NotFound);
        var summary = (await summaries.ExecuteAsync(service.Id, http.RequestAborted)).Value;
        var shipped = await improvements.ExecuteAsync(service.OrganisationId, service.Id, null, http.RequestAborted);
        var culture = CultureInfo.GetCultureInfo(language == "fr" ? "fr-CA" : "en-CA");
        var name = service.Name.In(language) ?? "";
        // Rating from here uses the service's hosted rating page (the widget's page for browsers without script), through
        // any enabled key: the rating counts for the service, and a key's allowed sites matter only to embedded widgets.
        var key = (await widgetKeys.ListByServiceAsync(service.Id, http.RequestAborted)).FirstOrDefault(k => k.Enabled);
        return HostedPages.Render<ServicePage>(http, new ServicePageModel(
            Page(language, name, $"/services/{Uri.EscapeDataString(service.Id)}") with { LiveKind = "service", LiveId = service.Id },
            name,
            summary.Count,
            summary.Average?.ToString("0.0", culture),
            summary.Csat?.ToString("P0", culture),
            summary.SmallSample,
            RatingSummary.SmallSampleBelow,
            key is null ? null : $"/widget/{Uri.EscapeDataString(key.Key)}/rate?lang={language}",
            [.. shipped.Select(i => Shipped(i, language))]), live: true);
    }

    private static ThreadComment Thread(ListComments.Item item, string language) => new(
        item.Comment.Id, item.Comment.Text, item.Comment.Language, PortalTexts.Date(item.Comment.CreatedAt, language), item.Agree, item.Disagree,
        [.. item.Replies.Select(r => Thread(r, language))]) { Mine = item.MyReaction?.ToString() };

    private static Improvement Shipped(ShippedImprovement i, string language) => new(i.Title, i.Note, PortalTexts.Date(i.ShippedAt, language));

    /// <summary>The page's frame: its language, title, and the same page in the other language (<paramref name="path"/> after the language).</summary>
    private static PortalPage Page(string language, string title, string path) => new(language, title, $"/{HostedPages.OtherLanguage(language)}{path}");

    private static IResult ErrorPage(HttpContext http, string lang, int status)
    {
        var language = HostedPages.TextLanguage(lang);
        var code = status is 403 or 404 ? status : 500;
        return HostedPages.Render<ErrorPage>(http, new ErrorPageModel(Page(language, PortalTexts.Get($"error-{code}-title", language), "/"), code), status);
    }

    // A failure while a page is made gets the portal's own 500 page in the page's language, not a bare error.
    private static async ValueTask<object?> ServerErrorPage(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var http = context.HttpContext;
            LogFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Engagement.Api.Portal"), e, http.Request.Path);
            return ErrorPage(http, http.Request.RouteValues["lang"] as string ?? "en", StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>The language a visitor arriving at "/" prefers: French when their browser puts it before English.</summary>
    private static string PreferredLanguage(HttpContext http)
    {
        foreach (var value in http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = value.Value.Value ?? "";
            if (tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase))
                return "fr";
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
                return "en";
        }
        return "en";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A portal page failed: {Path}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string path);
}
