namespace Engagement.Core.Common;

/// <summary>Makes record identifiers: time-ordered (UUID v7) so new records sort after old ones in any store.</summary>
public static class Ids
{
    public static string New() => Guid.CreateVersion7().ToString("N");
}
