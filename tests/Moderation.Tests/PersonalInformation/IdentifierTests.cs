using static Engagement.Moderation.Tests.PersonalInformation.Masking;

namespace Engagement.Moderation.Tests.PersonalInformation;

/// <summary>Government and financial identifiers: SIN, SSN, passports, health cards, driver's licences, payment cards, bank accounts.</summary>
public sealed class IdentifierTests
{
    [Theory]
    [InlineData("My SIN is 046 454 286 and", "My SIN is [SIN] and")] // starts with 0 (never issued), but named
    [InlineData("social insurance number 152-601-811 over the phone", "social insurance number [SIN] over the phone")]
    [InlineData("259083012 — that's my SIN", "[SIN] — that's my SIN")]
    [InlineData("a letter with my number 366 131 860 on it", "a letter with my number [SIN] on it")] // Luhn-valid alone
    [InlineData("SIN: 123 456 789. Call me.", "SIN: [SIN]. Call me.")] // not Luhn-valid, but named
    [InlineData("Mon NAS est le 409 139 094, pourquoi", "Mon NAS est le [SIN], pourquoi")]
    [InlineData("numéro d'assurance sociale 596-030-825", "numéro d'assurance sociale [SIN]")]
    [InlineData("NAS : 152601814", "NAS : [SIN]")]
    public void Social_insurance_numbers_are_masked_when_Luhn_valid_or_named(string text, string expected) => AssertMasked(text, expected, "pii.sin");

    [Theory]
    [InlineData("The number 152-601-814 is on the form.")] // Luhn-invalid, not named
    [InlineData("The number 046 454 286 is on the form.")] // starts with 0: never an individual's
    [InlineData("Case 366 131 860 is still open.")] // a reference, though Luhn-valid
    [InlineData("Le budget est de 123 456 782 $.")] // an amount
    [InlineData("Coût : 123 456 782 dollars.")]
    [InlineData("Population 1 123 456 782 in total.")] // part of a longer number
    public void Nine_digit_numbers_that_are_not_a_SIN_are_left_alone(string text) => AssertUntouched(text);

    [Theory]
    [InlineData("my SSN is 123-45-6789, and", "my SSN is [SSN], and")]
    [InlineData("social security number 078-05-1120 which", "social security number [SSN] which")]
    [InlineData("Here it is: 321-54-9876.", "Here it is: [SSN].")]
    [InlineData("SSN 536 22 1234 (US)", "SSN [SSN] (US)")]
    [InlineData("numéro de sécurité sociale américain 457-55-5462", "numéro de sécurité sociale américain [SSN]")]
    public void Social_security_numbers_are_masked(string text, string expected) => AssertMasked(text, expected, "pii.ssn");

    [Theory]
    [InlineData("000-12-3456")]
    [InlineData("666-12-3456")]
    [InlineData("912-34-5678")]
    [InlineData("123-00-4567")]
    [InlineData("123-45-0000")]
    [InlineData("Order 536 22 1234 shipped.")] // spaced, not named
    public void SSN_shapes_outside_the_issued_ranges_or_unnamed_and_spaced_are_left_alone(string text) => AssertUntouched(text);

    [Theory]
    [InlineData("charged on my card 4111 1111 1111 1111 twice", "charged on my card [card number] twice")]
    [InlineData("mastercard 5555-5555-5555-4444 please", "mastercard [card number] please")]
    [InlineData("Amex 3782 822463 10005 declined", "Amex [card number] declined")]
    [InlineData("number 4012888888881881, expiry 04/27", "number [card number], expiry 04/27")]
    [InlineData("Discover 6011 1111 1111 1117.", "Discover [card number].")]
    [InlineData("JCB 3530 1113 3330 0000", "JCB [card number]")]
    [InlineData("Numéro de carte : 2223 0031 2200 3222.", "Numéro de carte : [card number].")]
    [InlineData("old Visa 4222222222222 still", "old Visa [card number] still")]
    [InlineData("Diners 3056 9309 0259 04", "Diners [card number]")]
    public void Payment_card_numbers_are_masked_when_Luhn_valid_with_a_known_prefix(string text, string expected) => AssertMasked(text, expected, "pii.payment_card");

    [Theory]
    [InlineData("card 4111 1111 1111 1112")] // Luhn-invalid
    [InlineData("ref 0000 0000 0000 0000")] // Luhn-valid, no network
    [InlineData("id 9999 9999 9999 9995")] // Luhn-valid, no network
    [InlineData("ISBN 9783161484100")]
    [InlineData("1234567890123456789012345678901234567890")] // a long run is not a card
    public void Digit_runs_that_are_not_cards_are_left_alone(string text) => AssertUntouched(text);

    [Theory]
    [InlineData("My passport number is AB123456 and", "My passport number is [passport] and")]
    [InlineData("Passeport GK 445566 : toujours rien", "Passeport [passport] : toujours rien")]
    [InlineData("GA302922 is my passport number", "[passport] is my passport number")]
    [InlineData("passeport no. qc 135790 svp", "passeport no. [passport] svp")]
    [InlineData("US passport 123456789, can I", "US passport [passport], can I")]
    [InlineData("my son's passport (number XY987654) in March", "my son's passport (number [passport]) in March")]
    public void Passport_numbers_are_masked_next_to_the_word_passport(string text, string expected) => AssertMasked(text, expected, "pii.passport");

