using Engagement.Core.ApiTokens;
using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Staff;
using Engagement.Core.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Engagement.Core.Tests.ApiTokens;

/// <summary>Issuing API tokens: an "eng_" secret shown once, only its hash stored, named, scoped to one organisation and role.</summary>
public sealed class CreateApiTokenTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private Task<Result<CreateApiToken.Created>> CreateAsync(string organisationId, string name = "Power BI export", Role role = Role.Analyst, DateTimeOffset? expiresAt = null) =>
        _platform.CreateApiToken.ExecuteAsync(new CreateApiToken.Request(organisationId, name, role, expiresAt), TestPlatform.Staff);

    private async Task AssertRefusedAsync(string field, string code, string name = "Power BI export", Role role = Role.Analyst, DateTimeOffset? expiresAt = null)
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var before = await _platform.SnapshotAsync(organisation.Id);

        ResultAssert.FailedOnly(await CreateAsync(organisation.Id, name, role, expiresAt), field, code);

        Assert.Equal(before, await _platform.SnapshotAsync(organisation.Id));
        Assert.Empty(await _platform.ApiTokens.ListByOrganisationAsync(organisation.Id));
    }

    // ---- Accepted ----

    [Fact]
    public async Task Create_returns_an_eng_secret_of_47_url_safe_characters_and_stores_the_token_under_its_hash()
    {
        var organisation = await _platform.CreateOrganisationAsync();
        var expiresAt = ManualClock.Start.AddDays(90);

        var created = ResultAssert.Succeeded(await CreateAsync(organisation.Id, "Tableau « nightly » 📊", Role.Moderator, expiresAt));

        var secret = created.Secret;
        Assert.StartsWith("eng_", secret, StringComparison.Ordinal);
        Assert.Equal(47, secret.Length);
        Assert.All(secret[4..], c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
        var stored = await _platform.ApiTokens.GetAsync(created.Token.Id);
        Assert.NotNull(stored);
        Assert.Equal(SecretTokens.Hash(secret), stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.Equal(secret[..8], stored.Prefix);
        Assert.Equal(
            (organisation.Id, "Tableau « nightly » 📊", Role.Moderator, TestPlatform.Staff.Id, ManualClock.Start, (DateTimeOffset?)expiresAt, (DateTimeOffset?)null),
            (stored.OrganisationId, stored.Name, stored.Role, stored.CreatedBy, stored.CreatedAt, stored.ExpiresAt, stored.RevokedAt));
        var entry = Assert.Single(await _platform.AuditTrailAsync(organisation.Id, stored.Id));
        Assert.Equal((AuditActions.ApiTokenCreated, "api_token", TestPlatform.Staff), (entry.Action, entry.TargetType, entry.Actor));
    }

    [Fact]
    public async Task Create_accepts_a_token_that_never_expires()
    {
        var created = await _platform.CreateApiTokenAsync(expiresAt: null);

        Assert.Null((await _platform.ApiTokens.GetAsync(created.Token.Id))!.ExpiresAt);
    }

    [Fact]
    public async Task Create_gives_every_token_a_different_secret()
    {
        var organisation = await _platform.CreateOrganisationAsync();

        var first = ResultAssert.Succeeded(await CreateAsync(organisation.Id));
        var second = ResultAssert.Succeeded(await CreateAsync(organisation.Id));

        Assert.NotEqual(first.Secret, second.Secret);
        Assert.NotEqual(first.Token.TokenHash, second.Token.TokenHash);
        Assert.Equal(2, (await _platform.ApiTokens.ListByOrganisationAsync(organisation.Id)).Count);
    }

    [Fact]
    public async Task Create_never_writes_the_secret_anywhere_in_the_database()
    {
        var created = await _platform.CreateApiTokenAsync();
        var randomPart = created.Secret[4..];

        // Every text in every table, as an operator with the file (or a thief) would read it.
        await using var connection = new SqliteConnection($"Data Source={db.FilePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
                tables.Add(reader.GetString(0));
        }
        Assert.Contains("api_tokens", tables);
        var found = false;
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            // Table names come from SQLite's own catalogue, not from input.
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetValue(i) is string text)
                    {
                        Assert.DoesNotContain(randomPart, text, StringComparison.Ordinal);
                        found |= text.Contains(created.Token.TokenHash, StringComparison.Ordinal);
                    }
                }
            }
        }
        Assert.True(found, "The token's hash should be stored.");
    }

    // ---- Refused ----

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_is_refused_when_the_name_is_blank(string name)
    {
        await AssertRefusedAsync("name", ErrorCodes.Required, name: name);
    }

    [Fact]
    public async Task Create_is_refused_when_the_name_is_longer_than_200_characters()
    {
        await AssertRefusedAsync("name", ErrorCodes.TooLong, name: new string('n', TextLimits.Name + 1));
    }

    [Theory]
    [MemberData(nameof(SampleTexts.Malformed), MemberType = typeof(SampleTexts))]
    public async Task Create_is_refused_when_the_name_has_control_characters_or_broken_unicode(string name)
    {
        await AssertRefusedAsync("name", ErrorCodes.InvalidFormat, name: "Export " + SampleTexts.MalformedText(name));
    }

    [Fact]
    public async Task Create_is_refused_when_the_role_is_undefined()
    {
        await AssertRefusedAsync("role", ErrorCodes.InvalidFormat, role: (Role)42);
    }

    [Fact]
    public async Task Create_is_refused_when_the_expiry_is_now_or_in_the_past()
    {
        await AssertRefusedAsync("expiresAt", ErrorCodes.OutOfRange, expiresAt: ManualClock.Start);
        await AssertRefusedAsync("expiresAt", ErrorCodes.OutOfRange, expiresAt: ManualClock.Start.AddDays(-1));
    }

    [Fact]
    public async Task Create_is_refused_when_the_organisation_is_unknown()
    {
        var unknown = Ids.New();

        ResultAssert.FailedOnly(await CreateAsync(unknown), "organisationId", ErrorCodes.NotFound);

        Assert.Empty(await _platform.ApiTokens.ListByOrganisationAsync(unknown));
    }
}
