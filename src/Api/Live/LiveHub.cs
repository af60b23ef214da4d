using Engagement.Api.Auth;
using Engagement.Core.ApiTokens;
using Engagement.Core.Live;
using Engagement.Core.Ratings;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using Microsoft.AspNetCore.SignalR;

namespace Engagement.Api.Live;

/// <summary>
/// The live hub at <see cref="LiveEndpoints.HubPath"/>. A client joins the groups of what it shows and gets the
/// current snapshot back at once; <see cref="CoalescingBroadcaster"/> then pushes "snapshot" (topic, payload)
/// messages to the group as things change.
/// </summary>
public sealed class LiveHub(LiveSnapshots snapshots, IStaffStore staff, IApiTokenStore tokens, TimeProvider clock) : Hub
{
    /// <summary>Groups one connection may join, so a client cannot make the server hold an unbounded list for it.</summary>
    public const int MaxGroupsPerConnection = 100;

    private const int MaxIdLength = 100;

    public Task<ConsultationSnapshot> JoinConsultation(string consultationId) =>
        JoinAsync(LiveTopic.Consultation(Checked(consultationId, "consultation")), snapshots.ConsultationAsync, "There is no such open or closed consultation.");

    public Task<GetSurveyResults.Results> JoinSurvey(string surveyId) =>
        JoinAsync(LiveTopic.Survey(Checked(surveyId, "survey")), snapshots.SurveyAsync, "There is no such open or closed survey.");

    public Task<RatingSummary> JoinService(string serviceId) =>
        JoinAsync(LiveTopic.Service(Checked(serviceId, "service")), snapshots.ServiceAsync, "There is no such service.");

    /// <summary>Staff only: someone who may read staff data in that organisation (a signed-in member or an API token).</summary>
    public async Task<ModerationQueueSnapshot> JoinModerationQueue(string organisationId)
    {
        await RequireStaffAsync(Checked(organisationId, "organisation"), "moderation queue");
        return await JoinAsync(LiveTopic.ModerationQueue(organisationId), snapshots.ModerationQueueAsync, "There is no such organisation.");
    }

    /// <summary>Staff only, as <see cref="JoinModerationQueue"/>: the organisation's backlog board.</summary>
    public async Task<BacklogSnapshot> JoinBacklog(string organisationId)
    {
        await RequireStaffAsync(Checked(organisationId, "organisation"), "backlog board");
        return await JoinAsync(LiveTopic.Backlog(organisationId), snapshots.BacklogAsync, "There is no such organisation.");
    }

    private async Task RequireStaffAsync(string organisationId, string what)
    {
        var ct = Context.ConnectionAborted;
        // Grants are read now, not when the connection opened, so a removed role or revoked token stops new joins.
        var (access, _) = await RequestAccess.ForUserAsync(Context.User, staff, ct);
        if (Context.User is { } user && StaffClaims.TokenIdOf(user) is { } tokenId)
        {
            // A token was checked when the connection opened; it may have been revoked or expired since.
            var token = await tokens.GetAsync(tokenId, ct);
            if (token is null || !token.IsActiveAt(clock.GetUtcNow()))
                access = StaffAccess.None;
        }
        if (!access.IsStaff)
            throw new HubException($"Sign in as staff, or connect with an API token, to watch an organisation's {what}.");
        if (!access.Can(organisationId, Permission.ReadStaffData))
            throw new HubException($"You may watch only the {what} of an organisation where you moderate, analyse or administer.");
    }

    private async Task<T> JoinAsync<T>(LiveTopic topic, Func<string, CancellationToken, Task<T?>> read, string notFound) where T : class
    {
        var ct = Context.ConnectionAborted;
        var joined = (HashSet<string>)(Context.Items.TryGetValue(nameof(LiveHub), out var items) ? items! : Context.Items[nameof(LiveHub)] = new HashSet<string>());
        if (!joined.Contains(topic.Name) && joined.Count >= MaxGroupsPerConnection)
            throw new HubException($"One connection may watch at most {MaxGroupsPerConnection} things; open another connection for more.");

        // Join before reading: a write committed after the read is pushed to the group, one committed before is in
        // what is returned, so nothing falls between the two.
        await Groups.AddToGroupAsync(Context.ConnectionId, topic.Name, ct);
        var snapshot = await read(topic.Id, ct);
        if (snapshot is null)
        {
            if (!joined.Contains(topic.Name))
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, topic.Name, ct);
            throw new HubException(notFound);
        }
        joined.Add(topic.Name);
        return snapshot;
    }

    private static string Checked(string? id, string what) =>
        string.IsNullOrWhiteSpace(id) ? throw new HubException($"Give the id of the {what} to watch.")
        : id.Length > MaxIdLength ? throw new HubException($"There is no such {what}.")
        : id;
}
