namespace Engagement.Api.Tests.Hosting;

/// <summary>Texts as GraphQL variables carry them.</summary>
public static class Translations
{
    /// <summary>A text in English and French, as a [TranslationInput!] variable.</summary>
    public static object[] EnFr(string en, string fr) => [new { language = "en", text = en }, new { language = "fr", text = fr }];
}
