namespace Engagement.Web.Tests;

public sealed class EmbeddedAssetTests
{
    [Fact]
    public void The_project_lists_the_GraphiQL_page_the_live_client_the_widget_and_the_libraries_they_load()
    {
        var paths = ListedAssets.All.Select(a => a.Path).ToList();

        Assert.Contains("graphiql.html", paths);
        Assert.Contains("graphiql.css", paths);
        Assert.Contains("graphiql-boot.js", paths);
        Assert.Contains("live.js", paths);
        Assert.Contains("widget.js", paths);
        Assert.Contains("lib/graphiql/graphiql.min.js", paths);
        Assert.Contains("lib/graphiql/graphiql.min.css", paths);
        Assert.Contains("lib/react/react.production.min.js", paths);
        Assert.Contains("lib/react-dom/react-dom.production.min.js", paths);
        Assert.Contains("lib/signalr/signalr.min.js", paths);
        Assert.Equal(paths.Count, paths.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(ListedAssets.Paths), MemberType = typeof(ListedAssets))]
    public void Every_listed_asset_is_embedded_and_not_empty(string path)
    {
        var file = WebAssets.Files.GetFileInfo(path);

        Assert.True(file.Exists, $"{path} is listed in Web.csproj but not embedded.");
        Assert.True(file.Length > 0, $"{path} is embedded but empty.");
        using var stream = file.CreateReadStream();
        Assert.Equal(file.Length, stream.Length);
    }

    [Fact]
    public void Own_assets_are_embedded_exactly_as_they_are_in_the_source_tree()
    {
        foreach (var (source, path) in ListedAssets.All.Where(a => a.Source.StartsWith("assets/", StringComparison.Ordinal)))
        {
            using var embedded = WebAssets.Files.GetFileInfo(path).CreateReadStream();
            using var copy = new MemoryStream();
            embedded.CopyTo(copy);

            Assert.Equal(File.ReadAllBytes(Path.Combine(ListedAssets.WebProjectDirectory, source)), copy.ToArray());
        }
    }

    [Fact]
    public void Files_finds_nothing_outside_the_listed_assets()
    {
        Assert.False(WebAssets.Files.GetFileInfo("lib/graphiql/graphiql.min.js.map").Exists);
        Assert.False(WebAssets.Files.GetFileInfo("lib/signalr/signalr.min.js.map").Exists);
        Assert.False(WebAssets.Files.GetFileInfo("lib/signalr/signalr.js").Exists);
        Assert.False(WebAssets.Files.GetFileInfo("package.json").Exists);
        Assert.False(WebAssets.Files.GetFileInfo("../Engagement.Web.dll").Exists);
    }

    [Fact]
    public void GraphiQLPage_is_the_embedded_graphiql_html()
    {
        var source = File.ReadAllText(Path.Combine(ListedAssets.WebProjectDirectory, "assets", "graphiql.html"));

        Assert.Equal(source, WebAssets.GraphiQLPage);
        Assert.Same(WebAssets.GraphiQLPage, WebAssets.GraphiQLPage);
    }
}
