namespace Engagement.Moderation.Screening.PersonalInformation;

/// <summary>
/// A kind of personal information the masking step looks for. The order is the order of the reasons a text gets;
/// the placeholders are English in every language (one set, so moderators and readers learn one vocabulary).
/// </summary>
internal enum PersonalInformationKind
{
    Email,
    Phone,
    PostalCode,
    Sin,
    Ssn,
    PaymentCard,
    Passport,
    HealthCard,
    DriversLicence,
    BankAccount,
    IpAddress,
    PoBox,
    Address,
}

/// <summary>The reason code, placeholder and moderator wording of each <see cref="PersonalInformationKind"/>.</summary>
internal static class PersonalInformationKinds
{
    public static IReadOnlyList<PersonalInformationKind> All { get; } = Enum.GetValues<PersonalInformationKind>();

    /// <summary>The part after "pii." in the reason code, e.g. "postal_code".</summary>
    public static string Name(this PersonalInformationKind kind) => kind switch
    {
        PersonalInformationKind.Email => "email",
        PersonalInformationKind.Phone => "phone",
        PersonalInformationKind.PostalCode => "postal_code",
        PersonalInformationKind.Sin => "sin",
        PersonalInformationKind.Ssn => "ssn",
        PersonalInformationKind.PaymentCard => "payment_card",
        PersonalInformationKind.Passport => "passport",
        PersonalInformationKind.HealthCard => "health_card",
        PersonalInformationKind.DriversLicence => "drivers_licence",
        PersonalInformationKind.BankAccount => "bank_account",
        PersonalInformationKind.IpAddress => "ip_address",
        PersonalInformationKind.PoBox => "po_box",
        PersonalInformationKind.Address => "address",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The reason code, e.g. "pii.email".</summary>
    public static string Code(this PersonalInformationKind kind) => "pii." + kind.Name();

    /// <summary>What replaces each item in the stored text.</summary>
    public static string Placeholder(this PersonalInformationKind kind) => kind switch
    {
        PersonalInformationKind.Email => "[email]",
        PersonalInformationKind.Phone => "[phone]",
        PersonalInformationKind.PostalCode => "[postal code]",
        PersonalInformationKind.Sin => "[SIN]",
        PersonalInformationKind.Ssn => "[SSN]",
        PersonalInformationKind.PaymentCard => "[card number]",
        PersonalInformationKind.Passport => "[passport]",
        PersonalInformationKind.HealthCard => "[health card]",
        PersonalInformationKind.DriversLicence => "[driver's licence]",
        PersonalInformationKind.BankAccount => "[bank account]",
        PersonalInformationKind.IpAddress => "[IP address]",
        PersonalInformationKind.PoBox => "[PO box]",
        PersonalInformationKind.Address => "[address]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The moderator's detail: how many were masked, never what they were ("2 email addresses masked").</summary>
    public static string Detail(this PersonalInformationKind kind, int count) => $"{count} {(count == 1 ? Singular(kind) : Plural(kind))} masked";

    public static string Singular(this PersonalInformationKind kind) => kind switch
    {
        PersonalInformationKind.Email => "email address",
        PersonalInformationKind.Phone => "phone number",
        PersonalInformationKind.PostalCode => "postal code",
        PersonalInformationKind.Sin => "social insurance number",
        PersonalInformationKind.Ssn => "social security number",
        PersonalInformationKind.PaymentCard => "payment card number",
        PersonalInformationKind.Passport => "passport number",
        PersonalInformationKind.HealthCard => "health card number",
        PersonalInformationKind.DriversLicence => "driver's licence number",
        PersonalInformationKind.BankAccount => "bank account number",
        PersonalInformationKind.IpAddress => "IP address",
        PersonalInformationKind.PoBox => "post-office box",
        PersonalInformationKind.Address => "street address",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Plural(this PersonalInformationKind kind) => kind switch
    {
        PersonalInformationKind.Email => "email addresses",
        PersonalInformationKind.IpAddress => "IP addresses",
        PersonalInformationKind.PoBox => "post-office boxes",
        PersonalInformationKind.Address => "street addresses",
        _ => Singular(kind) + "s",
    };
}
