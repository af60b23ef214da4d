using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Organisations;

namespace Engagement.Core.Staff;

/// <summary>
/// Adds a staff member with roles in one or more organisations and a local password: the one given, or a generated
/// one returned once (only its hash is stored).
/// </summary>
public sealed class CreateStaffMember(IOrganisationStore organisations, IStaffStore store, IAuditLog audit, TimeProvider clock) : IUseCase
{
    /// <summary>The most grants one request may carry; bounds the organisation look-ups a request can cause.</summary>
    public const int MaxGrants = 50;

    /// <param name="Password">The password to set; null to have one generated.</param>
    public sealed record Request(string Email, string DisplayName, IReadOnlyList<RoleGrant> Grants, string? Password = null);

    /// <param name="GeneratedPassword">The generated password, to hand to the person once; null when one was given.</param>
    public sealed record Created(StaffMember Member, string? GeneratedPassword);

    public async Task<Result<Created>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Email("email", request.Email);
        v.RequiredText("displayName", request.DisplayName, TextLimits.Name);
        ValidateGrants(v, request.Grants);
        if (request.Password is not null)
            PasswordRules.Validate(v, "password", request.Password);
        if (v.HasErrors)
            return Result<Created>.Fail(v.Errors);

        var email = request.Email.ToLowerInvariant();
        // Checked before hashing so a duplicate costs no PBKDF2; the store's unique email still settles races.
        if (await store.GetByEmailAsync(email, ct) is not null)
            return Duplicate();
        for (var i = 0; i < request.Grants.Count; i++)
        {
            if (await organisations.GetAsync(request.Grants[i].OrganisationId, ct) is null)
                v.Add($"grants[{i}].organisationId", ErrorCodes.NotFound, "There is no such organisation.");
        }
        if (v.HasErrors)
            return Result<Created>.Fail(v.Errors);

        var generated = request.Password is null ? PasswordRules.Generate() : null;
        var now = clock.GetUtcNow();
        var member = new StaffMember
        {
            Id = Ids.New(),
            // Lower-cased once here, so every look-up (which lower-cases too) compares exactly.
            Email = email,
            DisplayName = request.DisplayName,
            PasswordHash = PasswordHasher.Hash(request.Password ?? generated!),
            Grants = request.Grants.Distinct().ToArray(),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        if (!await store.TryAddAsync(member, ct))
            return Duplicate();

        // The audit trail is per organisation; the first grant's is where the person was added from.
        var roles = string.Join(", ", member.Grants.Select(g => $"{g.Role} in {g.OrganisationId}"));
        await audit.RecordAsync(clock, actor, member.Grants[0].OrganisationId, AuditActions.StaffCreated, "staff", member.Id,
            detail: roles.Length <= TextLimits.AuditDetail ? roles : roles[..(TextLimits.AuditDetail - 1)] + "…", ct: ct);
        return new Created(member, generated);
    }

    private static Result<Created> Duplicate() =>
        Result<Created>.Fail("email", ErrorCodes.Duplicate, "A staff member already uses this email address.");

    private static void ValidateGrants(Validator v, IReadOnlyList<RoleGrant>? grants)
    {
        if (grants is null || grants.Count == 0)
        {
            v.Add("grants", ErrorCodes.Required, "Give the person at least one role in an organisation.");
            return;
        }
        if (grants.Count > MaxGrants)
        {
            v.Add("grants", ErrorCodes.OutOfRange, $"One person can be given at most {MaxGrants} roles at once.");
            return;
        }
        for (var i = 0; i < grants.Count; i++)
        {
            if (grants[i] is null)
            {
                v.Add($"grants[{i}]", ErrorCodes.Required, "This role is empty.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(grants[i].OrganisationId))
                v.Add($"grants[{i}].organisationId", ErrorCodes.Required, "Say in which organisation the role applies.");
            v.Defined($"grants[{i}].role", grants[i].Role);
        }
    }
}
