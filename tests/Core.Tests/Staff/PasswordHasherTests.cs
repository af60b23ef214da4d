using Engagement.Core.Staff;

namespace Engagement.Core.Tests.Staff;

/// <summary>Password hashes: PBKDF2-SHA512 at the OWASP work factor, salted per hash, self-describing, compared in constant time.</summary>
public sealed class PasswordHasherTests
{
    private const string Password = "correct horse battery staple";

    // One full-strength hash shared by the class: each costs about 0.1 s.
    private static readonly string KnownHash = PasswordHasher.Hash(Password);

    // A cheap hash in the same format, for the tests about inputs rather than about the work factor.
    private static string CheapHash(string password) => PasswordHasher.Hash(password, iterations: 1_000);

    [Fact]
    public void Hash_writes_algorithm_iterations_salt_and_key_in_one_string()
    {
        var parts = KnownHash.Split('$');

        Assert.Equal(4, parts.Length);
        Assert.Equal(("pbkdf2-sha512", "210000"), (parts[0], parts[1]));
        Assert.Equal(PasswordHasher.SaltBytes, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(PasswordHasher.KeyBytes, Convert.FromBase64String(parts[3]).Length);
        Assert.DoesNotContain(Password, KnownHash, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_accepts_the_password_a_hash_was_made_from()
    {
        Assert.True(PasswordHasher.Verify(Password, KnownHash));
    }

    [Theory]
    [InlineData("correct horse battery stapl")]
    [InlineData("correct horse battery staple ")]
    [InlineData("Correct horse battery staple")]
    [InlineData("")]
    public void Verify_refuses_any_other_password(string other)
    {
        Assert.False(PasswordHasher.Verify(other, CheapHash(Password)));
    }

    [Fact]
    public void Hash_uses_a_fresh_salt_each_time_so_equal_passwords_get_different_hashes()
    {
        var first = CheapHash(Password);
        var second = CheapHash(Password);

        Assert.NotEqual(first.Split('$')[2], second.Split('$')[2]);
        Assert.NotEqual(first, second);
        Assert.True(PasswordHasher.Verify(Password, first));
        Assert.True(PasswordHasher.Verify(Password, second));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("correct horse battery staple")]
    [InlineData("pbkdf2-sha512")]
    [InlineData("pbkdf2-sha512$210000$c2FsdHNhbHRzYWx0c2FsdA==")]
    [InlineData("pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=")]
    [InlineData("pbkdf2-sha512$0$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=")]
    [InlineData("pbkdf2-sha512$-1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=")]
    [InlineData("pbkdf2-sha512$+5$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=")]
    [InlineData("pbkdf2-sha512$2000000000$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=")]
    [InlineData("pbkdf2-sha512$99999999999$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=")]
    [InlineData("pbkdf2-sha512$210000$not base64!$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=")]
    [InlineData("pbkdf2-sha512$210000$c2FsdHNhbHRzYWx0c2FsdA==$not base64!")]
    [InlineData("pbkdf2-sha512$210000$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=")]
    [InlineData("pbkdf2-sha512$210000$c2FsdHNhbHRzYWx0c2FsdA==$a2V5")]
    [InlineData("pbkdf2-sha512$210000$c2FsdHNhbHRzYWx0c2FsdA==$$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=")]
    [InlineData("pbkdf2-sha512$210000$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=$extra")]
    [InlineData("PBKDF2-SHA512$210000$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=")]
    public void Verify_is_false_and_does_not_throw_for_a_missing_or_malformed_hash(string? hash)
    {
        Assert.False(PasswordHasher.Verify(Password, hash));
        Assert.True(PasswordHasher.NeedsRehash(hash));
    }

    [Fact]
    public void Verify_is_false_for_a_hash_far_longer_than_any_real_one()
    {
        Assert.False(PasswordHasher.Verify(Password, KnownHash + new string('A', 10_000)));
    }

    [Fact]
    public void Verify_accepts_a_hash_written_with_another_work_factor_which_then_needs_rehashing()
    {
        var older = CheapHash(Password);

        Assert.True(PasswordHasher.Verify(Password, older));
        Assert.True(PasswordHasher.NeedsRehash(older));
        Assert.False(PasswordHasher.NeedsRehash(KnownHash));
    }

    [Fact]
    public void Verify_treats_composed_and_decomposed_accents_as_the_same_password()
    {
        var hash = CheapHash("Caf\u00e9 au lait, s'il vous pla\u00eet");

        Assert.True(PasswordHasher.Verify("Cafe\u0301 au lait, s'il vous plai\u0302t", hash));
    }

    [Fact]
    public void Verify_is_false_for_a_password_with_broken_unicode_and_Hash_refuses_one()
    {
        const string Broken = "lone surrogate \uD83D in the middle";

        Assert.False(PasswordHasher.Verify(Broken, CheapHash("lone surrogate ? in the middle")));
        Assert.Throws<ArgumentException>(() => PasswordHasher.Hash(Broken));
    }

    [Fact]
    public void Generated_passwords_are_24_url_safe_characters_and_differ_each_time()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => PasswordRules.Generate()).ToArray();

        Assert.All(passwords, p =>
        {
            Assert.Equal(PasswordRules.GeneratedLength, p.Length);
            Assert.All(p, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
        });
        Assert.Equal(passwords.Length, passwords.Distinct().Count());
        Assert.True(PasswordRules.GeneratedLength >= 20);
    }
}
