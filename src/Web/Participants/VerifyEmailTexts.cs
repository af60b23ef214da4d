namespace Engagement.Web.Participants;

/// <summary>The email verification pages' words in English and French, in one table so both languages stay complete.</summary>
public static class VerifyEmailTexts
{
    private static readonly Engagement.Core.Common.TextTable Texts = new("verification page", new Dictionary<string, (string En, string Fr)>(StringComparer.Ordinal)
    {
        ["other-language"] = ("Français", "English"),
        ["errors"] = ("There is a problem", "Il y a un problème"),

        ["confirm-title"] = ("Confirm your email address", "Confirmez votre adresse courriel"),
        ["confirm-intro"] = ("You are confirming the address {0}. Press the button to finish.", "Vous confirmez l’adresse {0}. Appuyez sur le bouton pour terminer."),
        ["confirm-submit"] = ("Confirm my email address", "Confirmer mon adresse courriel"),

        ["verified-title"] = ("Your email address is confirmed", "Votre adresse courriel est confirmée"),
        ["verified-intro"] = ("The address {0} is confirmed. You can now take part where a confirmed email address is required.",
            "L’adresse {0} est confirmée. Vous pouvez maintenant participer là où une adresse courriel confirmée est exigée."),
        ["verified-back"] = ("Go back to the page where you asked for the link: you can carry on there.",
            "Retournez à la page où vous avez demandé le lien : vous pouvez y poursuivre."),
        ["token-title"] = ("Your participant token", "Votre jeton de participation"),
        ["token-intro"] = ("Apps and forms of this platform ask for this token to let you take part as yourself. Copy it now: it is shown only once. Keep it private, like a password.",
            "Les applications et formulaires de cette plateforme demandent ce jeton pour vous laisser participer en votre nom. Copiez-le maintenant : il n’est affiché qu’une fois. Gardez-le secret, comme un mot de passe."),
        ["token-label"] = ("Participant token", "Jeton de participation"),

        ["expired-title"] = ("This link has expired", "Ce lien a expiré"),
        ["expired-intro"] = ("Links work for {0} minutes. Ask for a new one below; it will be sent to the address you give.",
            "Les liens fonctionnent pendant {0} minutes. Demandez-en un nouveau ci-dessous; il sera envoyé à l’adresse que vous indiquez."),
        ["used-title"] = ("This link was already used", "Ce lien a déjà été utilisé"),
        ["used-intro"] = ("Each link works once. If you confirmed your address with it, there is nothing more to do. To sign in again, ask for a new link.",
            "Chaque lien ne fonctionne qu’une fois. Si vous avez confirmé votre adresse avec ce lien, il n’y a rien d’autre à faire. Pour vous connecter de nouveau, demandez un nouveau lien."),
        ["invalid-title"] = ("This link is not valid", "Ce lien n’est pas valide"),
        ["invalid-intro"] = ("Check that you opened the whole link from the email; some email programs cut long links. You can also ask for a new one.",
            "Vérifiez que vous avez ouvert le lien complet du courriel; certains logiciels de courriel coupent les longs liens. Vous pouvez aussi en demander un nouveau."),
        ["ask-new-link"] = ("Ask for a new link", "Demander un nouveau lien"),

        ["request-title"] = ("Confirm your email address", "Confirmez votre adresse courriel"),
        ["request-intro"] = ("Some consultations and surveys ask for a confirmed email address. We will email you a link; open it to confirm the address.",
            "Certaines consultations et certains sondages exigent une adresse courriel confirmée. Nous vous enverrons un lien par courriel; ouvrez-le pour confirmer l’adresse."),
        ["email-label"] = ("Email address", "Adresse courriel"),
        ["email-hint"] = ("For example, name@example.org", "Par exemple, nom@exemple.ca"),
        ["request-submit"] = ("Send me a link", "M’envoyer un lien"),
        ["sent-title"] = ("Check your email", "Consultez vos courriels"),
        ["sent-intro"] = ("If the address you gave can receive email, a link to confirm it is on its way. It works once, for {0} minutes.",
            "Si l’adresse que vous avez indiquée peut recevoir des courriels, un lien pour la confirmer est en route. Il fonctionne une seule fois, pendant {0} minutes."),
        ["sent-spam"] = ("No email after a few minutes? Check your junk or spam folder, then ask again.",
            "Aucun courriel après quelques minutes? Vérifiez votre dossier de courrier indésirable, puis faites une nouvelle demande."),

        ["error-email-required"] = ("Enter your email address.", "Entrez votre adresse courriel."),
        ["error-email-format"] = ("Enter an email address such as name@example.org.", "Entrez une adresse courriel comme nom@exemple.ca."),
        ["error-form"] = ("This form could not be accepted. Please try again.", "Ce formulaire n’a pas pu être accepté. Veuillez réessayer."),
    });

    /// <summary>The text in the language ("fr", else English).</summary>
    public static string Get(string name, string language) => Texts.Get(name, language);

    /// <summary>The text with its placeholders filled.</summary>
    public static string Format(string name, string language, params object?[] values) => Texts.Format(name, language, values);

    /// <summary>Every text's name and both languages, so a test can check each is complete.</summary>
    public static IEnumerable<(string Name, string En, string Fr)> All => Texts.All;
}
