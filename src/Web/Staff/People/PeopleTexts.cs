namespace Engagement.Web.Staff.People;

/// <summary>The words of the workspace's staff and API tokens pages, in English and French.</summary>
public static class PeopleTexts
{
    private static readonly Engagement.Core.Common.TextTable Texts = new("people", new Dictionary<string, (string En, string Fr)>(StringComparer.Ordinal)
    {
        ["people-title"] = ("Staff and API tokens", "Personnel et jetons d’API"),
        ["staff-title"] = ("Staff members", "Membres du personnel"),
        ["staff-caption"] = ("Staff members and their role in this organisation", "Membres du personnel et leur rôle dans cette organisation"),
        ["col-name"] = ("Name", "Nom"),
        ["col-email"] = ("Email address", "Adresse courriel"),
        ["col-role"] = ("Role", "Rôle"),
        ["col-status"] = ("Status", "État"),
        ["member-active"] = ("Active", "Actif"),
        ["member-disabled"] = ("Disabled", "Désactivé"),
        ["role-Citizen"] = ("Citizen", "Citoyen"),
        ["role-Moderator"] = ("Moderator", "Modérateur"),
        ["role-Analyst"] = ("Analyst", "Analyste"),
        ["role-Admin"] = ("Administrator", "Administrateur"),
        ["role-hint-Citizen"] = ("Takes part as citizens do, for an integrator’s own forms.", "Participe comme le font les citoyens, pour les formulaires d’un intégrateur."),
        ["role-hint-Moderator"] = ("Works the moderation queue.", "Traite la file de modération."),
        ["role-hint-Analyst"] = ("Runs consultations, surveys, insights and the backlog.", "Gère les consultations, les sondages, les analyses et le carnet d’améliorations."),
        ["role-hint-Admin"] = ("Everything, including services, staff and API tokens.", "Tout, y compris les services, le personnel et les jetons d’API."),
        ["add-staff"] = ("Add a staff member", "Ajouter un membre du personnel"),
        ["email-label"] = ("Email address", "Adresse courriel"),
        ["display-name-label"] = ("Name shown to colleagues", "Nom affiché aux collègues"),
        ["staff-role-legend"] = ("Role in this organisation", "Rôle dans cette organisation"),
        ["add-staff-button"] = ("Add the staff member", "Ajouter le membre du personnel"),
        ["add-staff-hint"] = ("A password is generated and shown to you once, to hand to the person.",
            "Un mot de passe est généré et vous est montré une seule fois, pour le remettre à la personne."),
        ["error-email"] = ("Give an email address such as name@example.org.", "Inscrivez une adresse courriel comme nom@exemple.org."),
        ["error-email-taken"] = ("A staff member already uses this email address.", "Un membre du personnel utilise déjà cette adresse courriel."),
        ["error-display-name"] = ("Give a name of at most 200 characters.", "Inscrivez un nom de 200 caractères au plus."),
        ["error-role"] = ("Choose a role.", "Choisissez un rôle."),
        ["error-form"] = ("The form could not be read. Reload the page and try again.", "Le formulaire n’a pas pu être lu. Rechargez la page et réessayez."),
        ["staff-added"] = ("Account added for {0} ({1}).", "Compte ajouté pour {0} ({1})."),
        ["password-once-title"] = ("Their password, shown only now", "Son mot de passe, affiché maintenant seulement"),
        ["password-once"] = ("Copy this password now and give it to the person by a safe route: it is not shown again, and only a hash of it is kept.",
            "Copiez ce mot de passe maintenant et remettez-le à la personne par un moyen sûr : il ne sera plus affiché, et seule une empreinte en est conservée."),
        ["password-label"] = ("Password", "Mot de passe"),
        ["tokens-title"] = ("API tokens", "Jetons d’API"),
        ["tokens-caption"] = ("The organisation’s API tokens", "Les jetons d’API de l’organisation"),
        ["tokens-none"] = ("This organisation has no API tokens.", "Cette organisation n’a aucun jeton d’API."),
        ["col-prefix"] = ("Starts with", "Commence par"),
        ["col-created"] = ("Created", "Créé le"),
        ["col-action"] = ("Action", "Action"),
        ["token-active"] = ("Active", "Actif"),
        ["token-expired"] = ("Expired", "Expiré"),
        ["token-revoked"] = ("Revoked on {0}", "Révoqué le {0}"),
        ["revoke-link"] = ("Revoke “{0}”", "Révoquer « {0} »"),
        ["create-token"] = ("Create an API token", "Créer un jeton d’API"),
        ["token-name-label"] = ("Name: what the token is for", "Nom : à quoi sert le jeton"),
        ["token-role-legend"] = ("What the token may do", "Ce que le jeton peut faire"),
        ["create-token-button"] = ("Create the token", "Créer le jeton"),
        ["error-token-name"] = ("Give a name of at most 200 characters.", "Inscrivez un nom de 200 caractères au plus."),
        ["token-created"] = ("The API token “{0}” was created.", "Le jeton d’API « {0} » a été créé."),
        ["secret-once-title"] = ("The token’s secret, shown only now", "Le secret du jeton, affiché maintenant seulement"),
        ["secret-once"] = ("Copy it now and keep it somewhere safe: it is not shown again and cannot be recovered. Integrations send it in the header “Authorization: Bearer …”.",
            "Copiez-le maintenant et gardez-le en lieu sûr : il ne sera plus affiché et ne peut pas être récupéré. Les intégrations l’envoient dans l’en-tête « Authorization: Bearer … »."),
        ["secret-label"] = ("Secret", "Secret"),
        ["revoke-title"] = ("Revoke the API token “{0}”", "Révocation du jeton d’API « {0} »"),
        ["revoke-warning"] = ("Every integration that uses this token stops working at once. This cannot be undone.",
            "Toutes les intégrations qui utilisent ce jeton cessent de fonctionner immédiatement. Cette action est irréversible."),
        ["revoke-confirm"] = ("Yes, revoke the token", "Oui, révoquer le jeton"),
        ["revoke-cancel"] = ("No, keep it", "Non, le garder"),
        ["done-revoked"] = ("The API token was revoked.", "Le jeton d’API a été révoqué."),
    });

    /// <summary>The text in the language ("fr", else English).</summary>
    public static string Get(string name, string language) => Texts.Get(name, language);

    /// <summary>The text with its placeholders filled.</summary>
    public static string Format(string name, string language, params object?[] values) => Texts.Format(name, language, values);

    /// <summary>Every text's name, so a test can check each has both languages.</summary>
    public static IEnumerable<(string Name, string En, string Fr)> All => Texts.All;
}
