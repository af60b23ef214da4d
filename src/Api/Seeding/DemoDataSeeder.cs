using Engagement.Api.Widgets;
using Engagement.Core.Widgets;
using Engagement.Api.Settings;
using Engagement.Core.Common;
using Engagement.Core.Comments;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;
using Engagement.Core.Participants;
using Engagement.Core.Ratings;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;

namespace Engagement.Api.Seeding;

/// <summary>
/// Fills an empty store with demonstration data through the use cases, so a newcomer sees a working platform:
/// one organisation, three services with a few hundred ratings, an open consultation with a comment thread,
/// and an open survey using every question type and a show-if rule.
/// </summary>
internal sealed partial class DemoDataSeeder(IServiceProvider services, EngagementSettings settings, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public const string OrganisationSlug = "demo";

    /// <summary>Demonstration staff accounts (email, password, role), created on the embedded default only and listed in the README.</summary>
    public static readonly IReadOnlyList<(string Email, string Password, Role Role)> DemoStaff =
    [
        ("admin@demo.example", "demo-admin-password", Role.Admin),
        ("analyst@demo.example", "demo-analyst-password", Role.Analyst),
        ("moderator@demo.example", "demo-moderator-password", Role.Moderator),
    ];
    public const int RatingsPerService = 120;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.SeedDemoData)
            return;
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        if ((await sp.GetRequiredService<IOrganisationStore>().ListAsync(cancellationToken)).Count > 0)
            return;

        var started = TimeProvider.System.GetTimestamp();
        await new DemoData(sp, cancellationToken).SeedAsync(withStaff: settings.StorageProvider == StorageProviderKind.Sqlite);
        LogSeeded(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demonstration data into the empty store in {Milliseconds:F0} ms")]
    private partial void LogSeeded(double milliseconds);

    /// <summary>The seeding steps; every call goes through a use case and must succeed.</summary>
    private sealed class DemoData(IServiceProvider sp, CancellationToken ct)
    {
        private static readonly Actor Seeder = Actor.System;

        private T Use<T>() where T : notnull => sp.GetRequiredService<T>();

        public async Task SeedAsync(bool withStaff)
        {
            var org = Must(await Use<CreateOrganisation>().ExecuteAsync(new(OrganisationSlug,
                LocalizedText.EnFr("Department of Public Services (demo)", "Ministère des Services publics (démo)")), Seeder, ct));

            // Known passwords are fine on a laptop's embedded store, never on a shared production one.
            if (withStaff)
            {
                foreach (var (email, password, role) in DemoStaff)
                    Must(await Use<CreateStaffMember>().ExecuteAsync(new(email, $"Demo {role.ToString().ToLowerInvariant()}", [new RoleGrant(org.Id, role)], password), Seeder, ct));
            }

            var services = new List<Service>();
            foreach (var (slug, en, fr) in new[]
            {
                ("passport-renewal", "Passport renewal", "Renouvellement de passeport"),
                ("benefits-portal", "Benefits portal", "Portail des prestations"),
                ("park-permits", "Park permits", "Permis pour les parcs"),
            })
            {
                services.Add(Must(await Use<CreateService>().ExecuteAsync(new(org.Id, slug, LocalizedText.EnFr(en, fr),
                    LocalizedText.EnFr($"Tell us about your experience with {en.ToLowerInvariant()}.", $"Parlez-nous de votre expérience : {fr.ToLowerInvariant()}.")), Seeder, ct)));
            }

            var consultation = await SeedConsultationAsync(org);
            await SeedSurveyAsync(org, consultation);
            await SeedRatingsAsync(services);
            await SeedWidgetKeyAsync(services[0]);
        }

        // The demo key has a known value (WidgetEndpoints.DemoKey) so the demo page and the load tool can use it; it
        // goes in through the store because the use case always draws a random one. It allows only this machine.
        private async Task SeedWidgetKeyAsync(Service service)
        {
            var now = Use<TimeProvider>().GetUtcNow();
            var key = new WidgetKey
            {
                Id = Ids.New(),
                Key = WidgetEndpoints.DemoKey,
                OrganisationId = service.OrganisationId,
                ServiceId = service.Id,
                AllowedOrigins = ["http://localhost:*", "http://127.0.0.1:*", "https://localhost:*", "https://127.0.0.1:*"],
                ShowAverage = true,
                Enabled = true,
                CreatedAt = now,
                UpdatedAt = now,
            };
            if (!await Use<IWidgetKeyStore>().TryAddAsync(key, ct))
                throw new InvalidOperationException("The demo widget key could not be stored.");
        }

        private async Task<Consultation> SeedConsultationAsync(Organisation org)
        {
            var draft = Must(await Use<CreateConsultation>().ExecuteAsync(new(
                org.Id,
                "future-of-libraries",
                LocalizedText.EnFr("The future of public libraries", "L'avenir des bibliothèques publiques"),
                LocalizedText.EnFr(
                    "How should branch hours, digital lending and community spaces change over the next five years?",
                    "Comment les heures d'ouverture, le prêt numérique et les espaces communautaires devraient-ils évoluer au cours des cinq prochaines années?"),
                LocalizedText.EnFr(
                    "Libraries are changing. We want to hear how you use them today, what is missing, and what you would like to see. Your comments will shape the five-year plan published next spring.",
                    "Les bibliothèques changent. Nous voulons savoir comment vous les utilisez aujourd'hui, ce qui manque et ce que vous aimeriez voir. Vos commentaires orienteront le plan quinquennal publié au printemps prochain.")),
                Seeder, ct));
            var consultation = Must(await Use<OpenConsultation>().ExecuteAsync(new(draft.Id), Seeder, ct));

            var people = new List<string>();
            for (var i = 0; i < 8; i++)
                people.Add(Must(await Use<RegisterAnonymousParticipant>().ExecuteAsync(ct)).Participant.Id);

            var thread = new (string Language, string Text, string[] Replies)[]
            {
                ("en", "Please keep the branches open later on weekdays. I work until six and can never make it before closing.",
                    ["Same here — even 8 pm two nights a week would help.", "Evening hours would also help students."]),
                ("fr", "Le prêt de livres numériques est excellent, mais la liste d'attente est beaucoup trop longue.",
                    ["Tout à fait d'accord, j'attends depuis trois mois pour un roman."]),
                ("en", "The community rooms are always booked. More bookable space for small groups, please.", []),
                ("en", "I'd rather see the budget go to more staff than to new self-checkout machines.",
                    ["Self-checkout saves time for quick visits though."]),
                ("fr", "Merci pour les ateliers d'aide aux devoirs, mes enfants y vont chaque semaine.", []),
            };
            var comment = Use<PostComment>();
            async Task<string> AuthorAsync() => Must(await Use<RegisterAnonymousParticipant>().ExecuteAsync(ct)).Participant.Id;
            var react = Use<ReactToComment>();
            foreach (var (language, text, replies) in thread)
            {
                // One author per text: screening holds a participant who posts faster than a person types.
                var top = Must(await comment.ExecuteAsync(new(consultation.Id, await AuthorAsync(), text, language), ct));
                foreach (var reply in replies)
                    Must(await comment.ExecuteAsync(new(consultation.Id, await AuthorAsync(), reply, language, top.Id), ct));
                for (var r = 0; r < people.Count; r++)
                {
                    // A deterministic, uneven spread of agree and disagree per comment.
                    var pick = (top.Text.Length + r * 7) % 5;
                    if (pick < 4)
                        Must(await react.ExecuteAsync(new(top.Id, people[r], pick < 3 ? Reaction.Agree : Reaction.Disagree), ct));
                }
            }
            return consultation;
        }

        private async Task SeedSurveyAsync(Organisation org, Consultation consultation)
        {
            static QuestionOption Option(string id, string en, string fr) => new(id, LocalizedText.EnFr(en, fr));
            var questions = new List<Question>
            {
                new() { Id = "visit-frequency", Type = QuestionType.SingleChoice, Required = true,
                    Prompt = LocalizedText.EnFr("How often do you visit a library branch?", "À quelle fréquence visitez-vous une succursale?"),
                    Options = [Option("weekly", "Every week", "Chaque semaine"), Option("monthly", "Every month", "Chaque mois"),
                        Option("rarely", "A few times a year", "Quelques fois par année"), Option("never", "Never", "Jamais")] },
                new() { Id = "never-reason", Type = QuestionType.LongText,
                    Prompt = LocalizedText.EnFr("What keeps you from visiting?", "Qu'est-ce qui vous empêche de venir?"),
                    ShowIf = new ShowIfRule("visit-frequency", ShowIfOperator.Equals, "never") },
                new() { Id = "services-used", Type = QuestionType.MultipleChoice,
                    Prompt = LocalizedText.EnFr("Which services do you use?", "Quels services utilisez-vous?"),
                    Options = [Option("books", "Borrowing books", "Emprunt de livres"), Option("ebooks", "E-books", "Livres numériques"),
                        Option("rooms", "Community rooms", "Salles communautaires"), Option("computers", "Computers", "Ordinateurs")] },
                new() { Id = "satisfaction", Type = QuestionType.Rating, Required = true,
                    Prompt = LocalizedText.EnFr("Overall, how satisfied are you with your library?", "Dans l'ensemble, êtes-vous satisfait de votre bibliothèque?") },
                new() { Id = "recommend", Type = QuestionType.Nps,
                    Prompt = LocalizedText.EnFr("How likely are you to recommend the library to a friend?", "Quelle est la probabilité que vous recommandiez la bibliothèque à un ami?") },
                new() { Id = "evening-hours", Type = QuestionType.YesNo, Required = true,
                    Prompt = LocalizedText.EnFr("Would you use evening opening hours?", "Utiliseriez-vous des heures d'ouverture en soirée?") },
                new() { Id = "one-change", Type = QuestionType.ShortText,
                    Prompt = LocalizedText.EnFr("If you could change one thing, what would it be?", "Si vous pouviez changer une chose, laquelle?") },
            };
            var survey = Must(await Use<CreateSurvey>().ExecuteAsync(new(org.Id, "library-survey",
                LocalizedText.EnFr("Library services survey", "Sondage sur les services des bibliothèques"), questions,
                LocalizedText.EnFr("Five minutes, nine questions at most.", "Cinq minutes, neuf questions au plus."),
                ConsultationId: consultation.Id), Seeder, ct));
            survey = Must(await Use<OpenSurvey>().ExecuteAsync(new(survey.Id), Seeder, ct));

            var submit = Use<SubmitSurveyResponse>();
            var frequencies = new[] { "weekly", "monthly", "rarely", "never" };
            var changes = new[] { "Longer hours", "Plus de livres en français", "Quieter study space", null };
            for (var i = 0; i < 24; i++)
            {
                var participant = Must(await Use<RegisterAnonymousParticipant>().ExecuteAsync(ct)).Participant.Id;
                var frequency = frequencies[i % 4];
                var answers = new Dictionary<string, Answer>
                {
                    ["visit-frequency"] = Answer.Choice(frequency),
                    ["services-used"] = Answer.Choice(i % 3 == 0 ? ["books", "ebooks"] : ["books"]),
                    ["satisfaction"] = Answer.Of(1 + ((i * 3) % 5)),
                    ["recommend"] = Answer.Of((i * 7) % 11),
                    ["evening-hours"] = Answer.Of(i % 3 != 1),
                };
                if (frequency == "never")
                    answers["never-reason"] = Answer.OfText(i % 8 == 3 ? "The branch closes before I finish work." : "Je n'ai pas de succursale près de chez moi.");
                if (changes[i % 4] is { } change)
                    answers["one-change"] = Answer.OfText(change);
                Must(await submit.ExecuteAsync(new(survey.Id, participant, i % 3 == 0 ? "fr" : "en", answers), ct));
            }
        }

        private async Task SeedRatingsAsync(IReadOnlyList<Service> services)
        {
            // Ratings go in through the batched port: a few hundred individual commits would slow the first start.
            var random = new Random(2026);
            var now = TimeProvider.System.GetUtcNow();
            var comments = new[]
            {
                ("en", "Quick and easy, thank you."), ("en", "The form kept timing out."), ("fr", "Très bon service, rapide."),
                ("fr", "Trop d'attente au téléphone."), ("en", "Couldn't find the status of my application."), ("en", "Staff were very helpful."),
            };
            // Each service gets its own mood: good, middling, poor.
            int[][] weights = [[2, 3, 10, 30, 55], [8, 12, 30, 30, 20], [30, 25, 20, 15, 10]];
            var ratings = new List<ServiceRating>();
            for (var s = 0; s < services.Count; s++)
            {
                for (var i = 0; i < RatingsPerService; i++)
                {
                    var score = Pick(random, weights[s % weights.Length]) + 1;
                    var (language, text) = comments[random.Next(comments.Length)];
                    ratings.Add(new ServiceRating
                    {
                        Id = Ids.New(),
                        ServiceId = services[s].Id,
                        OrganisationId = services[s].OrganisationId,
                        Score = score,
                        Comment = random.Next(4) == 0 ? text : null,
                        PageUrl = $"https://www.example.gc.ca/{services[s].Slug}/{(random.Next(2) == 0 ? "apply" : "status")}",
                        Language = random.Next(3) == 0 ? "fr" : language,
                        CreatedAt = now.AddMinutes(-random.Next(60 * 24 * 56)),
                    });
                }
            }
            await Use<IRatingStore>().AddManyAsync(ratings, ct);
        }

        private static int Pick(Random random, int[] weights)
        {
            var roll = random.Next(weights.Sum());
            for (var i = 0; i < weights.Length; i++)
            {
                if ((roll -= weights[i]) < 0)
                    return i;
            }
            return weights.Length - 1;
        }

        private static T Must<T>(Result<T> result) =>
            result.Succeeded ? result.Value : throw new InvalidOperationException($"Demonstration data was refused: {string.Join("; ", result.Errors)}");
    }
}
