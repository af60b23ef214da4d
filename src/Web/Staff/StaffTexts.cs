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
        ["error-form"] = ("The form could not be read. Reload the page and try again.", "Le formulaire n’a pas pu être lu. Rechargez la page et réessayez."),
        ["queue-title"] = ("Moderation queue", "File de modération"),
        ["queue-empty"] = ("Nothing is waiting for a moderator.", "Rien n’attend un modérateur."),
        ["queue-why"] = ("Why it is here:", "Pourquoi il est ici :"),
        ["reported"] = ("Reported by {0} citizen(s): {1}", "Signalé par {0} citoyen(s) : {1}"),
        ["report-spam"] = ("spam or advertising", "pourriel ou publicité"),
        ["report-offensive"] = ("offensive or abusive", "offensant ou injurieux"),
        ["report-personal_information"] = ("gives away personal information", "divulgue des renseignements personnels"),
        ["report-off_topic"] = ("off topic", "hors sujet"),
        ["queue-pending"] = ("{0} waiting", "{0} en attente"),
        ["queue-news"] = ("The queue has changed: {0} waiting now.", "La file a changé : {0} en attente maintenant."),
        ["queue-reload"] = ("Show the queue as it is now", "Afficher la file telle qu’elle est maintenant"),
        ["shortcuts"] = ("Keyboard shortcuts", "Raccourcis clavier"),
        ["shortcuts-intro"] = ("They work while an item or one of its buttons has focus, and never while you type in a field.",
            "Ils fonctionnent lorsqu’un élément ou l’un de ses boutons a le focus, et jamais pendant que vous tapez dans un champ."),
        ["shortcut-move"] = ("Next or previous item", "Élément suivant ou précédent"),
        ["shortcut-claim"] = ("Claim the item", "Prendre l’élément"),
        ["shortcut-approve"] = ("Approve and publish the item you hold", "Approuver et publier l’élément que vous tenez"),
        ["shortcut-reject"] = ("Open the reject form of the item you hold", "Ouvrir le formulaire de rejet de l’élément que vous tenez"),
        ["shortcut-select"] = ("Select or unselect the item for the action on selected items", "Sélectionner ou désélectionner l’élément pour l’action sur la sélection"),
        ["bulk-legend"] = ("Decide the selected items", "Décider les éléments sélectionnés"),
        ["bulk-reason"] = ("Reason shown to the authors (needed to reject)", "Motif montré aux auteurs (nécessaire pour rejeter)"),
        ["bulk-apply"] = ("Apply to selected items", "Appliquer aux éléments sélectionnés"),
        ["bulk-done"] = ("{0} decided.", "{0} décidé(s)."),
        ["bulk-partly"] = ("{0} decided; {1} could not be (someone else holds them, or they were already decided) and are still in the queue.",
            "{0} décidé(s); {1} n’ont pas pu l’être (quelqu’un d’autre les tient, ou ils étaient déjà décidés) et restent dans la file."),
        ["escalated-title"] = ("Escalated to admins", "Transmis aux administrateurs"),
        ["select-item"] = ("Select this item", "Sélectionner cet élément"),
        ["masked-count"] = ("{0} piece(s) of personal information masked, marked in the text.", "{0} renseignement(s) personnel(s) masqué(s), signalé(s) dans le texte."),
        ["free"] = ("waiting for a moderator", "attend un modérateur"),
        ["escalated-free"] = ("escalated, waiting for an admin", "transmis, attend un administrateur"),
        ["claimed-mine"] = ("you hold it until {0}", "vous le tenez jusqu’à {0}"),
        ["claimed-other"] = ("{0} is reviewing it", "{0} l’examine"),
        ["claim"] = ("Claim", "Prendre"),
        ["release"] = ("Give back", "Rendre"),
        ["redact"] = ("Redact and approve", "Caviarder et approuver"),
        ["redact-label"] = ("The text as it will be published (the original is kept nowhere)", "Le texte tel qu’il sera publié (l’original n’est conservé nulle part)"),
        ["redact-submit"] = ("Publish this text", "Publier ce texte"),
        ["escalate"] = ("Escalate to an admin", "Transmettre à un administrateur"),
        ["escalate-note"] = ("Note for the admin (optional)", "Note pour l’administrateur (facultatif)"),
        ["claimed-notice"] = ("You hold this item for 10 minutes.", "Vous tenez cet élément pendant 10 minutes."),
        ["released-notice"] = ("The item is back in the queue.", "L’élément est de retour dans la file."),
        ["decided-RedactAndApprove"] = ("Redacted and approved: your text is published.", "Caviardé et approuvé : votre texte est publié."),
        ["decided-Escalate"] = ("Escalated: an admin will decide it.", "Transmis : un administrateur le décidera."),
        ["error-claimed"] = ("Someone else holds this item or changed it at the same moment. The queue below is as it is now.",
            "Quelqu’un d’autre tient cet élément ou l’a modifié au même moment. La file ci-dessous est à jour."),
        ["error-claim-first"] = ("Claim the item before deciding it. A claim lapses after 10 minutes.", "Prenez l’élément avant de le décider. Une prise expire après 10 minutes."),
        ["error-reason"] = ("Write the reason the author will be shown.", "Écrivez le motif que verra l’auteur."),
        ["error-redaction"] = ("Write the text as it should be published, in at most 5,000 characters.", "Écrivez le texte tel qu’il doit être publié, en au plus 5 000 caractères."),
        ["error-gone"] = ("This item is no longer in the queue: it was decided already.", "Cet élément n’est plus dans la file : il a déjà été décidé."),
        ["error-select"] = ("Select between 1 and 100 items, then choose what to do with them.", "Sélectionnez de 1 à 100 éléments, puis choisissez quoi en faire."),
        ["queue-waiting"] = ("Held since {0}", "Retenu depuis le {0}"),
        ["approve"] = ("Approve and publish", "Approuver et publier"),
        ["reject"] = ("Reject", "Rejeter"),
        ["reject-reason"] = ("Reason shown to the author", "Motif montré à l’auteur"),
        ["decided-Approve"] = ("Approved: the text is published.", "Approuvé : le texte est publié."),
        ["decided-Reject"] = ("Rejected: the author is shown your reason.", "Rejeté : l’auteur voit votre motif."),
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
