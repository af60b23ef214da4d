namespace Engagement.Insights.Sentiment;

/// <summary>
/// Tells English from French, and both from other languages, by their most common words. A text with no common word
/// of any language (a single word, a list of place names) counts as readable: the model reads both languages.
/// </summary>
internal static class TextLanguage
{
    public const string English = "en";
    public const string French = "fr";
    public const string Undetermined = "und";

    private static readonly HashSet<string> EnglishWords = Set(
        "the a an and or but is are was were be been being i you he she it we they my your our their this that these those to of in on for with at by from " +
        "not no have has had do does did will would can could should there here what when where why how very too so just all me us them if than then " +
        "about get got it's i'm don't didn't can't won't isn't wasn't dont didnt cant wont isnt im ive i've thanks thank please");

    private static readonly HashSet<string> FrenchWords = Set(
        "le la les un une des du de et ou mais est sont était etait été ete être etre je tu il elle on nous vous ils elles mon ma mes ton ta votre vos notre " +
        "nos leur leurs ce cette ces ça ca sa son ses à au aux en dans pour avec sur par pas ne plus très tres que qui quoi quand où pourquoi comment " +
        "j'ai c'est c'était l'a d'un d'une n'est qu'il y ai avons avez ont fait bien tout tous aussi encore moi merci svp jai cest chu pis");

    // Other languages a Canadian public service hears, so their texts are not forced into English or French.
    private static readonly HashSet<string>[] OtherWords =
    [
        Set("el los las y que es por para con una muy pero está esta estoy servicio gracias hola del al lo mi su fue son"),
        Set("der die das und ist nicht ich sie es mit für auf ein eine sehr aber war wir sind zu den dem nur auch"),
        Set("il lo gli è e che non per con una sono molto ma della del grazie questo servizio mi"),
        Set("o os as é e que não nao para com uma muito mas está obrigado um em meu foi"),
    ];

    /// <summary>"en", "fr", "und" when no language's common words appear, or null when another language's do more.</summary>
    public static string? Detect(IReadOnlyList<string> words, string text)
    {
        if (LooksNonLatin(text))
            return null;
        double english = 0, french = 0, other = 0;
        foreach (var word in words)
        {
            if (EnglishWords.Contains(word))
                english++;
            if (FrenchWords.Contains(word))
                french++;
            if (word.Any(c => c is 'é' or 'è' or 'ê' or 'à' or 'ç' or 'ù' or 'â' or 'î' or 'ô' or 'û'))
                french += 0.5;
        }
        foreach (var language in OtherWords)
            other = Math.Max(other, words.Count(language.Contains));
        if (other > Math.Max(english, french) && other >= 2)
            return null;
        if (english == 0 && french == 0)
            return Undetermined;
        return french > english ? French : English;
    }

    // Cyrillic, Greek, Arabic, Hebrew, CJK and other scripts are outside both languages the model reads.
    private static bool LooksNonLatin(string text)
    {
        int latin = 0, nonLatin = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
                continue;
            if (c < 0x250 || c is >= '\u1E00' and <= '\u1EFF')
                latin++;
            else
                nonLatin++;
        }
        return nonLatin > latin;
    }

    private static HashSet<string> Set(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
