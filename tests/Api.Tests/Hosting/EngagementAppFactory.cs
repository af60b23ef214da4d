using System.Net.Http.Json;
using Engagement.Api.Storage;
using Engagement.Core.ApiTokens;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;
using Engagement.Core.Participants;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using Engagement.Core.Widgets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Api.Tests.Hosting;

/// <summary>
/// The host under test on its own temporary data directory, with settings overridable per test and intent
/// methods for what tests need from inside the host.
/// </summary>
public sealed class EngagementAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = [];
    private readonly List<Action<IServiceCollection>> _serviceOverrides = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Actor> _admins = new();

    public EngagementAppFactory(string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        OwnsDataDirectory = dataDirectory is null;
        DatabasePath = Path.Combine(DataDirectory, "engagement.db");
        _settings["Storage:Sqlite:Path"] = DatabasePath;
        // Every test request comes from the same (absent) address; tests that check the limits set their own.
        _settings["RateLimits:SignInPerMinute"] = "10000";
        _settings["RateLimits:GraphQLPerMinute"] = "100000";
    }

    public string DataDirectory { get; }

    public string DatabasePath { get; }

    private bool OwnsDataDirectory { get; }

    /// <summary>
    /// Starts the platform on a real Kestrel server on a free loopback port, for what only a real server shows (body
    /// limits and data rates, WebSockets, a browser, another process calling it); returns its address.
    /// </summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        return new Uri(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());
    }

    public EngagementAppFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public EngagementAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _serviceOverrides.Add(configure);
        return this;
    }

    private IServiceScope? _scope;

    /// <summary>A port or use case resolved from the running host (use cases are scoped: one scope serves the test).</summary>
    public T Get<T>() where T : notnull => (_scope ??= Services.CreateScope()).ServiceProvider.GetRequiredService<T>();

    public StorageAdapter Storage => Get<StorageAdapter>();

    /// <summary>A GraphQL client with no credentials (an anonymous visitor).</summary>
    public GraphQLClient Anonymous() => new(CreateClient());

    /// <summary>A GraphQL client that sends an API token.</summary>
    public GraphQLClient WithToken(string secret)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return new GraphQLClient(http);
    }

    /// <summary>A GraphQL client signed in through /auth/sign-in, holding the staff cookie.</summary>
    public async Task<GraphQLClient> SignedInAsync(string email, string password)
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var response = await http.PostAsJsonAsync("/auth/sign-in", new { email, password });
        if (response.StatusCode != System.Net.HttpStatusCode.NoContent)
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return new GraphQLClient(http);
    }

    /// <summary>Signs in through the JSON door and returns the staff cookie as a Cookie header value ("engagement.staff=…").</summary>
    public async Task<string> StaffCookieAsync(string email, string password)
    {
        using var http = CreateClient();
        using var response = await http.PostAsJsonAsync("/auth/sign-in", new { email, password });
        if (response.StatusCode != System.Net.HttpStatusCode.NoContent)
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("engagement.staff=", StringComparison.Ordinal));
    }

    public async Task<Organisation> CreateOrganisationAsync()
    {
        var slug = $"org-{Guid.NewGuid():N}"[..20];
        return (await Get<CreateOrganisation>().ExecuteAsync(new(slug, LocalizedText.EnFr($"Org {slug}", $"Org {slug} (fr)")), Actor.System)).Value;
    }

    /// <summary>A staff member holding one role in one organisation, and their password.</summary>
    public async Task<(StaffMember Member, string Password)> CreateStaffAsync(string organisationId, Role role)
    {
        const string password = "correct horse battery staple";
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var created = await Get<CreateStaffMember>().ExecuteAsync(new(email, $"{role} person", [new RoleGrant(organisationId, role)], password), Actor.System);
        return (created.Value.Member, password);
    }

    public async Task<GraphQLClient> SignedInAsStaffAsync(string organisationId, Role role)
    {
        var (member, password) = await CreateStaffAsync(organisationId, role);
        return await SignedInAsync(member.Email, password);
    }

    public async Task<string> CreateApiTokenAsync(string organisationId, Role role) =>
        (await Get<CreateApiToken>().ExecuteAsync(new(organisationId, $"{role} token", role, null), Actor.System)).Value.Secret;

    public async Task<string> RegisterParticipantAsync() => (await Get<RegisterAnonymousParticipant>().ExecuteAsync()).Value.Token;

    public async Task<Consultation> CreateOpenConsultationAsync(string organisationId)
    {
        var draft = (await Get<CreateConsultation>().ExecuteAsync(new(organisationId, $"c-{Guid.NewGuid():N}"[..20],
            LocalizedText.EnFr("Bike lanes", "Pistes cyclables"), LocalizedText.EnFr("Summary", "Résumé"), LocalizedText.EnFr("Body", "Corps")), Actor.System)).Value;
        return (await Get<OpenConsultation>().ExecuteAsync(new(draft.Id), Actor.System)).Value;
    }

    public async Task<Survey> CreateOpenSurveyAsync(string organisationId, string? consultationId = null)
    {
        var questions = new List<Question>
        {
            new() { Id = "satisfied", Type = QuestionType.Rating, Required = true, Prompt = LocalizedText.EnFr("How satisfied?", "Satisfait?") },
            new() { Id = "why", Type = QuestionType.ShortText, Prompt = LocalizedText.EnFr("Why?", "Pourquoi?"),
                ShowIf = new ShowIfRule("satisfied", ShowIfOperator.Equals, "1") },
        };
        var draft = (await Get<CreateSurvey>().ExecuteAsync(new(organisationId, $"s-{Guid.NewGuid():N}"[..20], LocalizedText.EnFr("Survey", "Sondage"),
            questions, ConsultationId: consultationId), Actor.System)).Value;
        return (await Get<OpenSurvey>().ExecuteAsync(new(draft.Id), Actor.System)).Value;
    }

    public async Task<Service> CreateServiceAsync(string organisationId) =>
        (await Get<CreateService>().ExecuteAsync(new(organisationId, $"svc-{Guid.NewGuid():N}"[..20], LocalizedText.EnFr("Service", "Service")), Actor.System)).Value;

    /// <summary>An enabled widget key for a service, created by an admin of its organisation, allowing these origins.</summary>
    public Task<WidgetKey> CreateWidgetKeyAsync(string organisationId, string serviceId, params string[] allowedOrigins) =>
        CreateWidgetKeyAsync(organisationId, serviceId, pagePattern: null, showAverage: false, allowedOrigins);

    /// <summary>An enabled widget key with a page pattern (or none) and the average shown or not.</summary>
    public async Task<WidgetKey> CreateWidgetKeyAsync(string organisationId, string serviceId, string? pagePattern, bool showAverage, params string[] allowedOrigins)
    {
        var created = await Get<CreateWidgetKey>().ExecuteAsync(
            new CreateWidgetKey.Request(serviceId, allowedOrigins, pagePattern, ShowAverage: showAverage), await AdminOfAsync(organisationId));
        if (!created.Succeeded)
            throw new InvalidOperationException($"The widget key was refused: {string.Join("; ", created.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
        return created.Value;
    }

    // One admin per organisation: creating staff hashes a password, too slow to repeat for every key.
    private async Task<Actor> AdminOfAsync(string organisationId)
    {
        if (_admins.TryGetValue(organisationId, out var admin))
            return admin;
        return _admins.GetOrAdd(organisationId, Actor.Staff((await CreateStaffAsync(organisationId, Role.Admin)).Member.Id));
    }

    /// <summary>A draft consultation with every text in every language, so it can be opened.</summary>
    public async Task<Consultation> CreateDraftConsultationAsync(string organisationId) =>
        (await Get<CreateConsultation>().ExecuteAsync(new(organisationId, $"c-{Guid.NewGuid():N}"[..20],
            LocalizedText.EnFr("Draft plan", "Plan provisoire"), LocalizedText.EnFr("Summary", "Résumé"), LocalizedText.EnFr("Body", "Corps")), Actor.System)).Value;

    /// <summary>A consultation that was opened and then closed, ready for its outcome.</summary>
    public async Task<Consultation> CreateClosedConsultationAsync(string organisationId)
    {
        var open = await CreateOpenConsultationAsync(organisationId);
        return (await Get<CloseConsultation>().ExecuteAsync(new(open.Id), Actor.System)).Value;
    }

    /// <summary>A draft survey with one yes/no question, optionally attached to a consultation.</summary>
    public async Task<Survey> CreateDraftSurveyAsync(string organisationId, string? consultationId = null) =>
        (await Get<CreateSurvey>().ExecuteAsync(new(organisationId, $"s-{Guid.NewGuid():N}"[..20], LocalizedText.EnFr("Draft survey", "Sondage provisoire"),
            [new Question { Id = "agree", Type = QuestionType.YesNo, Prompt = LocalizedText.EnFr("Agree?", "D'accord?") }], ConsultationId: consultationId), Actor.System)).Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider, HostLogs.Provider>();
            foreach (var configure in _serviceOverrides)
                configure(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        _scope?.Dispose();
        base.Dispose(disposing);
        if (disposing && OwnsDataDirectory)
            TryDeleteDirectory(DataDirectory);
    }

    public static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the OS temp cleaner will take the rest.
        }
    }
}
