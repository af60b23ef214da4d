using Engagement.Insights.Themes;

namespace Engagement.Insights.Tests.Themes;

/// <summary>Hand-written feedback on clearly different topics, labelled with the topic each text is about.</summary>
internal static class ThemeFixture
{
    public const string Snow = "snow";
    public const string Passports = "passports";
    public const string Library = "library";
    public const string Garbage = "ordures";
    public const string SnowFr = "deneigement";

    public static IReadOnlyList<(string Topic, string Text)> English { get; } =
    [
        (Snow, "Our street still hasn't been plowed two days after the storm."),
        (Snow, "The snow plow left a huge ridge of snow at the end of my driveway again."),
        (Snow, "Snow removal on the side streets is always last, we were stuck for three days."),
        (Snow, "Sidewalks on Elm Avenue are covered in ice, nobody cleared the snow."),
        (Snow, "Why does the plow come at 3 am and bury the cars we just shoveled out?"),
        (Snow, "Snow clearing crews did a fantastic job on the main roads this winter."),
        (Snow, "Please salt the sidewalks near the school, kids keep slipping on the ice."),
        (Snow, "The snowbanks at intersections are so high drivers can't see pedestrians."),
        (Snow, "Residential streets need to be plowed sooner after a big snowfall."),
        (Snow, "I pay taxes and my street is the last one cleared of snow every single storm."),
        (Snow, "Thank you to the plow operators working through the night during the blizzard."),
        (Snow, "The snow removal schedule online is never accurate for our neighbourhood."),
        (Snow, "Icy sidewalks downtown, no salt or sand anywhere, my mother fell."),
        (Snow, "Could the city clear snow from bus stops? People wait in knee-deep snow."),
        (Snow, "Plows pushed all the snow onto the bike lane and it stayed there for weeks."),
        (Snow, "After the storm the snow plow never came down Birch Crescent."),
        (Snow, "Snow clearing on sidewalks is much better than last winter, well done."),
        (Snow, "The windrow left by the plow blocks my driveway every morning."),
        (Snow, "Ice on the sidewalk in front of city hall, someone will get hurt."),
        (Snow, "When will our street be plowed? The snow is almost a foot deep."),

        (Passports, "Waited four hours at the passport office just to drop off my application."),
        (Passports, "My passport renewal has been processing for eight weeks, I travel next month."),
        (Passports, "The passport office line was out the door at 7 am."),
        (Passports, "Could you open more passport counters? The wait times are unacceptable."),
        (Passports, "Applied for my son's passport in March and still no news."),
        (Passports, "The passport application form is confusing about which guarantor is allowed."),
        (Passports, "Staff at the passport office were kind, but the waiting room was packed."),
        (Passports, "Online passport renewal would save everyone hours of waiting in line."),
        (Passports, "I called the passport line twenty times and never got through to an agent."),
        (Passports, "Got my passport in ten business days, faster than expected."),
        (Passports, "The passport office closes at 3 pm, impossible for people who work."),
        (Passports, "Urgent passport service cost me an extra fee and a full day off work."),
        (Passports, "Long waiting times at the passport office, bring a book and a snack."),
        (Passports, "Why does a simple passport renewal require an appointment weeks in advance?"),
        (Passports, "The queue at the passport counter barely moved in two hours."),
        (Passports, "Passport photos were rejected twice for tiny shadows, very frustrating."),
        (Passports, "No appointments available at any passport office within 200 km."),
        (Passports, "My passport application was returned because of a missing signature."),
        (Passports, "The passport processing times on the website are not realistic."),
        (Passports, "Tracking my passport application online shows no update for a month."),

        (Library, "The library should open earlier on weekends, 1 pm is too late."),
        (Library, "Please extend the library opening hours in the evening for students."),
        (Library, "The branch library closes at 5 pm, I can never get there after work."),
        (Library, "Love the new library but it's closed on Sundays when families are free."),
        (Library, "Library hours were cut again this year, the reading room is always full."),
        (Library, "Could the library stay open until 9 pm during exam season?"),
        (Library, "The Westside library is closed Mondays and Tuesdays, that's half the week."),
        (Library, "Opening hours at the central library changed without any notice."),
        (Library, "The library's summer hours make it impossible to borrow books after work."),
        (Library, "My kids love story time at the library but it is only on weekday mornings."),
        (Library, "Longer library hours on Saturday would help a lot of students."),
        (Library, "The library opening hours posted on the door don't match the website."),
        (Library, "Keep the library open late on Thursdays, the study rooms are always booked."),
        (Library, "Public library hours are shorter than in any city nearby."),
        (Library, "The library closes too early, I arrive at 6 and the doors are locked."),
        (Library, "Please open the branch library on Sunday afternoons."),
        (Library, "Reduced library hours hurt people who rely on the free computers."),
        (Library, "Our neighbourhood library is only open three days a week now."),
        (Library, "The library opening at 10 am is too late for seniors who come early."),
        (Library, "Can the library return desk stay open on evenings and weekends?"),
    ];

    public static IReadOnlyList<(string Topic, string Text)> French { get; } =
    [
        (Garbage, "La collecte des ordures n'est pas passée dans notre rue cette semaine."),
        (Garbage, "Les bacs de recyclage débordent, le camion n'est pas venu depuis deux semaines."),
        (Garbage, "Le camion à ordures laisse tomber des déchets partout dans la ruelle."),
        (Garbage, "Pourquoi la collecte des déchets a-t-elle lieu à 5 h du matin? Le bruit réveille tout le monde."),
        (Garbage, "Mon bac à compost n'a pas été vidé depuis un mois."),
        (Garbage, "Le calendrier de collecte des ordures a changé sans avis aux citoyens."),
        (Garbage, "Les éboueurs ont oublié notre bac de recyclage encore une fois."),
        (Garbage, "Les sacs d'ordures s'accumulent devant l'immeuble, ça attire les rats."),
        (Garbage, "Merci aux éboueurs, la collecte des déchets est toujours ponctuelle."),
        (Garbage, "Le bac de recyclage a été brisé par le camion de collecte, qui va le remplacer?"),

        (SnowFr, "Le déneigement de notre rue a pris trois jours après la tempête."),
        (SnowFr, "La souffleuse a laissé un banc de neige énorme devant mon entrée."),
        (SnowFr, "Les trottoirs sont glacés, aucun épandage d'abrasif depuis la dernière chute de neige."),
        (SnowFr, "Le déneigement des trottoirs près de l'école est vraiment trop lent."),
        (SnowFr, "Les opérations de déneigement bloquent ma voiture chaque nuit de tempête."),
        (SnowFr, "La chenillette n'a jamais déneigé le trottoir de la rue Principale."),
        (SnowFr, "Bravo aux équipes de déneigement, les rues étaient dégagées dès le matin."),
        (SnowFr, "Il faudrait mieux annoncer le chargement de la neige dans le quartier."),
        (SnowFr, "Après chaque tempête de neige, notre rue est la dernière déneigée du quartier."),
        (SnowFr, "La déneigeuse est passée à 4 h du matin et a enterré les voitures stationnées dans la rue."),
    ];

    public static IReadOnlyList<ThemeInput> Inputs { get; } =
    [
        .. English.Select((t, i) => new ThemeInput($"en-{t.Topic}-{i:D2}", t.Text, "en")),
        .. French.Select((t, i) => new ThemeInput($"fr-{t.Topic}-{i:D2}", t.Text, "fr")),
    ];

    public static string TopicOf(string textId) => textId.Split('-')[1];
}
