using static Engagement.Moderation.Tests.PersonalInformation.Masking;

namespace Engagement.Moderation.Tests.PersonalInformation;

/// <summary>Email addresses (plain and written out), phone numbers (North American, international, French) and IP addresses.</summary>
public sealed class ContactDetailsTests
{
    [Theory]
    [InlineData("Write to jane.doe@gmail.com.", "Write to [email].")]
    [InlineData("mon courriel : jf_gagnon@yahoo.fr, merci", "mon courriel : [email], merci")]
    [InlineData("(m.tremblay+city@outlook.ca)", "([email])")]
    [InlineData("My emial is KIM.NGUYEN@YAHOO.CA sorry for caps", "My emial is [email] sorry for caps")]
    [InlineData("josé.côté@exemple.qc.ca répondra", "[email] répondra")]
    [InlineData("reach me at bob dot smith at gmail dot com today", "reach me at [email] today")]
    [InlineData("écrivez à sylvie point roy arobase gmail point com svp", "écrivez à [email] svp")]
    [InlineData("Mon courriel: andre arobase videotron point ca", "Mon courriel: [email]")]
    [InlineData("send it to d.oconnor (at) rogers (dot) com please", "send it to [email] please")]
    [InlineData("he uses harasser99 [at] protonmail [dot] com!", "he uses [email]!")]
    [InlineData("luc.ouellet(at)hotmail(dot)com si jamais", "[email] si jamais")]
    [InlineData("name@example dot com", "[email]")]
    [InlineData("jdoe at gmail.com is mine", "[email] is mine")]
    public void Email_addresses_are_masked_plain_or_written_out(string text, string expected) => AssertMasked(text, expected, "pii.email");

    [Theory]
    [InlineData("Information is available at canada dot ca, but the site is confusing.")]
    [InlineData("More info at canada.ca and at ontario.ca.")]
    [InlineData("We met at city hall at 7 and left at 9.")]
    [InlineData("Look at google dot com for the answer")]
    [InlineData("Thanks @cityhall for nothing")]
    [InlineData("me@home tonight")]
    [InlineData("Je suis allé au point de service, point final.")]
    public void Prepositions_handles_and_websites_are_not_email_addresses(string text) => AssertUntouched(text);

    [Theory]
    [InlineData("Call me at (613) 555-0123 after 5 pm.", "Call me at [phone] after 5 pm.")]
    [InlineData("My number is 613-555-0147, thanks", "My number is [phone], thanks")]
    [InlineData("613.555.0198 is my cell", "[phone] is my cell")]
    [InlineData("reach me on +1 613 555 0123 ext. 12 today", "reach me on [phone] today")]
    [InlineData("I called 1-800-555-0199 three times", "I called [phone] three times")]
    [InlineData("my phone 4165550176 if needed", "my phone [phone] if needed")]
    [InlineData("Tel: 905 555 0182 x 204 (work)", "Tel: [phone] (work)")]
    [InlineData("Appelez-moi au 514 555-0123, poste 12, entre 9 h et 17 h.", "Appelez-moi au [phone], entre 9 h et 17 h.")]
    [InlineData("Mon numéro : (450) 555-0172.", "Mon numéro : [phone].")]
    [InlineData("Rejoignez-moi au 1-581-555-0144 poste 3021", "Rejoignez-moi au [phone]")]
    [InlineData("au 514\u00A0555-0123 svp", "au [phone] svp")]
    [InlineData("call +44 20 7946 0958 if needed", "call [phone] if needed")]
    [InlineData("Je suis joignable au +33 1 23 45 67 89.", "Je suis joignable au [phone].")]
    [InlineData("ou au +33 (0)1 23 45 67 89", "ou au [phone]")]
    [InlineData("Ma fille : 06 12 34 56 78.", "Ma fille : [phone].")]
    [InlineData("my cell is 555-0134, call after 6", "my cell is [phone], call after 6")]
    [InlineData("tel 020 7946 0958 (London)", "tel [phone] (London)")]
    public void Phone_numbers_are_masked_in_north_american_and_international_formats(string text, string expected) => AssertMasked(text, expected, "pii.phone");

    [Theory]
    [InlineData("Call 311 for the city, 911 in an emergency, 211 for services.")]
    [InlineData("Meeting on 2024-05-12 at 10:30, room 2-101.")]
    [InlineData("Open 8:30-16:30, Monday to Friday, 9-5 for the counter.")]
    [InlineData("La ligne info-collectes c'est le 3-1-1.")]
    [InlineData("The budget is $1,234,567.89 and 1 234 567,89 $ in French.")]
    [InlineData("My case number 2024051234 has not moved in 6 weeks.")]
    [InlineData("ISBN 978-3-16-148410-0 is the report's.")]
    [InlineData("Scores were 3-2, 4-1 and 10-9.")]
    [InlineData("211-555-0123 is not a real area code.")]
    public void Service_numbers_dates_times_money_and_references_are_not_phone_numbers(string text) => AssertUntouched(text);

    [Theory]
    [InlineData("appelez le ６１３-５５５-０１２３ svp", "appelez le [phone] svp", "pii.phone")]
    [InlineData("رقمي ٦١٣-٥٥٥-٠١٢٣ شكرا", "رقمي [phone] شكرا", "pii.phone")]
    [InlineData("écrivez à ｊａｎｅ＠ｇｍａｉｌ．ｃｏｍ", "écrivez à [email]", "pii.email")]
    public void Digits_of_other_scripts_and_full_width_forms_are_found_in_place(string text, string expected, string code) => AssertMasked(text, expected, code);

    [Theory]
    [InlineData("Your site blocked my IP 203.0.113.42 for no reason.", "Your site blocked my IP [IP address] for no reason.")]
    [InlineData("error with 192.168.1.254 in it", "error with [IP address] in it")]
    [InlineData("IPv6 2001:db8:85a3::8a2e:370:7334 is blocked", "IPv6 [IP address] is blocked")]
    [InlineData("my ip is 2001:0db8:85a3:0000:0000:8a2e:0370:7334", "my ip is [IP address]")]
    [InlineData("adresse IPv6 fe80::1ff:fe23:4567:890a bloquée", "adresse IPv6 [IP address] bloquée")]
    [InlineData("mapped ::ffff:192.0.2.1 too", "mapped [IP address] too")]
    [InlineData("Le site affiche 10.0.0.138 quand ça plante.", "Le site affiche [IP address] quand ça plante.")]
    public void IP_addresses_are_masked(string text, string expected) => AssertMasked(text, expected, "pii.ip_address");

    [Theory]
    [InlineData("Windows version 10.0.0.1 broke the kiosk")]
    [InlineData("Section 4.2.1.3 of the bylaw is unclear")]
    [InlineData("Windows 10.0.19045.4291 broke it")]
    [InlineData("256.1.1.1 and 1.2.3 are not addresses")]
    [InlineData("It crashed at 10:30:45, then again at 12:30.")]
    [InlineData("std::vector and a::b are code, not addresses")]
    [InlineData("MAC 00:1A:2B:3C:4D:5E is a device id")]
    public void Versions_sections_times_and_code_are_not_IP_addresses(string text) => AssertUntouched(text);
}
