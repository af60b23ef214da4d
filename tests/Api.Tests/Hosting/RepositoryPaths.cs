namespace Engagement.Api.Tests.Hosting;

/// <summary>Finds files of the repository from the test output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engagement.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Engagement.sln not found above the test output.");
    }
}
