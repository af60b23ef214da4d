using Engagement.Core.Common;

namespace Engagement.Core.Tests.Common;

/// <summary>The deliberately simple email address check: sane shapes pass, obvious mistakes and hostile input do not.</summary>
public sealed class EmailValidationTests
{
    private static Error? Check(string? email)
    {
        var v = new Validator();
        v.Email("email", email);
        return v.Errors.SingleOrDefault();
    }

    [Theory]
    [InlineData("name@example.org")]
    [InlineData("Élodie.O'Brien+consultations@Exemple.GC.CA")]
    [InlineData("first.last@sub-domain.example.co.uk")]
    [InlineData("x@y.ca")]
    [InlineData("用户@例子.中国")]
    public void Email_accepts_a_plausible_address(string email)
    {
        Assert.Null(Check(email));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Email_is_refused_when_missing(string? email)
    {
        Assert.Equal(("email", ErrorCodes.Required), (Check(email)!.Field, Check(email)!.Code));
    }

    [Theory]
    [InlineData("no-at-sign.example.org")]
    [InlineData("@example.org")]
    [InlineData("name@")]
    [InlineData("two@@example.org")]
    [InlineData("one@two@example.org")]
    [InlineData("name@localhost")]
    [InlineData("name@example..org")]
    [InlineData("name@.example.org")]
    [InlineData("name@example.org.")]
    [InlineData("name@-example.org")]
    [InlineData("name@example-.org")]
    [InlineData("name@exa_mple.org")]
    [InlineData("name@[127.0.0.1]")]
    [InlineData(".name@example.org")]
    [InlineData("name.@example.org")]
    [InlineData("na..me@example.org")]
    [InlineData("first last@example.org")]
    [InlineData(" name@example.org")]
    [InlineData("name@example.org ")]
    [InlineData("name@example.org\n")]
    [InlineData("\"quoted\"@example.org")]
    [InlineData("name<script>@example.org")]
    [InlineData("name@exam ple.org")]
    [InlineData("name\u0000@example.org")]
    public void Email_is_refused_when_badly_formed(string email)
    {
        var error = Check(email);
        Assert.NotNull(error);
        Assert.Equal(("email", ErrorCodes.InvalidFormat), (error.Field, error.Code));
    }

    [Fact]
    public void Email_is_refused_when_the_local_part_is_longer_than_64_characters()
    {
        Assert.Null(Check(new string('a', 64) + "@example.org"));
        Assert.Equal(ErrorCodes.InvalidFormat, Check(new string('a', 65) + "@example.org")!.Code);
    }

    [Fact]
    public void Email_is_refused_when_longer_than_254_characters()
    {
        var label = new string('d', 60);
        var atTheLimit = $"name@{label}.{label}.{label}.{new string('d', 254 - 5 - 3 * 61 - 4)}.org";
        Assert.Equal(TextLimits.Email, atTheLimit.Length);

        Assert.Null(Check(atTheLimit));
        Assert.Equal(("email", ErrorCodes.TooLong), (Check("a" + atTheLimit)!.Field, Check("a" + atTheLimit)!.Code));
    }
}
