using BenchmarkDotNet.Attributes;
using Engagement.Core.Screening;
using Engagement.Moderation;
using Engagement.Moderation.Screening;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Engagement.Bench.Moderation;

/// <summary>
/// Screening throughput on one core: realistic English and French public-service comments (50 to 800 characters, some
/// with personal information, links or listed terms) through the whole pipeline as <c>AddEngagementModeration</c>
/// registers it, with a term list of about 200 entries. Single-threaded; results are per text.
/// <para>
/// The near-duplicate window is kept realistic: each pass screens 2,000 distinct texts (every comment in 40 variants,
/// about a third of its longer words swapped for words of other comments) while a clock moves 45 s per text, so the
/// window holds the last ~1,900 texts (24 h) as in steady traffic, and no text meets its own earlier copy.
/// </para>
/// </summary>
[Config(typeof(InProcessShortRun))]
public class ScreeningBenchmarks
{
    private const int Variants = 40;

    private readonly SteppingClock _clock = new(TimeSpan.FromSeconds(45));
    private ServiceProvider _services = null!;
    private ITextScreening _screening = null!;
    private TextToScreen[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(_clock);
        collection.AddEngagementModeration();
        collection.RemoveAll<ITermSource>();
        collection.AddSingleton<ITermSource>(new FixedTerms(Terms));
        _services = collection.BuildServiceProvider();
        _screening = _services.GetRequiredService<ITextScreening>();

        var steps = _services.GetServices<IScreeningStep>().OrderBy(s => s.Order).Select(s => $"{s.Order} {s.GetType().Name}");
        Console.WriteLine($"// Screening steps: {string.Join(", ", steps)}; {BlockedTerms.Length + SuspectTerms.Length} terms");

        var random = new Random(6);
        var vocabulary = Comments.SelectMany(c => c.Text.Split(' ')).Where(IsPlainWord).Distinct().ToArray();
        _texts = Enumerable.Range(0, Variants)
            .SelectMany(v => Comments.Select((c, i) => new TextToScreen(
                "bench-org", (TextKind)(i % 3), v == 0 ? c.Text : Vary(c.Text, vocabulary, random), c.Language, $"participant-{(v * Comments.Length + i) % 300}")))
            .ToArray();
        if (_texts.Length != Variants * 50)
            throw new InvalidOperationException("OperationsPerInvoke expects 50 comments.");
        Console.WriteLine($"// {Comments.Length} comments, {Comments.Min(c => c.Text.Length)}–{Comments.Max(c => c.Text.Length)} characters, mean {Comments.Average(c => c.Text.Length):0}");

        // One pass over the comments as written, to show what the texts are; then 25 h pass, so it leaves no trace in the window.
        var outcomes = _texts.Take(Comments.Length).Select(t => _screening.ScreenAsync(t).GetAwaiter().GetResult()).ToList();
        Console.WriteLine($"// The 50 comments: {outcomes.Count(o => o.Outcome == ScreeningOutcome.Publish)} published, "
            + $"{outcomes.Count(o => o.Outcome == ScreeningOutcome.Hold)} held, {outcomes.Count(o => o.Outcome == ScreeningOutcome.Reject)} rejected; reasons: "
            + string.Join(", ", outcomes.SelectMany(o => o.Reasons).GroupBy(r => r.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}")));
        _clock.Skip(TimeSpan.FromHours(25));
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>The resolved services, for the per-step breakdown.</summary>
    internal IServiceProvider Services => _services;

    /// <summary>The 2,000 texts of one pass, in order.</summary>
    internal IReadOnlyList<TextToScreen> Texts => _texts;

    /// <summary>2,000 texts one after another through every registered step; the figure is per text.</summary>
    [Benchmark(OperationsPerInvoke = Variants * 50, Description = "ITextScreening.ScreenAsync, realistic comments, per text")]
    public async Task<int> ScreenComments()
    {
        var held = 0;
        foreach (var text in _texts)
        {
            var result = await _screening.ScreenAsync(text);
            if (result.Outcome != ScreeningOutcome.Publish)
                held++;
        }
        return held;
    }

    private static bool IsPlainWord(string word) => word.Length >= 4 && word.All(char.IsLower);

    /// <summary>The comment with about a third of its plain words (lowercase letters only) swapped for words of other comments.</summary>
    private static string Vary(string text, string[] vocabulary, Random random) =>
        string.Join(' ', text.Split(' ').Select(w => IsPlainWord(w) && random.Next(3) == 0 ? vocabulary[random.Next(vocabulary.Length)] : w));

    /// <summary>A clock that moves on a fixed step each time the pipeline reads it.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, step.Ticks), TimeSpan.Zero);

        public void Skip(TimeSpan span) => Interlocked.Add(ref _ticks, span.Ticks);
    }

    private sealed class FixedTerms(ScreeningTerms terms) : ITermSource
    {
        public Task<ScreeningTerms> ForAsync(string organisationId, CancellationToken ct) => Task.FromResult(terms);
    }

    private static readonly (string Language, string Text)[] Comments =
    [
        ("en", "The new online renewal form for my health card worked perfectly. It took less than ten minutes and I got a confirmation email right away."),
        ("en", "I waited 3 hours at the Service Centre on King Street on Tuesday. Only two counters were open while eight staff seemed to be on break. Please schedule more people at lunch time, when most of us can actually come in. I understand that staff need breaks too, but it makes no sense to close counters exactly when the line is longest. The ticket machine was also broken, so nobody knew who was next and people started arguing. An elderly man in front of me gave up and left after two hours. A simple text message when your number is close would let people wait in their car or get a coffee instead of standing in a crowded hallway. Other offices already do this and it works very well."),
        ("fr", "Le formulaire en ligne est beaucoup trop long. J'ai dû recommencer trois fois parce que la session expirait après 15 minutes sans prévenir. Ajoutez au moins une sauvegarde automatique, s'il vous plaît. De plus, certaines questions sont posées deux fois sous une forme différente, et la page des pièces justificatives refuse les photos prises avec un téléphone si elles dépassent 2 Mo, sans expliquer comment les réduire. J'ai fini par demander de l'aide à ma fille, mais beaucoup de personnes âgées n'ont personne pour les aider. Une version papier ou un numéro de téléphone où quelqu'un peut remplir le formulaire avec nous serait vraiment apprécié."),
        ("en", "Please call me back about my application, my number is 613-555-0147 and I am home after 5 pm. Reference number 2024-118733."),
        ("fr", "Très bon service au comptoir de la rue Saint-Joseph. L'agente a pris le temps de tout m'expliquer et elle parlait français, ce qui n'était pas le cas l'an dernier."),
        ("en", "Why does the bus route 14 stop at 9 pm on weekdays? Shift workers at the hospital finish at 11 pm and have no way to get home except taxis that cost $30 a night."),
        ("en", "This is complete bullshit. I have sent the same documents four times and every time someone says they never received them."),
        ("fr", "Pourquoi faut-il prendre rendez-vous deux mois à l'avance pour renouveler un passeport ? C'est n'importe quoi. Mon vol est dans trois semaines."),
        ("en", "The playground at Riverside Park has a broken slide and a missing fence panel near the road. Kids could run straight into traffic. Photos are here: https://photos.example.com/riverside-2026"),
        ("en", "Great job on snow clearing this winter, our street was done before 7 am every time. Thank you to the crews!"),
        ("fr", "Les nids-de-poule sur le boulevard des Allumettières sont dangereux pour les cyclistes. J'ai vu quelqu'un tomber la semaine dernière près de l'intersection avec la rue Laurier."),
        ("en", "You people are idiots. Nobody in this department knows how to read a simple form."),
        ("en", "I support the proposed bike lanes on Bank Street. I cycle to work every day and the current painted lines offer no protection at all. Separated lanes would make me feel much safer, and I think more of my colleagues would start cycling too if they existed. I also read the traffic study attached to the consultation, and the projected delay for drivers is under a minute at peak hour, which seems a small price for a safer street. My only concern is snow clearing: last winter the existing lane on Laurier was full of snow banks for weeks, which pushed cyclists into traffic. Please include a winter maintenance plan with the same priority as the road itself, otherwise the lanes will only be useful for half the year."),
        ("fr", "Je suis contre le projet de piste cyclable sur la rue Bank. Les commerçants vont perdre leurs places de stationnement et les clients âgés ne viendront plus. Je tiens une petite boulangerie depuis 22 ans et la moitié de ma clientèle arrive en voiture, souvent des personnes qui ont de la difficulté à marcher. Pendant les travaux d'égout en 2019, mon chiffre d'affaires a baissé de 30 % et j'ai failli fermer. Avant de décider, la Ville devrait consulter directement les commerçants de la rue, pas seulement en ligne, et proposer des places réservées pour les livraisons et les personnes à mobilité réduite."),
        ("en", "My email is jordan.smith84@example.com, please send me the updated schedule for the community centre pool. The website still shows the summer hours."),
        ("en", "EARN $5000 A WEEK FROM HOME!!! Visit bit.ly/3xYzAbC and www.easy-money-now.xyz and cash-fast.biz TODAY"),
        ("fr", "Merci pour la nouvelle bibliothèque du quartier. Les heures d'ouverture le dimanche sont une excellente idée pour les familles."),
        ("en", "The permit office told me to come back with a letter from my landlord, which I did, and then they asked for a utility bill instead. Can the list of required documents be published in one place and kept up to date? It would save everyone a lot of time. I took three half-days off work for this, and each visit meant a new employee with a different answer. When I asked for the rule in writing I was told it was an internal guideline. If the guideline exists, please publish it; if it does not, staff should not invent requirements at the counter. You can reach me at jordan.lee@example.org or 819-555-0172 if someone wants the details of my file."),
        ("en", "Noise from the construction site on Elgin starts at 6 am, which is earlier than the bylaw allows. I have reported it twice at 311 without any follow-up."),
        ("fr", "Quel connard, l'agent au téléphone m'a raccroché au nez deux fois."),
        ("en", "It would help a lot if the recycling calendar was available as a calendar file we can import into our phones instead of a PDF."),
        ("en", "The accessibility ramp at City Hall's east entrance is too steep for my wheelchair. I had to wait for someone to help me up. This needs fixing."),
        ("fr", "Mon adresse est le 245, rue Principale, app. 3, Gatineau (Québec) J8X 2K4. Je n'ai jamais reçu mon avis d'imposition foncière."),
        ("en", "Honestly the wait times at the emergency department are shameful. Eleven hours with a child who had a 40 degree fever. Something has to change. The triage nurse was kind and clearly overwhelmed; there were two doctors for a waiting room of more than sixty people, and no one came to check on us after the first assessment. We finally saw a doctor at 4 in the morning, who told us we could have gone to a walk-in clinic, except that every clinic within 30 km was full or closed. Please publish real-time wait times for the emergency departments and the after-hours clinics, and fund more nurse practitioners in the community so families have somewhere else to go."),
        ("en", "Loved the outdoor movie nights in the park this summer. Could we have a few in French as well?"),
        ("fr", "C'est de la merde ce nouveau site, rien ne fonctionne sur mon téléphone."),
        ("en", "I am a small business owner and the new licensing fee of $850 is far too high for a one-person shop. Please consider a reduced rate for sole proprietors, as other cities like Kingston and Guelph already do. I repair bicycles from a rented garage, I have no employees, and my gross revenue last year was about $38,000. The fee went from $120 to $850 in one step with no transition period, and the notice arrived three weeks before the deadline. A sliding scale based on revenue or number of employees would be fairer, and a payment plan would help those of us who cannot pay the full amount at once."),
        ("fr", "Les travaux sur le pont devaient finir en septembre. Nous sommes en décembre et il n'y a toujours qu'une voie ouverte. Pouvez-vous publier un échéancier réaliste ?"),
        ("en", "Please add more benches along the river path. Older residents like my mother can't walk the whole loop without resting."),
        ("en", "Contact our office for details: call 1 (800) 555-0199 or see the FAQ at canada.ca and the provincial page at ontario.ca."),
        ("fr", "J'apprécie beaucoup la consultation en ligne, c'est plus facile que de se déplacer à l'hôtel de ville un mardi soir."),
        ("en", "The tree in front of 18 Maple Crescent has a large dead branch hanging over the sidewalk. It looks like it could fall any time."),
        ("en", "Shut the fuck up with your surveys and fix the roads."),
        ("fr", "Je trouve que les frais de stationnement à l'hôpital sont abusifs pour les patients qui viennent chaque semaine pour des traitements. Une carte mensuelle à prix réduit serait la bienvenue. Mon conjoint reçoit de la chimiothérapie deux fois par semaine et nous payons 24 $ par visite, ce qui fait près de 200 $ par mois seulement pour se garer. Le transport en commun n'est pas une option quand on sort d'un traitement épuisé et nauséeux. D'autres hôpitaux de la province offrent déjà des laissez-passer aux patients en traitement de longue durée; je ne comprends pas pourquoi ce n'est pas le cas ici."),
        ("en", "The library's e-book app logs me out every single day. I have to type my card number and PIN again each morning, which is annoying on a phone."),
        ("en", "WHY IS THE POOL CLOSED AGAIN THIS WEEKEND NOBODY TOLD US"),
        ("fr", "Bonne initiative que ce budget participatif. J'espère que les projets des quartiers moins favorisés auront autant de visibilité que les autres."),
        ("en", "I think the proposed tax increase is reasonable if the money goes to transit. I would like to see a clear breakdown of where each dollar goes, published every year."),
        ("en", "My SIN is 046 454 286 and I still haven't received my benefit payment. Please check what is going on."),
        ("fr", "Les employés du centre communautaire sont toujours souriants et serviables. Merci à toute l'équipe du programme de camp de jour."),
        ("en", "Street lights on Carling between Woodroffe and Pinecrest have been out for two weeks. It is very dark walking home from the bus stop."),
        ("en", "What a stupid decision to close the only pharmacy counter in the north end."),
        ("fr", "Pourriez-vous traduire les avis de collecte des ordures en arabe et en espagnol ? Beaucoup de nouveaux arrivants dans mon immeuble ne comprennent pas les consignes."),
        ("en", "The new parking app charged me twice for the same session. I have a screenshot of both charges. Who do I contact to get a refund?"),
        ("en", "Dogs off leash at Mooney's Bay beach every morning, despite the signs. Bylaw officers never seem to come before 10."),
        ("fr", "J'habite à Montréal depuis vingt ans et je n'ai jamais vu un service aussi lent. Trois mois pour un permis de rénovation, c'est inacceptable."),
        ("en", "Thanks for extending the library hours during exam season, my kids really appreciated having a quiet place to study in the evenings."),
        ("en", "The consultation document is 140 pages long and only available as a scanned PDF. Screen readers cannot read it. Please publish an accessible version in HTML so that blind residents can take part too. This is not the first time: the transit plan last spring and the budget summary in the fall were also scanned images. Under the accessibility standards the City adopted, public documents should be available in an accessible format on request, but I asked by email two weeks ago and have had no answer. Could the team also hold at least one session by phone? Many of us in the Low Vision Support Group would like to comment but cannot use the online form with its image-based captcha."),
        ("fr", "Le nouveau circuit d'autobus 88 dessert enfin notre secteur. Par contre, les abribus n'ont pas de bancs et les personnes âgées doivent attendre debout, parfois vingt minutes en plein hiver. L'horaire affiché à l'arrêt ne correspond pas à celui de l'application, et l'autobus de 7 h 12 passe souvent en avance, ce qui fait que les élèves le manquent. Pourriez-vous vérifier les temps de parcours et ajouter des bancs et un éclairage aux arrêts Montée-Paiement et Lorrain ? Pour plus d'information, voyez les photos que j'ai publiées sur https://www.facebook.com/groups/quartier-est-gatineau."),
        ("en", "I agree with the comments above. Keep the community garden where it is."),
    ];

    private static readonly string[] BlockedTerms =
    [
        "fuck", "fucks", "fucking", "fucker", "fuckers", "fucked", "fuckface", "fuckhead", "fuck off", "fuck you", "go fuck yourself",
        "motherfucker", "motherfucking", "shut the fuck up", "what the fuck", "cunt", "cunts", "asshole", "arsehole", "dickhead",
        "dickface", "douchebag", "wanker", "twat", "bitch", "son of a bitch", "shithead", "shitface", "cocksucker", "jackass",
        "dumbass", "fatass", "bellend", "knobhead", "tosser", "scumbag", "slut", "whore", "retard", "retarded", "piece of shit",
        "eat shit", "kill yourself", "kys", "die in a fire", "go to hell", "screw you", "up yours", "suck my dick", "blow me",
        "connard", "connards", "connasse", "enculé", "enculés", "enculer", "salope", "salopes", "pute", "putes", "fils de pute",
        "nique ta mère", "nique ta race", "ta gueule", "ferme ta gueule", "pétasse", "trou du cul", "trou de cul", "tabarnak",
        "câlisse", "crisse de cave", "mange de la marde", "va chier", "va te faire foutre", "enfoiré", "enfoirés", "ordure",
        "pauvre con", "sale con", "grosse vache", "suce ma bite", "nègre", "bougnoule", "pédé", "tapette", "gouine", "youpin",
        "bicot", "raton", "chinetoque", "casse-toi", "crève", "buy followers", "cheap viagra", "casino bonus", "crypto giveaway",
        "double your bitcoin", "work from home and earn", "click here to claim", "free gift card", "limited time offer",
    ];

    private static readonly string[] SuspectTerms =
    [
        "shit", "shitty", "bullshit", "horseshit", "crap", "crappy", "damn", "goddamn", "bastard", "bastards", "prick", "ass",
        "arse", "idiot", "idiots", "idiotic", "moron", "morons", "moronic", "stupid", "dumb", "imbecile", "cretin", "loser",
        "losers", "incompetent", "useless", "pathetic", "clown", "clowns", "liar", "liars", "corrupt", "crook", "crooks", "thief",
        "thieves", "scam", "scammers", "fraud", "pig", "pigs", "sucks", "screw", "screwed", "piss", "pissed", "pissed off", "hell",
        "bloody", "bugger", "bollocks", "wtf", "stfu", "lmao", "merde", "putain", "con", "conne", "cul", "salaud", "salauds",
        "bâtard", "bâtards", "crétin", "crétins", "débile", "débiles", "abruti", "abrutis", "imbécile", "imbéciles", "chier",
        "bordel", "foutre", "foutu", "emmerdeur", "emmerdeurs", "emmerder", "chiant", "chiante", "minable",
        "minables", "incompétent", "incompétents", "voleur", "voleurs", "menteur", "menteurs", "escroc", "escrocs", "pourri",
        "pourris", "tabarouette", "calvaire", "ostie", "câlice", "sacrament", "criss", "maudit", "niaiseux", "épais",
    ];

    /// <summary>The term lists of the benchmark: about 200 entries, English and French, as an organisation might keep (after the lists: static fields initialise in order).</summary>
    internal static ScreeningTerms Terms { get; } = new(BlockedTerms, SuspectTerms);
}
