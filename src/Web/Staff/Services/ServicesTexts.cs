namespace Engagement.Web.Staff.Services;

/// <summary>The words of the workspace's services and widget keys pages, in English and French.</summary>
public static class ServicesTexts
{
    private static readonly Engagement.Core.Common.TextTable Texts = new("services", new Dictionary<string, (string En, string Fr)>(StringComparer.Ordinal)
    {
        ["services-title"] = ("Services and widgets", "Services et widgets"),
        ["services-none"] = ("This organisation has no services yet.", "Cette organisation n’a encore aucun service."),
        ["services-caption"] = ("The organisation’s services", "Les services de l’organisation"),
        ["col-name"] = ("Name", "Nom"),
        ["col-slug"] = ("Identifier", "Identifiant"),
        ["col-keys"] = ("Widget keys", "Clés de widget"),
        ["col-public"] = ("Public page", "Page publique"),
        ["keys-count"] = ("Enabled: {0} of {1}", "Activées : {0} sur {1}"),
        ["public-link"] = ("Public page of {0}", "Page publique de {0}"),
        ["all-services"] = ("All services", "Tous les services"),
        ["add-service"] = ("Add a service", "Ajouter un service"),
        ["slug-label"] = ("Identifier (slug)", "Identifiant (slug)"),
        ["slug-hint"] = ("Lowercase letters, digits and hyphens, as in passport-renewal. It appears in addresses and cannot be changed later.",
            "Lettres minuscules, chiffres et traits d’union, comme renouvellement-passeport. Il paraît dans les adresses et ne peut pas être changé ensuite."),
        ["name-en"] = ("Name in English", "Nom en anglais"),
        ["name-fr"] = ("Name in French", "Nom en français"),
        ["name-other"] = ("Name ({0})", "Nom ({0})"),
        ["create-service"] = ("Add the service", "Ajouter le service"),
        ["edit-service"] = ("Name of the service", "Nom du service"),
        ["save-service"] = ("Save the name", "Enregistrer le nom"),
        ["error-slug"] = ("Give 1 to 64 lowercase letters, digits and hyphens, starting and ending with a letter or digit.",
            "Inscrivez de 1 à 64 lettres minuscules, chiffres et traits d’union, en commençant et en finissant par une lettre ou un chiffre."),
        ["error-slug-taken"] = ("This organisation already has a service with this identifier.", "Cette organisation a déjà un service avec cet identifiant."),
        ["error-name"] = ("Give the name in this language, in at most 200 characters.", "Inscrivez le nom dans cette langue, en 200 caractères au plus."),
        ["error-form"] = ("The form could not be read. Reload the page and try again.", "Le formulaire n’a pas pu être lu. Rechargez la page et réessayez."),
        ["done-created"] = ("The service was added. Create a widget key to embed its rating widget.",
            "Le service a été ajouté. Créez une clé de widget pour intégrer son widget d’évaluation."),
        ["done-updated"] = ("The name was saved.", "Le nom a été enregistré."),
        ["keys-title"] = ("Widget keys", "Clés de widget"),
        ["keys-none"] = ("This service has no widget key yet. Create one to embed the rating widget.",
            "Ce service n’a encore aucune clé de widget. Créez-en une pour intégrer le widget d’évaluation."),
        ["key-heading"] = ("Key {0}", "Clé {0}"),
        ["key-status"] = ("Status", "État"),
        ["key-enabled"] = ("Enabled: the widget works on the allowed sites.", "Activée : le widget fonctionne sur les sites autorisés."),
        ["key-disabled"] = ("Disabled: the widget is refused everywhere.", "Désactivée : le widget est refusé partout."),
        ["key-origins"] = ("Allowed origins", "Origines autorisées"),
        ["snippet-title"] = ("Embed snippet", "Code d’intégration"),
        ["snippet-hint"] = ("Paste this where the widget goes in the service’s pages. Without JavaScript, people get a link to the rating page.",
            "Collez ce code à l’endroit où le widget doit paraître dans les pages du service. Sans JavaScript, les gens obtiennent un lien vers la page d’évaluation."),
        ["snippet-link"] = ("Rate this service", "Évaluez ce service"),
        ["origins-label"] = ("Allowed origins, one per line", "Origines autorisées, une par ligne"),
        ["origins-hint"] = ("Such as https://www.example.ca, https://*.example.ca (any subdomain) or http://localhost:* (for development). At most 20.",
            "Par exemple https://www.exemple.ca, https://*.exemple.ca (tout sous-domaine) ou http://localhost:* (pour le développement). Au plus 20."),
        ["create-key"] = ("Create a widget key", "Créer une clé de widget"),
        ["create-key-button"] = ("Create the key", "Créer la clé"),
        ["edit-origins"] = ("Change the allowed origins", "Modifier les origines autorisées"),
        ["save-origins"] = ("Save the origins", "Enregistrer les origines"),
        ["disable"] = ("Disable the key", "Désactiver la clé"),
        ["enable"] = ("Enable the key", "Activer la clé"),
        ["done-key-created"] = ("The widget key was created. Copy its embed snippet below.", "La clé de widget a été créée. Copiez son code d’intégration ci-dessous."),
        ["done-key-updated"] = ("The allowed origins were saved.", "Les origines autorisées ont été enregistrées."),
        ["done-key-disabled"] = ("The key is disabled: the widget is refused everywhere.", "La clé est désactivée : le widget est refusé partout."),
        ["done-key-enabled"] = ("The key is enabled again.", "La clé est de nouveau activée."),
        ["error-origins-required"] = ("Give at least one origin.", "Inscrivez au moins une origine."),
        ["error-origins-many"] = ("A key allows at most {0} origins.", "Une clé autorise au plus {0} origines."),
        ["error-origin"] = ("“{0}” is not an origin: write scheme://host[:port] with http or https and no path; “*.” followed by at least two labels may start the host, and “:*” may end it.",
            "« {0} » n’est pas une origine : écrivez schéma://hôte[:port] avec http ou https, sans chemin; « *. » suivi d’au moins deux étiquettes peut commencer l’hôte, et « :* » peut le terminer."),
        ["error-key-gone"] = ("That widget key is not one of this service’s.", "Cette clé de widget n’appartient pas à ce service."),
    });

    /// <summary>The text in the language ("fr", else English).</summary>
    public static string Get(string name, string language) => Texts.Get(name, language);

    /// <summary>The text with its placeholders filled.</summary>
    public static string Format(string name, string language, params object?[] values) => Texts.Format(name, language, values);

    /// <summary>Every text's name, so a test can check each has both languages.</summary>
    public static IEnumerable<(string Name, string En, string Fr)> All => Texts.All;
}
