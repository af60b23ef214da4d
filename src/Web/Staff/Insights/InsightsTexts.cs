using System.Globalization;

namespace Engagement.Web.Staff.Insights;

/// <summary>The insights dashboards' words in English and French, and how their figures are written in each language.</summary>
public static class InsightsTexts
{
    private static readonly Engagement.Core.Common.TextTable Texts = new("insights", new Dictionary<string, (string En, string Fr)>(StringComparer.Ordinal)
    {
        ["title"] = ("Insights", "Analyses"),
        ["filters"] = ("What to look at", "Ce qu’il faut afficher"),
        ["subject"] = ("Service, consultation or survey", "Service, consultation ou sondage"),
        ["group-Service"] = ("Services", "Services"),
        ["group-Consultation"] = ("Consultations", "Consultations"),
        ["group-Survey"] = ("Surveys", "Sondages"),
        ["from"] = ("From", "Du"),
        ["to"] = ("To", "Au"),
        ["date-hint"] = ("As YYYY-MM-DD, for example 2026-03-31. Leave both empty for the last 30 days.",
            "Au format AAAA-MM-JJ, par exemple 2026-03-31. Laissez les deux vides pour les 30 derniers jours."),
        ["granularity"] = ("Show figures by", "Afficher les chiffres par"),
        ["granularity-day"] = ("Day", "Jour"),
        ["granularity-week"] = ("Week", "Semaine"),
        ["show"] = ("Show", "Afficher"),
        ["nothing"] = ("This organisation has no services, consultations or surveys yet.", "Cette organisation n’a encore aucun service, consultation ou sondage."),
        ["bad-subject"] = ("Choose a service, consultation or survey from the list.", "Choisissez un service, une consultation ou un sondage dans la liste."),
        ["bad-date"] = ("Enter the date as YYYY-MM-DD, for example 2026-03-31.", "Entrez la date au format AAAA-MM-JJ, par exemple 2026-03-31."),
        ["bad-granularity"] = ("Choose day or week.", "Choisissez jour ou semaine."),
        ["bad-order"] = ("The start date must be on or before the end date.", "La date de début doit précéder la date de fin ou lui être égale."),
        ["bad-length"] = ("Choose at most {0} days at a time.", "Choisissez au plus {0} jours à la fois."),
        ["range"] = ("{0} to {1}", "Du {0} au {1}"),
        ["privacy"] = ("To protect privacy, any group of fewer than {0} records is withheld, with the figures worked out from it; where one withheld group could be worked out from a total, a second one is withheld too.",
            "Pour protéger la vie privée, tout groupe de moins de {0} enregistrements est masqué, avec les chiffres qui en découlent ; lorsqu’un groupe masqué pourrait être déduit d’un total, un deuxième groupe est masqué aussi."),
        ["withheld"] = ("fewer than {0}", "moins de {0}"),
        ["withheld-figure"] = ("withheld", "masqué"),
        ["headline"] = ("Headline figures", "Chiffres clés"),
        ["volume-Service"] = ("Ratings", "Évaluations"),
        ["volume-Consultation"] = ("Comments and replies received", "Commentaires et réponses reçus"),
        ["volume-Survey"] = ("Responses", "Réponses"),
        ["average"] = ("Average rating (out of 5)", "Note moyenne (sur 5)"),
        ["satisfied"] = ("Satisfied (4 or 5)", "Satisfaits (4 ou 5)"),
        ["interval"] = ("95% interval: {0} to {1}", "Intervalle à 95 % : {0} à {1}"),
        ["texts"] = ("Texts read for sentiment", "Textes dont le sentiment a été lu"),
        ["negative"] = ("Negative", "Négatif"),
        ["neutral"] = ("Neutral", "Neutre"),
        ["positive"] = ("Positive", "Positif"),
        ["unknown"] = ("Not read", "Non lu"),
        ["sentiment-mix"] = ("Sentiment mix", "Répartition des sentiments"),
        ["satisfaction-over-time"] = ("Satisfaction over time", "Satisfaction au fil du temps"),
        ["volume-over-time"] = ("Volume over time", "Volume au fil du temps"),
        ["sentiment-over-time"] = ("Sentiment over time", "Sentiment au fil du temps"),
        ["period"] = ("Period", "Période"),
        ["themes"] = ("Themes", "Thèmes"),
        ["themes-caption"] = ("Themes heard in these texts, largest first", "Thèmes entendus dans ces textes, du plus grand au plus petit"),
        ["theme"] = ("Theme", "Thème"),
        ["language"] = ("Language", "Langue"),
        ["texts-count"] = ("Texts", "Textes"),
        ["no-themes"] = ("No themes have been learnt from these texts yet.", "Aucun thème n’a encore été dégagé de ces textes."),
        ["quotes"] = ("Representative quotes", "Citations représentatives"),
        ["no-quotes"] = ("No quotes to show: quotes come only from themes of at least {0} texts here.",
            "Aucune citation à afficher : les citations ne viennent que de thèmes d’au moins {0} textes ici."),
        ["quote-theme"] = ("Theme:", "Thème :"),
        ["alerts"] = ("Drift alerts", "Alertes de dérive"),
        ["alerts-caption"] = ("Drift alerts in this period, newest first", "Alertes de dérive de cette période, les plus récentes d’abord"),
        ["no-alerts"] = ("No drift alerts in this period.", "Aucune alerte de dérive pendant cette période."),
        ["alert-day"] = ("Day", "Jour"),
        ["alert-what"] = ("What moved", "Ce qui a bougé"),
        ["alert-from"] = ("Before", "Avant"),
        ["alert-to"] = ("Recently", "Récemment"),
        ["alert-records"] = ("Recent records", "Enregistrements récents"),
        ["alert-what-moved"] = ("{0}: {1}", "{0} : {1}"),
        ["alert-NegativeShare"] = ("Share of negative texts", "Part des textes négatifs"),
        ["alert-Volume"] = ("Records per day", "Enregistrements par jour"),
        ["alert-Service"] = ("This service", "Ce service"),
        ["alert-Consultation"] = ("This consultation", "Cette consultation"),
        ["alert-Theme"] = ("Theme {0}", "Thème {0}"),
        ["alert-rose"] = ("rose", "en hausse"),
        ["alert-fell"] = ("fell", "en baisse"),
        ["export"] = ("Download these figures:", "Télécharger ces chiffres :"),
        ["export-csv"] = ("CSV (spreadsheet)", "CSV (tableur)"),
        ["export-json"] = ("JSON", "JSON"),
        ["chart-of"] = ("Chart: {0}. The same figures are in the table that follows.", "Graphique : {0}. Les mêmes chiffres figurent dans le tableau qui suit."),
        ["live-all-time-Service"] = ("All ratings since the start, kept current: {0}", "Toutes les évaluations depuis le début, mises à jour : {0}"),
        ["live-all-time-Consultation"] = ("Published comments and replies since the start, kept current: {0}",
            "Commentaires et réponses publiés depuis le début, mis à jour : {0}"),
        ["live-all-time-Survey"] = ("All responses since the start, kept current: {0}", "Toutes les réponses depuis le début, mises à jour : {0}"),
    });

