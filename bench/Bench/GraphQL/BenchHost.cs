using System.Text.Json;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Participants;
using Engagement.Core.Tallies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Bench.GraphQL;

/// <summary>
/// The real host in memory, on its own temporary store, with one consultation of 50 comments (two replies
/// each), and a hand-written JSON endpoint at /bench/consultation that returns the same page as the GraphQL
/// query, so both are measured through the same server, store and middleware.
/// </summary>
public sealed class BenchHost : IDisposable
{
    public const string ConsultationPageQuery = """
        query($id: ID!) {
          consultation(id: $id) {
            id title { text } summary { text } status
            commentCounts { comments replies }
            comments(first: 50) {
              nodes { id text language createdAt agreeCount disagreeCount
                      replies { id text language createdAt agreeCount disagreeCount } }
              pageInfo { endCursor hasNextPage }
            }
          }
        }
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "engagement-bench", Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<Program> _factory;

    public BenchHost()
    {
        // The benchmark runs from its own output folder, where the test manifest naming the host's content root is absent.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ENGAGEMENT_API", AppContext.BaseDirectory);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:Sqlite:Path", Path.Combine(_directory, "bench.db"));
            b.UseSetting("Seed:DemoData", "false");
            b.UseSetting("RateLimits:GraphQLPerMinute", "1000000");
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, HandWrittenEndpoint>());
        });
        Client = _factory.CreateClient();
        ConsultationId = SeedAsync().GetAwaiter().GetResult();
    }

    public HttpClient Client { get; }

    public string ConsultationId { get; }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Pooled handles may still be closing.
        }
    }

    private async Task<string> SeedAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var org = (await sp.GetRequiredService<Core.Organisations.CreateOrganisation>().ExecuteAsync(new("bench", LocalizedText.EnFr("Bench", "Banc")), Actor.System)).Value;
        var draft = (await sp.GetRequiredService<CreateConsultation>().ExecuteAsync(new(org.Id, "page", LocalizedText.EnFr("Bike lanes", "Pistes"),
            LocalizedText.EnFr("Summary", "Résumé"), LocalizedText.EnFr("Body", "Corps")), Actor.System)).Value;
        var consultation = (await sp.GetRequiredService<OpenConsultation>().ExecuteAsync(new(draft.Id), Actor.System)).Value;
        var participant = (await sp.GetRequiredService<RegisterAnonymousParticipant>().ExecuteAsync()).Value.Participant.Id;
        var post = sp.GetRequiredService<PostComment>();
        for (var i = 0; i < 50; i++)
        {
            var top = (await post.ExecuteAsync(new(consultation.Id, participant, $"Comment number {i}, with some words in it.", "en"))).Value;
            await post.ExecuteAsync(new(consultation.Id, participant, $"Reply {i}a", "fr", top.Id));
            await post.ExecuteAsync(new(consultation.Id, participant, $"Reply {i}b", "en", top.Id));
            await sp.GetRequiredService<ReactToComment>().ExecuteAsync(new(top.Id, participant, Reaction.Agree));
        }
        return consultation.Id;
    }

    /// <summary>What a team would write without GraphQL: the same reads, serialized straight to JSON.</summary>
    private sealed class HandWrittenEndpoint : IStartupFilter
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/bench/consultation", branch => branch.Run(async http =>
            {
                var sp = http.RequestServices;
                var id = http.Request.Query["id"].ToString();
                var consultation = await sp.GetRequiredService<IConsultationStore>().GetAsync(id, http.RequestAborted);
                if (consultation is null)
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                var counts = await sp.GetRequiredService<ITallyStore>().GetAsync(TallyScopes.Consultation(id), http.RequestAborted);
                var thread = (await sp.GetRequiredService<ListComments>().ExecuteAsync(new(id, null, 50), http.RequestAborted)).Value;
                object Node(ListComments.Item item) => new
                {
                    id = item.Comment.Id, text = item.Comment.Text, language = item.Comment.Language, createdAt = item.Comment.CreatedAt,
                    agreeCount = item.Agree, disagreeCount = item.Disagree,
                };
                var body = new
                {
                    data = new
                    {
                        consultation = new
                        {
                            id = consultation.Id,
                            title = new { text = consultation.Title.In("en") },
                            summary = new { text = consultation.Summary.In("en") },
                            status = consultation.Status.ToString().ToUpperInvariant(),
                            commentCounts = new { comments = counts["comments.published"], replies = counts["replies.published"] },
                            comments = new
                            {
                                nodes = thread.Items.Select(i => new
                                {
                                    i.Comment.Id, i.Comment.Text, i.Comment.Language, i.Comment.CreatedAt, agreeCount = i.Agree, disagreeCount = i.Disagree,
                                    replies = i.Replies.Select(Node),
                                }),
                                pageInfo = new { endCursor = thread.NextCursor, hasNextPage = thread.NextCursor is not null },
                            },
                        },
                    },
                };
                http.Response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(http.Response.Body, body, Json, http.RequestAborted);
            }));
        };
    }
}
