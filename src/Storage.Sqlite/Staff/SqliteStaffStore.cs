using Engagement.Core.Staff;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>
/// Staff members in SQLite, one row each with email and external subject unique by constraint; a staff_grants row per
/// organisation where the member holds a grant, rewritten in the member's own transaction, serves the per-organisation list.
/// </summary>
public sealed class SqliteStaffStore(SqliteDatabase db) : IStaffStore
{
    public Task<bool> TryAddAsync(StaffMember member, CancellationToken ct = default) =>
        db.TryWriteAsync(tx =>
        {
            var added = tx.Command("""
                INSERT INTO staff (id, email, external_subject, version, doc)
                VALUES (@id, @email, @external_subject, @version, @doc)
                """)
                .With("@id", member.Id)
                .With("@email", member.Email)
                .With("@external_subject", member.ExternalSubject)
                .With("@version", member.Version)
                .With("@doc", StorageJson.Serialize(member))
                .Run() == 1;
            if (added)
                WriteGrants(tx, member);
            return added;
        }, ct);

    public Task<bool> UpdateAsync(StaffMember member, int expectedVersion, CancellationToken ct = default) =>
        db.TryWriteAsync(tx =>
        {
            var stored = tx.Command("SELECT doc FROM staff WHERE id = @id AND version = @expected")
                .With("@id", member.Id).With("@expected", expectedVersion).ReadDoc<StaffMember>();
            if (stored is null)
                return false;
            var updated = member with { CreatedAt = stored.CreatedAt };
            // A taken email or subject fails the unique constraint here, and TryWriteAsync undoes the whole write.
            var replaced = tx.Command("""
                UPDATE staff SET email = @email, external_subject = @external_subject, version = @version, doc = @doc
                WHERE id = @id
                """)
                .With("@id", updated.Id)
                .With("@email", updated.Email)
                .With("@external_subject", updated.ExternalSubject)
                .With("@version", updated.Version)
                .With("@doc", StorageJson.Serialize(updated))
                .Run() == 1;
            if (replaced)
            {
                tx.Command("DELETE FROM staff_grants WHERE staff_id = @id").With("@id", updated.Id).Run();
                WriteGrants(tx, updated);
            }
            return replaced;
        }, ct);

    public Task<StaffMember?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM staff WHERE id = @id").With("@id", id).ReadDoc<StaffMember>(), ct);

    public Task<StaffMember?> GetByEmailAsync(string email, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM staff WHERE email = @email").With("@email", email).ReadDoc<StaffMember>(), ct);

    public Task<StaffMember?> GetByExternalSubjectAsync(string subject, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM staff WHERE external_subject = @subject").With("@subject", subject).ReadDoc<StaffMember>(), ct);

    public Task<IReadOnlyList<StaffMember>> ListByOrganisationAsync(string organisationId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<StaffMember>>(c => c.Command("""
                SELECT s.doc FROM staff_grants g JOIN staff s ON s.id = g.staff_id
                WHERE g.organisation_id = @organisation_id
                ORDER BY s.email
                """)
            .With("@organisation_id", organisationId)
            .ReadDocs<StaffMember>(), ct);

    public Task<bool> AnyAsync(CancellationToken ct = default) =>
        db.ReadAsync(c =>
        {
            using var command = c.Command("SELECT EXISTS (SELECT 1 FROM staff)");
            return (long)command.ExecuteScalar()! == 1;
        }, ct);

    // The grants table holds one row per organisation, however many roles the member has there.
    private static void WriteGrants(SqliteTransaction tx, StaffMember member) =>
        tx.Command("INSERT INTO staff_grants (organisation_id, staff_id) SELECT DISTINCT value, @id FROM json_each(@organisation_ids)")
            .With("@id", member.Id)
            .WithJsonArray("@organisation_ids", member.Grants.Select(g => g.OrganisationId))
            .Run();
}
