using System.Reflection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Embedded;
using Microsoft.Extensions.Primitives;

namespace Engagement.Web;

/// <summary>Finds an embedded resource whose logical name is a prefix followed by the requested path, exactly.</summary>
/// <remarks>
/// Not <see cref="EmbeddedFileProvider"/>: that one turns '/' into '.' and rewrites folder names the way MSBuild's
/// default resource names do (<c>lib/react-dom/x.js</c> becomes <c>lib.react_dom.x.js</c>). Our logical names are set
/// in Web.csproj and are the URL paths themselves, so the lookup is a plain string match and nothing needs mirroring.
/// </remarks>
internal sealed class EmbeddedAssetFileProvider : IFileProvider
{
    private readonly Assembly _assembly;
    private readonly string _prefix;
    private readonly HashSet<string> _names;
    private readonly DateTimeOffset _lastModified;

    public EmbeddedAssetFileProvider(Assembly assembly, string prefix)
    {
        _assembly = assembly;
        _prefix = prefix;
        _names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        // The build stamps the assembly, so Last-Modified and ETag change exactly when an asset can have changed.
        _lastModified = string.IsNullOrEmpty(assembly.Location) ? DateTimeOffset.UtcNow : File.GetLastWriteTimeUtc(assembly.Location);
    }

    public IFileInfo GetFileInfo(string subpath)
    {
        var path = subpath.StartsWith('/') ? subpath[1..] : subpath;
        var name = _prefix + path;
        return _names.Contains(name)
            ? new EmbeddedResourceFileInfo(_assembly, name, Path.GetFileName(path), _lastModified)
            : new NotFoundFileInfo(subpath);
    }

    // Assets are served one by one; nothing lists them, so directories are not modelled.
    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
}
