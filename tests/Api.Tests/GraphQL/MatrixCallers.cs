using Engagement.Api.Tests.Hosting;
using Engagement.Core.ApiTokens;
using Engagement.Core.Audit;
using Engagement.Core.Backlog;
using Engagement.Core.Common;
using Engagement.Core.Organisations;
using Engagement.Core.Ratings;
using Engagement.Core.Staff;

namespace Engagement.Api.Tests.GraphQL;

/// <summary>Who calls the API in the authorization matrix. "A" is the organisation every record belongs to; "B" another one.</summary>
public enum Caller
{
    Anonymous,

    /// <summary>A citizen holding a participant token (from registerParticipant), which grants no staff access.</summary>
    Citizen,

    ModeratorOfA,
    AnalystOfA,
    AdminOfA,
    ModeratorOfB,
    AnalystOfB,
    AdminOfB,
    AdminTokenOfA,
    AnalystTokenOfA,
    ModeratorTokenOfA,
    AdminTokenOfB,
    AnalystTokenOfB,
    ModeratorTokenOfB,

    /// <summary>An API token of A with the Citizen role: authenticated, but with no staff permission.</summary>
    CitizenTokenOfA,
}

/// <summary>
/// The callers of the authorization matrix, built once per test class (sign-ins cost a PBKDF2 hash each), and the
/// records they probe that no test changes: a planted staff member, API token, service and rating in A.
/// </summary>
public sealed class MatrixCallers : IAsyncLifetime, IDisposable
{
    public EngagementAppFactory App { get; } = SharedHost.NewApp();

    public Organisation A { get; private set; } = null!;
    public Organisation B { get; private set; } = null!;

    /// <summary>A staff member of A whose email only A's staff may read.</summary>
    public StaffMember PlantedMember { get; private set; } = null!;

    /// <summary>An API token of A whose prefix only A's admins may read.</summary>
    public ApiToken PlantedToken { get; private set; } = null!;

    /// <summary>A service of A, created first so that its audit entry opens A's log; it holds one rating.</summary>
    public Service PlantedService { get; private set; } = null!;

    /// <summary>The comment of the planted rating, which only A's staff may read.</summary>
    public string PlantedRatingComment { get; } = $"planted rating {Guid.NewGuid():N}";

    public string ParticipantToken { get; private set; } = "";

    private readonly Dictionary<Caller, GraphQLClient> _clients = [];
    private readonly Dictionary<Caller, string> _actors = [];
    private readonly Dictionary<Caller, StaffMember> _members = [];

    public GraphQLClient Client(Caller caller) => _clients[caller];

    /// <summary>How the audit log names the caller (kind:id), for staff and token callers.</summary>
    public string ActorOf(Caller caller) => _actors[caller];

    /// <summary>The signed-in member behind a cookie caller; null for the others.</summary>
    public StaffMember? MemberOf(Caller caller) => _members.GetValueOrDefault(caller);

    public async Task InitializeAsync()
    {
        A = await App.CreateOrganisationAsync();
        B = await App.CreateOrganisationAsync();
        PlantedService = await App.CreateServiceAsync(A.Id);
        await App.Get<SubmitRating>().ExecuteAsync(new(PlantedService.Id, 2, "en", PlantedRatingComment));
        PlantedMember = (await App.CreateStaffAsync(A.Id, Role.Analyst)).Member;
        PlantedToken = (await App.Get<CreateApiToken>().ExecuteAsync(new(A.Id, "planted", Role.Analyst, null), Actor.System)).Value.Token;

        // Shipped for the planted service, so that its public "you said, we did" list has an entry to show.
        var improvement = (await App.Get<CreateBacklogItem>().ExecuteAsync(new(A.Id, "Shorter queues", "Planted by the matrix.", ServiceId: PlantedService.Id), Actor.System)).Value;
        foreach (var status in new[] { BacklogStatus.Accepted, BacklogStatus.InProgress, BacklogStatus.Shipped })
            Assert.True((await App.Get<ChangeBacklogStatus>().ExecuteAsync(new(improvement.Id, A.Id, status, status == BacklogStatus.Shipped ? "We opened a second counter." : null), Actor.System)).Succeeded);

        _clients[Caller.Anonymous] = App.Anonymous();
        _clients[Caller.Citizen] = App.Anonymous();
        ParticipantToken = (await _clients[Caller.Citizen].QueryAsync("mutation { registerParticipant { participantToken } }"))
            .AssertOk().At("registerParticipant.participantToken").GetString()!;

        await SignInAsync(Caller.ModeratorOfA, A.Id, Role.Moderator);
        await SignInAsync(Caller.AnalystOfA, A.Id, Role.Analyst);
        await SignInAsync(Caller.AdminOfA, A.Id, Role.Admin);
        await SignInAsync(Caller.ModeratorOfB, B.Id, Role.Moderator);
        await SignInAsync(Caller.AnalystOfB, B.Id, Role.Analyst);
        await SignInAsync(Caller.AdminOfB, B.Id, Role.Admin);
        await TokenAsync(Caller.AdminTokenOfA, A.Id, Role.Admin);
        await TokenAsync(Caller.AnalystTokenOfA, A.Id, Role.Analyst);
        await TokenAsync(Caller.ModeratorTokenOfA, A.Id, Role.Moderator);
        await TokenAsync(Caller.AdminTokenOfB, B.Id, Role.Admin);
        await TokenAsync(Caller.AnalystTokenOfB, B.Id, Role.Analyst);
        await TokenAsync(Caller.ModeratorTokenOfB, B.Id, Role.Moderator);
        await TokenAsync(Caller.CitizenTokenOfA, A.Id, Role.Citizen);
    }

    private async Task SignInAsync(Caller caller, string organisationId, Role role)
    {
        var (member, password) = await App.CreateStaffAsync(organisationId, role);
        _clients[caller] = await App.SignedInAsync(member.Email, password);
        _members[caller] = member;
        _actors[caller] = Actor.Staff(member.Id).ToString();
    }

    private async Task TokenAsync(Caller caller, string organisationId, Role role)
    {
        var created = (await App.Get<CreateApiToken>().ExecuteAsync(new(organisationId, $"{caller}", role, null), Actor.System)).Value;
        _clients[caller] = App.WithToken(created.Secret);
        _actors[caller] = Actor.Staff($"token:{created.Token.Id}").ToString();
    }

    private readonly Dictionary<string, PageCursor?> _auditEnds = [];

    /// <summary>
    /// Where an organisation's audit log ends now: the position of its newest entry. Entries are stamped to the tick
    /// as they are appended, so the walk resumes where the previous one ended.
    /// </summary>
    public async Task<PageCursor?> AuditEndAsync(string organisationId)
    {
        var end = _auditEnds.GetValueOrDefault(organisationId);
        while (true)
        {
            var page = await App.Get<IAuditLog>().ListAsync(organisationId, null, new PageRequest(end, PageRequest.MaxLimit));
            if (page.Items.Count > 0)
                end = PageCursor.Of(page.Items[^1].At, page.Items[^1].Id);
            if (page.Next is null)
                return _auditEnds[organisationId] = end;
        }
    }

    /// <summary>The entries appended to an organisation's audit log after <paramref name="end"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAfterAsync(string organisationId, PageCursor? end) =>
        (await App.Get<IAuditLog>().ListAsync(organisationId, null, new PageRequest(end, PageRequest.MaxLimit))).Items;

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => App.Dispose();
}
