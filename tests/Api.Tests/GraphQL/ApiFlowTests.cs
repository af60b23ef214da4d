using System.Net;
using System.Text.Json;
using Engagement.Api.Tests.Hosting;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>
/// Every query and mutation of the API used end to end over HTTP, the way citizens' pages and staff tools use them,
/// with the error codes clients rely on. Each test makes its own organisation and records.
/// </summary>
public sealed partial class ApiFlowTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly EngagementAppFactory _app = host.App;

    private static object[] EnFr(string en, string fr) => Translations.EnFr(en, fr);

    private static async Task<string> RegisterParticipantAsync(GraphQLClient client) =>
        (await client.QueryAsync("mutation { registerParticipant { participantToken } }")).AssertOk().At("registerParticipant.participantToken").GetString()!;

    /// <summary>Asserts the response carries exactly one error, with this code and, when given, this field and domain reason.</summary>
    private static void AssertError(GraphQLResponse response, string code, string? field = null, string? reason = null)
    {
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var errors = response.Root.GetProperty("errors").EnumerateArray().ToList();
        var error = Assert.Single(errors);
        var extensions = error.GetProperty("extensions");
        Assert.Equal(code, extensions.GetProperty("code").GetString());
        if (field is not null)
            Assert.Equal(field, extensions.GetProperty("field").GetString());
        if (reason is not null)
            Assert.Equal(reason, extensions.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    private static string[] Ids(JsonElement nodes) => nodes.EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToArray();

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(n => n.GetInt32()).ToArray();
}