    /// <summary>The text in the language ("fr", else English).</summary>
    public static string Get(string name, string language) => Texts.Get(name, language);

    /// <summary>The text with its placeholders filled.</summary>
    public static string Format(string name, string language, params object?[] values) => Texts.Format(name, language, values);

    /// <summary>Every text's name, so a test can check each has both languages.</summary>
    public static IEnumerable<(string Name, string En, string Fr)> All => Texts.All;

    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == "fr" ? "fr-CA" : "en-CA");

    /// <summary>A count as people read it, or "fewer than 5" when it is withheld.</summary>
    public static string Count(long? value, string language) =>
        value is { } n ? n.ToString("N0", Culture(language)) : Format("withheld", language, Core.Insights.PrivacyThreshold.K);

    /// <summary>A share as a whole percentage ("83 %" in French), or "withheld".</summary>
    public static string Share(double? value, string language) =>
        value is { } v ? v.ToString("P0", Culture(language)) : Get("withheld-figure", language);

    /// <summary>An average to one decimal, or "withheld".</summary>
    public static string Average(double? value, string language) =>
        value is { } v ? v.ToString("0.0", Culture(language)) : Get("withheld-figure", language);

    /// <summary>A drift figure: a share for negative-share alerts, else a mean per day; "withheld" when withheld.</summary>
    public static string Drift(double? value, bool share, string language) =>
        value is not { } v ? Get("withheld-figure", language) : share ? v.ToString("P0", Culture(language)) : v.ToString("0.0", Culture(language));

    /// <summary>A day as people write it: 24 November 2026, 24 novembre 2026.</summary>
    public static string Day(DateOnly day, string language) => day.ToString("d MMMM yyyy", Culture(language));

    /// <summary>A period: one day, or its first and last days.</summary>
    public static string Period(DateOnly start, DateOnly end, string language) =>
        start == end ? Day(start, language) : Format("range", language, Day(start, language), Day(end, language));

    /// <summary>A number as the charts read it from a table cell: invariant, never localised.</summary>
    public static string? Raw(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
