using Engagement.Core.Screening;

namespace Engagement.Moderation.Screening;

/// <summary>
/// A short English and French starting point for an organisation's term lists: obvious profanities and insults only,
/// for tests and as a suggestion an admin can copy and edit. It is never applied by itself: lists are per organisation.
/// Words that are ordinary in the other official language are left out or only held: "bite" is a French vulgarity and
/// an everyday English word; "con" and "cul" are held, not rejected ("a con", "cul-de-sac" — which the matcher also
/// knows). Each entry is matched as whole words through disguises (see <see cref="TermsMatcher"/>), so inflections that
/// matter are listed separately (an s-plural of a term of four letters or more is matched with it).
/// </summary>
internal static class DefaultTerms
{
    /// <summary>Terms that refuse a text.</summary>
    public static IReadOnlyList<string> Blocked { get; } =
    [
        // English
        "fuck", "fucking", "fucker", "fucked", "motherfucker", "cunt", "asshole", "arsehole", "dickhead", "wanker",
        "bitch", "son of a bitch", "shithead", "go fuck yourself",
        // French
        "connard", "connasse", "enculé", "enculer", "salope", "pute", "fils de pute", "nique ta mère", "ta gueule",
        "ferme ta gueule", "pétasse", "trou du cul",
    ];

    /// <summary>Terms that hold a text for a moderator.</summary>
    public static IReadOnlyList<string> Suspect { get; } =
    [
        // English
        "shit", "bullshit", "crap", "damn", "bastard", "prick", "ass", "idiot", "moron", "stupid", "dumb",
        // French
        "merde", "putain", "con", "conne", "cul", "salaud", "bâtard", "crétin", "débile", "abruti", "imbécile", "chier",
    ];

    /// <summary>Both lists as the pipeline reads them.</summary>
    public static ScreeningTerms Terms { get; } = new(Blocked, Suspect);
}
