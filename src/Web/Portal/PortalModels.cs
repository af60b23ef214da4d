namespace Engagement.Web.Portal;

/// <summary>What every portal page tells its layout: its language, its title and the same page in the other language.</summary>
public sealed record PortalPage(string Language, string Title, string OtherLanguageUrl)
{
    public string Other => Language == "fr" ? "en" : "fr";
    public string HomeUrl => $"/{Language}/";
}

/// <summary>One open consultation as the home page lists it, its words already in the page's language.</summary>
public sealed record Listing(string Title, string Summary, string Url, string? Closes);

/// <summary>The home page: what is open now.</summary>
public sealed record HomePageModel(PortalPage Page, IReadOnlyList<Listing> Consultations);

/// <summary>An improvement shipped, as citizens are told of it ("you said, we did").</summary>
public sealed record Improvement(string Title, string Note, string Shipped);

/// <summary>A published comment with its counts and its published replies.</summary>
public sealed record ThreadComment(string Id, string Text, string Language, string Posted, long Agree, long Disagree, IReadOnlyList<ThreadComment> Replies);

/// <summary>A consultation's public page.</summary>
public sealed record ConsultationPageModel(
    PortalPage Page, string Title, string Summary, string Body, string Status, string? Outcome, long CommentCount,
    IReadOnlyList<ThreadComment> Comments, IReadOnlyList<Improvement> Improvements);

/// <summary>A service's public page: its satisfaction and what was improved.</summary>
public sealed record ServicePageModel(
    PortalPage Page, string Name, long Ratings, string? Average, string? Satisfied, bool FewRatings, int FewBelow, string? RateUrl,
    IReadOnlyList<Improvement> Improvements);

/// <summary>An error page: what happened and what to do next.</summary>
public sealed record ErrorPageModel(PortalPage Page, int Status);
