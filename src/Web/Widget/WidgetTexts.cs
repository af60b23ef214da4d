namespace Engagement.Web.Widget;

/// <summary>The hosted rating pages' words in English and French, in one table so both languages stay complete.</summary>
public static class WidgetTexts
{
    private static readonly Engagement.Core.Common.TextTable Texts = new("widget", new Dictionary<string, (string En, string Fr)>(StringComparer.Ordinal)
    {
        ["title"] = ("Rate this service", "Évaluez ce service"),
        ["other-language"] = ("Français", "English"),
        ["errors"] = ("There is a problem", "Il y a un problème"),
        ["score-1"] = ("Very poor", "Très mauvais"),
        ["score-2"] = ("Poor", "Mauvais"),
        ["score-3"] = ("Average", "Moyen"),
        ["score-4"] = ("Good", "Bon"),
        ["score-5"] = ("Very good", "Très bon"),
        ["comment"] = ("Tell us more (optional)", "Dites-nous en plus (facultatif)"),
        ["comment-hint"] = ("Do not include personal information such as your name, email, phone number or file number. At most {0} characters.",
            "N’incluez pas de renseignements personnels comme votre nom, courriel, numéro de téléphone ou numéro de dossier. Au plus {0} caractères."),
        ["email"] = ("Email address (optional)", "Adresse courriel (facultatif)"),
        ["email-hint"] = ("To hear what your comment leads to. Used for that alone, then deleted.",
            "Pour savoir à quoi votre commentaire aura mené. Utilisée à cette seule fin, puis supprimée."),
        ["error-email"] = ("Enter an email address such as name@example.org, or leave the field empty.",
            "Entrez une adresse courriel comme nom@exemple.ca, ou laissez le champ vide."),
        ["submit"] = ("Send", "Envoyer"),
        ["thanks-title"] = ("Thank you", "Merci"),
        ["thanks"] = ("Your rating has been recorded. It helps us improve this service.", "Votre évaluation a été enregistrée. Elle nous aide à améliorer ce service."),
        ["back"] = ("Back to the page you were on", "Retour à la page précédente"),
        ["website"] = ("Leave this field empty", "Laissez ce champ vide"),
        ["error-score"] = ("Choose a rating from 1 to 5.", "Choisissez une note de 1 à 5."),
        ["error-comment"] = ("Your comment is too long or holds characters we cannot accept.", "Votre commentaire est trop long ou contient des caractères que nous ne pouvons accepter."),
        ["error-page"] = ("This rating cannot be counted for that page.", "Cette évaluation ne peut pas être comptée pour cette page."),
        ["error-form"] = ("This form could not be accepted. Please try again.", "Ce formulaire n’a pas pu être accepté. Veuillez réessayer."),
        ["error-rate"] = ("Too many ratings from your network just now. Please try again in a few minutes.",
            "Trop d’évaluations de votre réseau pour le moment. Veuillez réessayer dans quelques minutes."),
    });

    /// <summary>The text in the language ("fr", else English).</summary>
    public static string Get(string name, string language) => Texts.Get(name, language);
}
