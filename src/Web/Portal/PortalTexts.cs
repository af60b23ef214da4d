namespace Engagement.Web.Portal;

/// <summary>The citizen portal's words in English and French, in one table so both languages stay complete.</summary>
public static class PortalTexts
{
    private static readonly Engagement.Core.Common.TextTable Texts = new("portal", new Dictionary<string, (string En, string Fr)>(StringComparer.Ordinal)
    {
        ["site"] = ("Have your say", "Donnez votre avis"),
        ["skip"] = ("Skip to main content", "Passer au contenu principal"),
        ["other-language"] = ("Français", "English"),
        ["footer"] = ("Your feedback is read by the people who run these services. Personal information you type is masked before it is stored.",
            "Vos commentaires sont lus par les personnes qui gèrent ces services. Les renseignements personnels que vous saisissez sont masqués avant d’être conservés."),
        ["home-title"] = ("Have your say", "Donnez votre avis"),
        ["home-intro"] = ("Comment on open consultations and answer surveys. What you say shapes the services you use.",
            "Commentez les consultations ouvertes et répondez aux sondages. Ce que vous dites façonne les services que vous utilisez."),
        ["open-consultations"] = ("Open consultations", "Consultations ouvertes"),
        ["open-surveys"] = ("Open surveys", "Sondages ouverts"),
        ["none-open"] = ("Nothing is open right now. Come back soon.", "Rien n’est ouvert pour le moment. Revenez bientôt."),
        ["closes"] = ("Open until {0}", "Ouverte jusqu’au {0}"),
        ["status-Open"] = ("Open for comments", "Ouverte aux commentaires"),
        ["status-Closed"] = ("Closed", "Fermée"),
        ["status-Draft"] = ("Not yet open", "Pas encore ouverte"),
        ["status-OutcomePublished"] = ("Closed – outcome published", "Fermée – résultats publiés"),
        ["outcome"] = ("What we heard and what happens next", "Ce que nous avons entendu et la suite"),
        ["you-said"] = ("You said, we did", "Vous avez dit, nous avons fait"),
        ["comments"] = ("Comments", "Commentaires"),
        ["comments-count"] = ("{0} comments", "{0} commentaires"),
        ["no-comments"] = ("No comments yet.", "Aucun commentaire pour l’instant."),
        ["agree"] = ("{0} agree", "{0} d’accord"),
        ["disagree"] = ("{0} disagree", "{0} en désaccord"),
        ["replies"] = ("Replies", "Réponses"),
        ["posted"] = ("Posted {0}", "Publié le {0}"),
        ["satisfaction"] = ("Satisfaction", "Satisfaction"),
        ["ratings"] = ("Ratings", "Évaluations"),
        ["average"] = ("Average out of 5", "Moyenne sur 5"),
        ["satisfied"] = ("Satisfied (4 or 5)", "Satisfaits (4 ou 5)"),
        ["no-ratings"] = ("No ratings yet.", "Aucune évaluation pour l’instant."),
        ["few-ratings"] = ("Fewer than {0} ratings: too few to say much yet.", "Moins de {0} évaluations : trop peu pour en dire beaucoup."),
        ["rate-service"] = ("Rate this service", "Évaluez ce service"),
        ["no-improvements"] = ("No improvements published yet.", "Aucune amélioration publiée pour l’instant."),
        ["error-404-title"] = ("We could not find that page", "Nous n’avons pas trouvé cette page"),
        ["error-404"] = ("The address may be mistyped, or the page may have moved or closed. Check the address, or start again from the home page.",
            "L’adresse est peut-être mal saisie, ou la page a été déplacée ou fermée. Vérifiez l’adresse, ou recommencez à partir de la page d’accueil."),
        ["error-403-title"] = ("You cannot see this page", "Vous ne pouvez pas voir cette page"),
        ["error-403"] = ("This page is for staff of the organisation that runs it. Sign in with an account that has access, or go back to the home page.",
            "Cette page est réservée au personnel de l’organisation qui la gère. Connectez-vous avec un compte qui y a accès, ou retournez à la page d’accueil."),
        ["error-500-title"] = ("Something went wrong on our side", "Un problème est survenu de notre côté"),
        ["error-500"] = ("Nothing you did caused this, and nothing you sent before was lost. Try again in a few minutes; if it keeps happening, come back later.",
            "Vous n’avez rien fait pour causer ce problème, et rien de ce que vous avez envoyé n’a été perdu. Réessayez dans quelques minutes; si le problème persiste, revenez plus tard."),
        ["home-link"] = ("Go to the home page", "Aller à la page d’accueil"),
        ["add-comment"] = ("Add a comment", "Ajouter un commentaire"),
        ["comment-label"] = ("Your comment", "Votre commentaire"),
        ["comment-hint"] = ("Do not include personal information such as your name, phone number or file number. At most {0} characters.",
            "N’incluez pas de renseignements personnels comme votre nom, numéro de téléphone ou numéro de dossier. Au plus {0} caractères."),
        ["email-label"] = ("Email address (optional)", "Adresse courriel (facultatif)"),
        ["email-hint"] = ("To hear what your comment leads to. Used for that alone, then deleted.",
            "Pour savoir à quoi votre commentaire aura mené. Utilisée à cette seule fin, puis supprimée."),
        ["submit-comment"] = ("Post comment", "Publier le commentaire"),
        ["posted-published"] = ("Thank you: your comment is published.", "Merci : votre commentaire est publié."),
        ["posted-held"] = ("Thank you: your comment will appear once a moderator has read it.", "Merci : votre commentaire paraîtra dès qu’un modérateur l’aura lu."),
        ["errors"] = ("There is a problem", "Il y a un problème"),
        ["error-text"] = ("Write your comment, in at most {0} characters.", "Écrivez votre commentaire, en au plus {0} caractères."),
        ["error-rejected"] = ("This comment cannot be published: it breaks the participation rules. Rewrite it and try again.",
            "Ce commentaire ne peut être publié : il enfreint les règles de participation. Reformulez-le et réessayez."),
        ["error-email"] = ("Enter an email address such as name@example.org, or leave the field empty.",
            "Entrez une adresse courriel comme nom@exemple.ca, ou laissez le champ vide."),
        ["error-closed"] = ("This consultation is not taking comments now.", "Cette consultation ne reçoit pas de commentaires en ce moment."),
        ["error-verify"] = ("This consultation asks participants to confirm an email address first.", "Cette consultation demande d’abord aux participants de confirmer une adresse courriel."),
        ["verify-link"] = ("Confirm an email address", "Confirmer une adresse courriel"),
        ["agree-button"] = ("Agree", "D’accord"),
        ["disagree-button"] = ("Disagree", "En désaccord"),
        ["reply"] = ("Reply", "Répondre"),
        ["reply-label"] = ("Your reply", "Votre réponse"),
        ["post-reply"] = ("Post reply", "Publier la réponse"),
        ["report"] = ("Report", "Signaler"),
        ["report-legend"] = ("Why should a moderator look at this comment?", "Pourquoi un modérateur devrait-il examiner ce commentaire?"),
        ["reason-Spam"] = ("It is spam or advertising", "C’est du pourriel ou de la publicité"),
        ["reason-Offensive"] = ("It is offensive or abusive", "Il est offensant ou injurieux"),
        ["reason-PersonalInformation"] = ("It gives away someone's personal information", "Il divulgue des renseignements personnels"),
        ["reason-OffTopic"] = ("It is off topic", "Il est hors sujet"),
        ["send-report"] = ("Send report", "Envoyer le signalement"),
        ["notice-reported"] = ("Thank you: a moderator will look at this comment.", "Merci : un modérateur examinera ce commentaire."),
        ["notice-reacted"] = ("Your reaction is recorded.", "Votre réaction est enregistrée."),
        ["error-gone"] = ("That comment no longer exists.", "Ce commentaire n’existe plus."),
        ["error-not-now"] = ("That comment cannot take replies, reactions or reports now.", "Ce commentaire ne peut pas recevoir de réponses, de réactions ni de signalements pour le moment."),
        ["error-reported"] = ("You have already reported this comment.", "Vous avez déjà signalé ce commentaire."),
        ["open-surveys"] = ("Open surveys", "Sondages ouverts"),
        ["required"] = ("(required)", "(obligatoire)"),
        ["submit-survey"] = ("Send my answers", "Envoyer mes réponses"),
        ["survey-thanks"] = ("Thank you: your answers are recorded.", "Merci : vos réponses sont enregistrées."),
        ["answer-required"] = ("Answer this question.", "Répondez à cette question."),
        ["answer-invalid"] = ("Choose one of the answers offered.", "Choisissez l’une des réponses proposées."),
        ["answer-too-long"] = ("Shorten your answer.", "Raccourcissez votre réponse."),
        ["answer-rejected"] = ("This answer cannot be accepted: it breaks the participation rules.", "Cette réponse ne peut être acceptée : elle enfreint les règles de participation."),
        ["already-answered"] = ("You have already answered this survey.", "Vous avez déjà répondu à ce sondage."),
        ["survey-closed"] = ("This survey is not taking answers now.", "Ce sondage ne reçoit pas de réponses en ce moment."),
        ["yes"] = ("Yes", "Oui"),
        ["no"] = ("No", "Non"),
        ["error-form"] = ("This form could not be accepted. Please try again.", "Ce formulaire n’a pas pu être accepté. Veuillez réessayer."),
    });

    /// <summary>The text in the language ("fr", else English).</summary>
    public static string Get(string name, string language) => Texts.Get(name, language);

    /// <summary>The text with its placeholders filled.</summary>
    public static string Format(string name, string language, params object?[] values) => Texts.Format(name, language, values);

    /// <summary>Every text's name, so a test can check each has both languages.</summary>
    public static IEnumerable<(string Name, string En, string Fr)> All => Texts.All;

    /// <summary>A date as people write it in the language: 24 November 2026, 24 novembre 2026.</summary>
    public static string Date(DateTimeOffset at, string language) =>
        at.UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(language == "fr" ? "fr-CA" : "en-CA"));
}
