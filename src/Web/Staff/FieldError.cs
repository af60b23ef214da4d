namespace Engagement.Web.Staff;

/// <summary>
/// One problem with a workspace form, already in the page's language: <see cref="For"/> is the id of the control it is
/// about, so the error summary links to it and the message shows beside it.
/// </summary>
public sealed record FieldError(string For, string Message);

/// <summary>Reading a form's errors the way every workspace form shows them.</summary>
public static class FieldErrors
{
    /// <summary>The messages about one control, in order.</summary>
    public static IReadOnlyList<string> About(this IReadOnlyList<FieldError> errors, string id) =>
        [.. errors.Where(e => e.For == id).Select(e => e.Message)];

    /// <summary>The control's aria-describedby: its hint, and its error when it has one.</summary>
    public static string? DescribedBy(this IReadOnlyList<FieldError> errors, string id, string? hintId = null)
    {
        var error = errors.Any(e => e.For == id) ? $"{id}-error" : null;
        return error is null ? hintId : hintId is null ? error : $"{error} {hintId}";
    }
}
