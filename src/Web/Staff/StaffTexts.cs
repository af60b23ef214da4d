namespace Engagement.Web.Staff;

/// <summary>
/// The staff workspace's shared words (frame, sign-in, navigation, moderation) in English and French. Each workspace area
/// with many words of its own keeps them in its own table beside its pages, through the same <see cref="Engagement.Core.Common.TextTable"/>.
/// </summary>
public static class StaffTexts
{
    private static readonly Engagement.Core.Common.TextTable Texts = new("staff", new Dictionary<string, (string En, string Fr)>(StringComparer.Ordinal)
    {
        ["errors"] = ("There is a problem", "Il y a un problème"),
        ["workspace"] = ("Staff workspace", "Espace du personnel"),
        ["nav-label"] = ("Staff workspace", "Espace du personnel"),
        ["nav-moderation"] = ("Moderation", "Modération"),
        ["nav-insights"] = ("Insights", "Analyses"),
        ["nav-backlog"] = ("Backlog", "Carnet d’améliorations"),
        ["nav-consultations"] = ("Consultations and surveys", "Consultations et sondages"),
        ["nav-services"] = ("Services and widgets", "Services et widgets"),
        ["nav-people"] = ("Staff and API tokens", "Personnel et jetons d’API"),
        ["organisation"] = ("Organisation", "Organisation"),
        ["switch-organisation"] = ("Show", "Afficher"),
        ["signed-in-as"] = ("Signed in as {0}", "Connecté en tant que {0}"),
        ["sign-out"] = ("Sign out", "Se déconnecter"),
        ["signed-out"] = ("You are signed out.", "Vous êtes déconnecté."),
        ["staff-sign-in"] = ("Staff sign-in", "Connexion du personnel"),
        ["staff-email"] = ("Email address", "Adresse courriel"),
        ["staff-password"] = ("Password", "Mot de passe"),
        ["staff-submit"] = ("Sign in", "Se connecter"),
        ["staff-bad-credentials"] = ("That email and password do not match an account, or the account is locked for a while. Check them and try again.",
            "Ce courriel et ce mot de passe ne correspondent à aucun compte, ou le compte est verrouillé pour un moment. Vérifiez-les et réessayez."),
        ["queue-title"] = ("Moderation queue", "File de modération"),
        ["queue-empty"] = ("Nothing is waiting for a moderator.", "Rien n’attend un modérateur."),
        ["queue-why"] = ("Why it was held", "Pourquoi il a été retenu"),
        ["queue-waiting"] = ("Held since {0}", "Retenu depuis le {0}"),
        ["approve"] = ("Approve and publish", "Approuver et publier"),
        ["reject"] = ("Reject", "Rejeter"),
        ["reject-reason"] = ("Reason shown to the author", "Motif montré à l’auteur"),
        ["decided-Approve"] = ("Approved: the text is published.", "Approuvé : le texte est publié."),
        ["decided-Reject"] = ("Rejected: the author is shown your reason.", "Rejeté : l’auteur voit votre motif."),
        ["decide-failed"] = ("That decision could not be made: another moderator may have it, or a reason is missing.",
            "Cette décision n’a pas pu être prise : un autre modérateur l’a peut-être, ou un motif manque."),
        ["kind-Comment"] = ("Comment", "Commentaire"),
        ["kind-Reply"] = ("Reply", "Réponse"),
        ["kind-RatingComment"] = ("Rating comment", "Commentaire d’évaluation"),
        ["kind-SurveyAnswer"] = ("Survey answer", "Réponse à un sondage"),
    });

    /// <summary>The text in the language ("fr", else English).</summary>
    public static string Get(string name, string language) => Texts.Get(name, language);

    /// <summary>The text with its placeholders filled.</summary>
    public static string Format(string name, string language, params object?[] values) => Texts.Format(name, language, values);

    /// <summary>Every text's name, so a test can check each has both languages.</summary>
    public static IEnumerable<(string Name, string En, string Fr)> All => Texts.All;
}
