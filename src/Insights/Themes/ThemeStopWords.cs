using Engagement.Insights.Sentiment;

namespace Engagement.Insights.Themes;

/// <summary>
/// Words that never name a theme: function words, politeness and filler, and bare judgements (sentiment is scored
/// separately; a theme says what people write about, not how they feel). Written with accents for reading; compared
/// accent-folded, as theme terms are.
/// </summary>
internal static class ThemeStopWords
{
    private const string EnglishWords =
        // Function words.
        "a about above across after afterwards again against all almost alone along already also although always am among amongst an and another " +
        "any anybody anyhow anyone anything anyway anyways anywhere are aren't around as at away back be became because become becomes becoming been " +
        "before beforehand behind being below beside besides between beyond both but by can can't cannot cant could couldn't couldnt did didn't didnt " +
        "do does doesn't doesnt doing don't dont done down during each either else elsewhere enough etc even ever every everybody everyone everything " +
        "everywhere except few for former formerly from further furthermore had hadn't has hasn't hasnt have haven't havent having he he'd he'll he's " +
        "hence her here here's hers herself him himself his how however i i'd i'll i'm i've id ill im ive if in indeed instead into is isn't isnt it " +
        "it'd it'll it's its itself just least less let let's lets many may maybe me meanwhile might mine more moreover most mostly much must mustn't " +
        "my myself neither never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one ones only onto or other " +
        "others otherwise ought our ours ourselves out over own per perhaps quite rather same several shall she she'd she'll she's should shouldn't " +
        "since so some somebody somehow someone something sometime sometimes somewhat somewhere still such than that that's thats the their theirs them " +
        "themselves then thence there there's therefore these they they'd they'll they're they've thing things this those though through throughout thru " +
        "thus to together too toward towards under unless until up upon us very via was wasn't wasnt we we'd we'll we're we've were weren't what " +
        "what's whatever when whenever where where's whereas wherever whether which while who who's whoever whole whom whose why will with within " +
        "without won't wont would wouldn't wouldnt yet you you'd you'll you're you've your yours yourself yourselves " +
        // Everyday verbs and time words that say nothing about the topic.
        "get gets getting got gotten go goes going gone went make makes making made take takes taking took say says said see seen saw know knew " +
        "think thought want wanted need needs needed try tried use used come came give gave keep kept put tell told ask asked seem seems " +
        "today yesterday tomorrow tonight " +
        // Politeness, filler and bare judgements.
        "service services please pls plz thanks thank thx ty hello hi hey dear ok okay yes yeah yep nope no lol wow oh ah um well really actually " +
        "basically literally like lot lots bit kind sort way ways also good great bad nice fine best better worse worst amazing awesome excellent " +
        "terrible horrible awful poor love loved hate hated happy unhappy sad glad sorry appreciate appreciated guys everyone anyone people " +
        "satisfied dissatisfied perfect useless pointless ridiculous joke star stars min mins hr hrs meh alright average lovely helpful unhelpful " +
        "experience opinion fast quick quickly slow slowly easy simple two three four five six seven eight nine ten first second third";

    private const string FrenchWords =
        // Mots outils.
        "a à afin ai aie aient ainsi alors as au aucun aucune auquel aussi autre autres aux auxquels avaient avais avait avant avec avez aviez avions " +
        "avoir avons ayant c ça ca car ce ceci cela celle celles celui cependant certain certaine certaines certains ces cet cette ceux chacun chacune " +
        "chaque chez ci comme comment d dans de depuis des desquels dessous dessus doit doivent donc dont du duquel elle elles en encore entre es est et " +
        "étaient étais était étant été être êtes etc eu eux fait faire fais faisait font fut j je jusqu l la là laquelle le lequel les lesquels leur " +
        "leurs lors lorsque lui il ils devant derrière m ma mais me même mêmes mes moi moins mon n ne ni non nos notre nôtre nous on ont or où ou par parce parmi pas peu peut " +
        "peuvent peux plupart plus plusieurs pour pourquoi pourtant qu quand que quel quelle quelles quels qui quoi s sa sans se selon ses si sien " +
        "soi soit sommes son sont sous suis sur t ta tandis te tel telle telles tels tes toi ton tous tout toute toutes très tres trop tu un une unes " +
        "uns va vais vers voici voilà vont vos votre vôtre vous y aujourd'hui " +
        // Verbes et mots de temps qui ne disent rien du sujet.
        "aller allé allée allez avoir eu dit dire dis fait faits faut falloir pouvoir pu voir vu vois voulu veux veut vouloir mettre mis prendre pris " +
        "donner donné savoir sais sait demander demandé essayer essayé jamais toujours déjà bientôt souvent maintenant hier demain fois " +
        "serait seraient pourrait pourraient devrait devraient faudrait aurait auraient voudrais voudrait aimerais peut-être " +
        // Politesse, remplissage et jugements nus.
        "service services merci svp stp bonjour bonsoir salut allo allô oui ok okay ouais bon bonne bons bonnes bien mal super génial excellent " +
        "mauvais mauvaise nul nulle pire meilleur meilleure parfait parfaite correct correcte impeccable satisfait satisfaite top cool " +
        "vraiment juste genre chose choses truc trucs rien personne quelqu'un quelque quelques beaucoup tellement " +
        "aimer aime adore déteste content contente contents heureux heureuse désolé désolée svp gens monde rapide rapidement efficace agréable " +
        "franchement moyen lent lente lents facile simple vite deux trois quatre cinq six sept huit neuf dix premier première deuxième " +
        // Québec speech.
        "pis ben pantoute gang faque fak tsé mettons icitte full mieux étoile étoiles";

    // The two languages mix in one country, so each list also holds the other's words, except the few French function
    // words that are English content words ("car", "son"). Time words ("hours", "délais") stay: opening hours are a topic.
    private static readonly HashSet<string> English = Build(EnglishWords + " " + FrenchWords, keep: ["car", "son"]);
    private static readonly HashSet<string> French = Build(FrenchWords + " " + EnglishWords, keep: []);

    /// <summary>The stop words of a language ("fr" or any other, read as English), accent-folded and lower case.</summary>
    public static IReadOnlySet<string> For(string language) => language == TextLanguage.French ? French : English;

    private static HashSet<string> Build(string words, string[] keep)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            set.Add(Tokens.Fold(word.Replace('’', '\'')));
        set.ExceptWith(keep);
        return set;
    }
}