    [Theory]
    [InlineData("Product AB123456 is out of stock.")] // the shape alone is too common
    [InlineData("My passport took 6 weeks and cost $160 in 2024.")]
    [InlineData("The passport office is open in 123456 ways.")] // "in" is a word, not a prefix
    [InlineData("I lost my passport. Ticket 123456789 was issued.")] // another sentence
    public void Passport_shapes_without_the_word_are_left_alone(string text) => AssertUntouched(text);

    [Theory]
    [InlineData("My OHIP number is 4875-749-113 and", "My OHIP number is [health card] and")]
    [InlineData("health card 8625 276 012 AB, please", "health card [health card], please")]
    [InlineData("Can someone check 4650-752-910-KT?", "Can someone check [health card]?")] // Ontario layout, Luhn-valid
    [InlineData("BC PHN 9127 684 269 not recognised", "BC PHN [health card] not recognised")]
    [InlineData("my health number is 9223307924 (BC)", "my health number is [health card] (BC)")]
    [InlineData("Manitoba health card 123456789 refused", "Manitoba health card [health card] refused")]
    [InlineData("Ma carte santé TREM 8512 1534 est expirée", "Ma carte santé [health card] est expirée")]
    [InlineData("carte soleil GAGJ 7603 0812 svp", "carte soleil [health card] svp")]
    [InlineData("On m'a demandé TREM 8512 1534 au triage", "On m'a demandé [health card] au triage")] // RAMQ alone: capitals, real date
    [InlineData("Mon numéro RAMQ est lapm 6811 2505.", "Mon numéro RAMQ est [health card].")]
    [InlineData("de l'Ontario 7034-236-674 ne fonctionne pas", "de l'Ontario [health card] ne fonctionne pas")]
    public void Health_card_numbers_are_masked(string text, string expected) => AssertMasked(text, expected, "pii.health_card");

    [Theory]
    [InlineData("Check 4875-749-114 please.")] // Ontario layout, Luhn-invalid, unnamed
    [InlineData("Code TREM 8599 1534 again.")] // month 99
    [InlineData("word trem 8512 1534 in lower case")] // lower case needs the word
    [InlineData("My health card expired in 2023 and renewal took 45 minutes.")]
    public void Health_card_shapes_that_fail_their_checks_are_left_alone(string text) => AssertUntouched(text);

    [Theory]
    [InlineData("My driver's licence A1234-56789-01234 was suspended", "My driver's licence [driver's licence] was suspended")]
    [InlineData("Ontario licence B4321-98765-43210, check", "Ontario licence [driver's licence], check")]
    [InlineData("permis de conduire L1234-120586-09 suspendu", "permis de conduire [driver's licence] suspendu")]
    [InlineData("permis de conduire no T6543 210987 11", "permis de conduire no [driver's licence]")]
    [InlineData("driver's license number 1234567 (BC)", "driver's license number [driver's licence] (BC)")]
    [InlineData("Alberta driving licence 123456-789 renewal", "Alberta driving licence [driver's licence] renewal")]
    [InlineData("Please update DL S5555-12345-67890 now", "Please update DL [driver's licence] now")]
    public void Drivers_licence_numbers_are_masked(string text, string expected) => AssertMasked(text, expected, "pii.drivers_licence");

    [Theory]
    [InlineData("My driver's licence was renewed on 2024-05-12 for $90.")]
    [InlineData("Business licence 1234567 for the food truck.")] // not a driver's licence word
    [InlineData("Permis de conduire : 3 semaines d'attente et 12 000 personnes en file.")]
    public void Licence_words_with_dates_amounts_or_counts_are_left_alone(string text) => AssertUntouched(text);

    [Theory]
    [InlineData("deposit the refund to 12345-003-1234567.", "deposit the refund to [bank account].")]
    [InlineData("transit 12345, institution 003, account 1234567", "transit [bank account], institution 003, account [bank account]")]
    [InlineData("My bank account number is 000123456789 and", "My bank account number is [bank account] and")]
    [InlineData("IBAN GB82 WEST 1234 5698 7654 32 for", "IBAN [bank account] for")]
    [InlineData("Dépôt direct : FR76 3000 6000 0112 3456 7890 189", "Dépôt direct : [bank account]")]
    [InlineData("compte DE89370400440532013000 merci", "compte [bank account] merci")]
    [InlineData("no de compte 987654321 à la Banque Nationale", "no de compte [bank account] à la Banque Nationale")]
    [InlineData("Compte bancaire 1234567, transit 00123", "Compte bancaire [bank account], transit [bank account]")]
    public void Bank_account_numbers_are_masked(string text, string expected) => AssertMasked(text, expected, "pii.bank_account");

    [Theory]
    [InlineData("La ville compte 12 000 habitants et 1 aréna.")] // compter, the verb
    [InlineData("My account was charged $125.00 twice.")]
    [InlineData("I have had an account since 2019.")]
    [InlineData("Pay GB82 WEST 1234 5698 7654 33 now")] // fails mod 97 (after the word IBAN its digits would count as an account number)
    [InlineData("Bank Street 12345 runners this year")]
    public void Banking_words_with_amounts_years_and_counts_are_left_alone(string text) => AssertUntouched(text);
}
