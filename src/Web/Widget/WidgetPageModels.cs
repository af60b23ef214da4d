namespace Engagement.Web.Widget;

/// <summary>What the hosted rating page shows: the no-JavaScript path of the widget.</summary>
public sealed record WidgetRatePageModel
{
    public required string Language { get; init; }
    public required string Question { get; init; }
    public required string ServiceName { get; init; }

    /// <summary>Where the form posts: the page's own address.</summary>
    public required string FormAction { get; init; }

    /// <summary>The same page in the other language.</summary>
    public required string OtherLanguageUrl { get; init; }

    /// <summary>The page the person came from, carried through the form so the rating counts for it.</summary>
    public string? Page { get; init; }

    public int? Score { get; init; }
    public string? Comment { get; init; }

    /// <summary>The address given to hear what the comment led to, kept when the form comes back with errors.</summary>
    public string? Email { get; init; }
    public required int CommentMaxLength { get; init; }

    /// <summary>A message per field ("score", "comment", "page", "form"), already in the page's language.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}

/// <summary>What the thank-you page after a hosted rating shows.</summary>
public sealed record WidgetThanksPageModel
{
    public required string Language { get; init; }
    public required string ServiceName { get; init; }
    public required string OtherLanguageUrl { get; init; }

    /// <summary>The page to go back to, when the rating named one.</summary>
    public string? BackUrl { get; init; }
}

/// <summary>What the demo page needs to embed the widget as another site would.</summary>
public sealed record WidgetDemoPageModel
{
    /// <summary>The widget script's address on the platform, under a different origin than the demo page's own.</summary>
    public required string ScriptUrl { get; init; }

    public required string RatePageUrl { get; init; }

    /// <summary>The key to embed; null when the platform has no demo key (demo data not seeded).</summary>
    public string? Key { get; init; }

    public required string PageOrigin { get; init; }

    /// <summary>The language the pretend host page declares in &lt;html lang&gt;, which the widget follows.</summary>
    public string Language { get; init; } = "en";
    public required string PlatformOrigin { get; init; }
}
