using System.Globalization;

namespace Engagement.Email.Templates;

/// <summary>The emails' words in English and French, in one table so both languages stay complete.</summary>
internal static class EmailTexts
{
    private static readonly Dictionary<string, (string En, string Fr)> Texts = new(StringComparer.Ordinal)
    {
        ["unsubscribe"] = ("Unsubscribe from these emails", "Se désabonner de ces courriels"),

        ["shipped-subject"] = ("You said, we did: {0}", "Vous avez dit, nous avons fait : {0}"),
        ["shipped-heading"] = ("Your feedback led to a change", "Vos commentaires ont mené à un changement"),
        ["shipped-intro"] = ("You gave us feedback and asked to hear what came of it. Feedback like yours led to this improvement:",
            "Vous nous avez fait part de vos commentaires et avez demandé à savoir ce qu’il en est advenu. Des commentaires comme les vôtres ont mené à cette amélioration :"),
        ["shipped-intro-about"] = ("You gave us feedback about {0} and asked to hear what came of it. Feedback like yours led to this improvement:",
            "Vous nous avez fait part de vos commentaires sur {0} et avez demandé à savoir ce qu’il en est advenu. Des commentaires comme les vôtres ont mené à cette amélioration :"),
        ["shipped-what"] = ("What we did:", "Ce que nous avons fait :"),
        ["shipped-page"] = ("See what changed", "Voir ce qui a changé"),
        ["shipped-why"] = ("You receive this email because you left this address with your feedback. We have now deleted it from our records.",
            "Vous recevez ce courriel parce que vous avez laissé cette adresse avec vos commentaires. Nous l’avons maintenant supprimée de nos dossiers."),
    };

    /// <summary>The text in the language ("fr", else English).</summary>
    public static string Get(string name, string language) =>
        Texts.TryGetValue(name, out var t) ? (language == "fr" ? t.Fr : t.En) : throw new ArgumentException($"No email text '{name}'.", nameof(name));

    /// <summary>The text with its placeholders filled.</summary>
    public static string Format(string name, string language, params object?[] values) =>
        string.Format(CultureInfo.InvariantCulture, Get(name, language), values);

    /// <summary>Every text's name, so a test can check each has both languages.</summary>
    public static IEnumerable<(string Name, string En, string Fr)> All => Texts.Select(t => (t.Key, t.Value.En, t.Value.Fr));
}
