namespace Engagement.Core.Common;

// Email address rules, kept apart from the text rules in Validator.cs.
public sealed partial class Validator
{
    /// <summary>
    /// Requires a plausible email address: one '@', a local part of at most 64 characters without spaces or stray
    /// dots, and a domain of at least two dot-separated labels of letters, digits and inner hyphens, within
    /// <see cref="TextLimits.Email"/> characters. Deliberately simple: only sending a message proves an address.
    /// </summary>
    public void Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, ErrorCodes.Required, "An email address is required.");
        else if (value.Length > TextLimits.Email)
            Add(field, ErrorCodes.TooLong, $"An email address has at most {TextLimits.Email} characters.");
        else if (!IsPlausibleEmail(value))
            Add(field, ErrorCodes.InvalidFormat, "Give an email address such as name@example.org.");
    }

    /// <summary>Whether a text passes the checks <see cref="Email"/> describes (length aside).</summary>
    public static bool IsPlausibleEmail(string value)
    {
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || !IsWellFormed(value))
            return false;
        var local = value.AsSpan(0, at);
        var domain = value.AsSpan(at + 1);
        if (local.Length > 64 || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
            return false;
        foreach (var c in local)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '(' or ')' or ',' or ':' or ';' or '<' or '>' or '[' or ']' or '\\')
                return false;
        }

        var labels = 0;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
                return false;
            foreach (var c in label)
            {
                // Letters of any script, so internationalised domains typed as Unicode pass too.
                if (!char.IsLetterOrDigit(c) && c != '-')
                    return false;
            }
            labels++;
        }
        return labels >= 2;
    }
}
