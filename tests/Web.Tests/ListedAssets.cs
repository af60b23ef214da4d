using System.Xml.Linq;

namespace Engagement.Web.Tests;

/// <summary>The <c>WebAsset</c> items of src/Web/Web.csproj, read from the project file itself.</summary>
/// <remarks>Read from the source rather than from the assembly, so a listed file that failed to embed is caught.</remarks>
internal static class ListedAssets
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string WebProjectDirectory => Path.Combine(RepositoryRoot, "src", "Web");

    /// <summary>Each listed asset as (the file it comes from, its path below /assets).</summary>
    public static IReadOnlyList<(string Source, string Path)> All { get; } = Read();

    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var asset in All)
            data.Add(asset.Path);
        return data;
    }

    private static List<(string Source, string Path)> Read()
    {
        var project = XDocument.Load(Path.Combine(WebProjectDirectory, "Web.csproj"));
        return project.Descendants("WebAsset")
            .Select(item => ((string)item.Attribute("Include")!, (string)item.Attribute("Path")!))
            .ToList();
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Engagement.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No Engagement.sln above {AppContext.BaseDirectory}.");
    }
}
