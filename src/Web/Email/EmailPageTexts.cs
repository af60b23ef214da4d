namespace Engagement.Web.Email;

/// <summary>The words of the pages email links lead to, in English and French, in one table so both stay complete.</summary>
public static class EmailPageTexts
{
    private static readonly Engagement.Core.Common.TextTable Texts = new("page", new Dictionary<string, (string En, string Fr)>(StringComparer.Ordinal)
    {
        ["other-language"] = ("Français", "English"),
        ["unsubscribe-title"] = ("Unsubscribe", "Se désabonner"),
        ["unsubscribe-confirm"] = ("Stop sending {0} to {1}?", "Ne plus envoyer {0} à {1}?"),
        ["unsubscribe-button"] = ("Unsubscribe", "Me désabonner"),
        ["unsubscribe-done-title"] = ("You are unsubscribed", "Vous êtes désabonné"),
        ["unsubscribe-done"] = ("We will send no more {0} to {1}.", "Nous n’enverrons plus {0} à {1}."),
        ["unsubscribe-done-followups"] = ("Any address you left with your feedback has been deleted.", "Toute adresse laissée avec vos commentaires a été supprimée."),
        ["link-expired-title"] = ("This link has expired", "Ce lien a expiré"),
        ["unsubscribe-expired"] = ("Unsubscribe links work for a year. Use the link in a more recent email from us, or contact the organisation that wrote to you.",
            "Les liens de désabonnement fonctionnent pendant un an. Utilisez le lien d’un courriel plus récent, ou communiquez avec l’organisation qui vous a écrit."),
        ["link-invalid-title"] = ("This link is not valid", "Ce lien n’est pas valide"),
        ["unsubscribe-invalid"] = ("The link may have been cut short or changed. Copy the whole link from the email, or use the unsubscribe link at the foot of the email.",
            "Le lien a peut-être été tronqué ou modifié. Copiez le lien en entier à partir du courriel, ou utilisez le lien de désabonnement au bas du courriel."),
        ["list-FollowUps"] = ("news of what your feedback led to", "les nouvelles sur les suites de vos commentaires"),
        ["list-ModerationDigest"] = ("the moderation digest", "le résumé de modération"),
        ["list-DriftAlerts"] = ("drift alert notices", "les avis d’alerte de tendance"),
        ["list-SignInLinks"] = ("sign-in and verification links", "les liens de connexion et de vérification"),
    });

    /// <summary>The text in the language ("fr", else English).</summary>
    public static string Get(string name, string language) => Texts.Get(name, language);

    /// <summary>The text with its placeholders filled.</summary>
    public static string Format(string name, string language, params object?[] values) => Texts.Format(name, language, values);

    /// <summary>Every text's name, so a test can check each has both languages.</summary>
    public static IEnumerable<(string Name, string En, string Fr)> All => Texts.All;
}
