namespace Engagement.Email.Templates;

/// <summary>The emails' words in English and French, in one table so both languages stay complete.</summary>
internal static class EmailTexts
{
    private static readonly Engagement.Core.Common.TextTable Texts = new("email", new Dictionary<string, (string En, string Fr)>(StringComparer.Ordinal)
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

        ["digest-subject"] = ("{0} new items to moderate", "{0} nouveaux éléments à modérer"),
        ["digest-heading"] = ("New items to moderate – {0}", "Nouveaux éléments à modérer – {0}"),
        ["digest-body"] = ("{0} items were held for review between {1} and {2} (UTC). {3} are waiting in all.",
            "{0} éléments ont été retenus pour examen entre {1} et {2} (UTC). {3} attendent en tout."),
        ["digest-link"] = ("Open the moderation queue", "Ouvrir la file de modération"),
        ["digest-why"] = ("You receive this digest as a moderator of {0}.", "Vous recevez ce résumé à titre de modérateur de {0}."),
        ["drift-subject"] = ("Drift alert: {0}", "Alerte de tendance : {0}"),
        ["drift-heading"] = ("A figure moved – {0}", "Un indicateur a bougé – {0}"),
        ["drift-negative-up"] = ("The share of negative feedback on {0} rose from {1} to {2} over the last {3} days ({4} texts, z = {5}).",
            "La part des commentaires négatifs sur {0} est passée de {1} à {2} au cours des {3} derniers jours ({4} textes, z = {5})."),
        ["drift-negative-down"] = ("The share of negative feedback on {0} fell from {1} to {2} over the last {3} days ({4} texts, z = {5}).",
            "La part des commentaires négatifs sur {0} est passée de {1} à {2} au cours des {3} derniers jours ({4} textes, z = {5})."),
        ["drift-volume"] = ("Feedback on {0} went from {1} to {2} a day over the last {3} days ({4} in all, z = {5}).",
            "Les commentaires sur {0} sont passés de {1} à {2} par jour au cours des {3} derniers jours ({4} en tout, z = {5})."),
        ["drift-link"] = ("Open insights", "Ouvrir les analyses"),
        ["drift-why"] = ("You receive this notice as an analyst of {0}.", "Vous recevez cet avis à titre d’analyste de {0}."),
        ["verify-subject"] = ("Your sign-in link", "Votre lien de connexion"),
        ["verify-heading"] = ("Confirm your email address", "Confirmez votre adresse courriel"),
        ["verify-intro"] = ("Someone, hopefully you, asked to confirm this email address to take part in a consultation or survey. Open this link and press the button on the page:",
            "Quelqu’un, sans doute vous, a demandé à confirmer cette adresse courriel pour participer à une consultation ou à un sondage. Ouvrez ce lien et appuyez sur le bouton de la page :"),
        ["verify-link"] = ("Confirm my email address", "Confirmer mon adresse courriel"),
        ["verify-expiry"] = ("The link works once, for {0} minutes. If it has expired, you can ask for a new one from the page it opens.",
            "Le lien fonctionne une seule fois, pendant {0} minutes. S’il a expiré, vous pouvez en demander un nouveau depuis la page qu’il ouvre."),
        ["verify-not-you"] = ("If you did not ask for this, ignore this email: nothing happens unless the link is used.",
            "Si vous n’avez rien demandé, ne tenez pas compte de ce courriel : rien ne se passe si le lien n’est pas utilisé."),
        ["verify-why"] = ("You receive this email because this address was entered to sign in. If someone else keeps entering it, unsubscribe to receive no more sign-in links.",
            "Vous recevez ce courriel parce que cette adresse a été saisie pour se connecter. Si quelqu’un d’autre la saisit sans cesse, désabonnez-vous pour ne plus recevoir de liens de connexion."),
    });

    /// <summary>The text in the language ("fr", else English).</summary>
    public static string Get(string name, string language) => Texts.Get(name, language);

    /// <summary>The text with its placeholders filled.</summary>
    public static string Format(string name, string language, params object?[] values) => Texts.Format(name, language, values);

    /// <summary>Every text's name, so a test can check each has both languages.</summary>
    public static IEnumerable<(string Name, string En, string Fr)> All => Texts.All;
}
