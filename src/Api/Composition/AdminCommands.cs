using Engagement.Api.Storage;
using Engagement.Core.Common;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;

namespace Engagement.Api.Composition;

/// <summary>
/// Command-line administration: <c>create-admin --email … [--name …] [--organisation slug]</c> creates the first
/// admin (and the organisation when it does not exist yet) and prints a one-time password.
/// </summary>
public static class AdminCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var options = ParseOptions(args[1..]);
        if (!options.TryGetValue("email", out var email))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email person@example.org [--name \"Display name\"] [--organisation slug]");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<StorageAdapter>().InitializeAsync(CancellationToken.None);

        var organisation = await FindOrCreateOrganisationAsync(sp, options.GetValueOrDefault("organisation"));
        if (!organisation.Succeeded)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, organisation.Errors.Select(e => e.Message)));
            return 1;
        }

        var created = await sp.GetRequiredService<CreateStaffMember>().ExecuteAsync(
            new CreateStaffMember.Request(email, options.GetValueOrDefault("name") ?? email, [new RoleGrant(organisation.Value.Id, Role.Admin)]),
            Actor.System);
        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, created.Errors.Select(e => $"{e.Field}: {e.Message}")));
            return 1;
        }

        Console.WriteLine($"Created admin {created.Value.Member.Email} of organisation '{organisation.Value.Slug}'.");
        Console.WriteLine($"One-time password (shown once; sign in at /auth/sign-in): {created.Value.GeneratedPassword}");
        return 0;
    }

    private static async Task<Result<Organisation>> FindOrCreateOrganisationAsync(IServiceProvider sp, string? slug)
    {
        var store = sp.GetRequiredService<IOrganisationStore>();
        if (slug is null)
        {
            var all = await store.ListAsync();
            return all.Count == 1
                ? all[0]
                : Result<Organisation>.Fail("organisation", ErrorCodes.Required, "Name the organisation with --organisation <slug> (there is not exactly one).");
        }
        if (await store.GetBySlugAsync(slug) is { } existing)
            return existing;
        var name = new LocalizedText(sp.GetRequiredService<SupportedLanguages>().Select(l => new KeyValuePair<string, string>(l, slug)));
        return await sp.GetRequiredService<CreateOrganisation>().ExecuteAsync(new CreateOrganisation.Request(slug, name), Actor.System);
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
                options[args[i][2..]] = args[i + 1];
        }
        return options;
    }
}
