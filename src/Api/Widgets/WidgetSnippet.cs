using Engagement.Core.Email;

namespace Engagement.Api.Widgets;

/// <summary>The tag a page embeds for a widget key (docs/widget.md), with its no-script link.</summary>
internal static class WidgetSnippet
{
    /// <summary>
    /// The snippet pointing at the platform's public address, never the request's Host: it is pasted into other sites
    /// and outlives the request. <paramref name="linkText"/> is the no-script link's words, already in the reader's language.
    /// </summary>
    public static string For(PublicLinks links, string key, string linkText) =>
        $"<script src=\"{links.To(WidgetScript.Path)}\" data-key=\"{key}\" async></script>\n"
        + $"<noscript><a href=\"{links.To($"/widget/{key}/rate")}\">{linkText}</a></noscript>";
}
