using static Engagement.Moderation.Tests.PersonalInformation.Masking;

namespace Engagement.Moderation.Tests.PersonalInformation;

/// <summary>Postal codes (Canada, United Kingdom, United States), post-office boxes and street addresses.</summary>
public sealed class PostalTests
{
    [Theory]
    [InlineData("I live in K1A 0B1, sadly.", "I live in [postal code], sadly.")]
    [InlineData("postal code k1a0b1, nobody came", "postal code [postal code], nobody came")]
    [InlineData("secteur H2X-1Y4 et", "secteur [postal code] et")]
    [InlineData("Gatineau (Québec) J8Y 6T4.", "Gatineau (Québec) [postal code].")]
    [InlineData("UK resident (SW1A 1AA) here", "UK resident ([postal code]) here")]
    [InlineData("moved to M1 1AE in Manchester", "moved to [postal code] in Manchester")]
    [InlineData("Londres, EC1A 1BB, et", "Londres, [postal code], et")]
    [InlineData("Seattle, WA 98101-1234.", "Seattle, WA [postal code].")]
    [InlineData("Springfield, IL 62704 is where", "Springfield, IL [postal code] is where")]
    [InlineData("zip code 90210 please", "zip code [postal code] please")]
    public void Postal_codes_are_masked(string text, string expected) => AssertMasked(text, expected, "pii.postal_code");

    [Theory]
    [InlineData("D1A 0B1")] // D is never used
    [InlineData("W1A 0B1")] // W and Z never start a Canadian code
    [InlineData("Z9Z 9Z9")]
    [InlineData("K1D 0B1")] // nor D F I O Q U elsewhere
    [InlineData("K1A 0O1")]
    [InlineData("Q3 2024 results, 12345 people, vitamin B12, the M1 motorway, H1N1, N95 masks")]
    [InlineData("It cost 12345 dollars in 2024.")]
    public void Invalid_letters_and_plain_numbers_are_not_postal_codes(string text) => AssertUntouched(text);

    [Theory]
    [InlineData("Mail the cheque to PO Box 1234, Station B.", "Mail the cheque to [PO box], Station B.")]
    [InlineData("P.O. Box 56, Iqaluit", "[PO box], Iqaluit")]
    [InlineData("Send it to Post Office Box 789 please", "Send it to [PO box] please")]
    [InlineData("po box 4410 is mine", "[PO box] is mine")]
    [InlineData("Envoyez à C.P. 123, succursale A.", "Envoyez à [PO box], succursale A.")]
    [InlineData("case postale 456, Chicoutimi", "[PO box], Chicoutimi")]
    [InlineData("CP 7890 Rimouski", "[PO box] Rimouski")]
    [InlineData("au casier postal 321 depuis", "au [PO box] depuis")]
    public void Post_office_boxes_are_masked(string text, string expected) => AssertMasked(text, expected, "pii.po_box");

    [Theory]
    [InlineData("The light in front of 123 Main Street is out.", "The light in front of [address] is out.")]
    [InlineData("I live at 45 Elm Ave and", "I live at [address] and")]
    [InlineData("apt 4, 56 Elm Ave, the landlord", "[address], the landlord")]
    [InlineData("send the inspector to 1600 Carling Avenue, unit 12.", "send the inspector to [address].")]
    [InlineData("my house at 22 oak crescent floods", "my house at [address] floods")]
    [InlineData("Garbage at 350 Sparks St. for 3 weeks", "Garbage at [address] for 3 weeks")]
    [InlineData("Garbage at 350 Sparks St. The bins are full.", "Garbage at [address]. The bins are full.")]
    [InlineData("Deliver to 12-345 King St W, buzzer broken", "Deliver to [address], buzzer broken")]
    [InlineData("at 88 Queen's Park Cres E, room 3", "at [address], room 3")]
    [InlineData("221B Baker Street, 3 am", "[address], 3 am")]
    [InlineData("1 Rideau St has a broken ramp", "[address] has a broken ramp")]
    [InlineData("12 Bank Street apt 3 lights are out", "[address] lights are out")]
    [InlineData("the tree at 1234 Highway 7 fell", "the tree at [address] fell")]
    [InlineData("farm at 1234 Concession Road 5, Lanark", "farm at [address], Lanark")]
    [InlineData("apt. 12 - 4500 ch. de la Côte-des-Neiges", "[address]")]
    [InlineData("Meet me at 123 St. Laurent Blvd tomorrow", "Meet me at [address] tomorrow")]
    [InlineData("Noise at 200 5th Avenue", "Noise at [address]")]
    [InlineData("Le lampadaire devant le 45 rue Sainte-Catherine Ouest est brisé.", "Le lampadaire devant le [address] est brisé.")]
    [InlineData("J'habite au 1200 boul. René-Lévesque et", "J'habite au [address] et")]
    [InlineData("devant le 3456, chemin Sainte-Foy.", "devant le [address].")]
    [InlineData("Les ordures au 12, avenue des Pins n'ont pas", "Les ordures au [address] n'ont pas")]
    [InlineData("j'habite au 45 rue principale a coté", "j'habite au [address] a coté")]
    [InlineData("Le 3-1450 boulevard de Maisonneuve a froid", "Le [address] a froid")]
    [InlineData("Bruit au 15 place d'Youville.", "Bruit au [address].")]
    [InlineData("Déneigement oublié au 1234, route 132 Est.", "Déneigement oublié au [address].")]
    [InlineData("au 5 rue de la Gauchetière, le trottoir", "au [address], le trottoir")]
    [InlineData("app. 3, 220 montée Sainte-Julie.", "[address].")]
    public void Street_addresses_are_masked_in_English_and_French_order(string text, string expected) => AssertMasked(text, expected, "pii.address");

    [Theory]
    [InlineData("I waited 45 minutes on Main Street.")]
    [InlineData("In 1999 Main Street was rebuilt.")]
    [InlineData("Since 2015 Bank Street has needed sidewalks.")]
    [InlineData("The 12 Bank Street bus never comes.")]
    [InlineData("The 3 Main Street crossings need guards.")]
    [InlineData("2 Main Street businesses closed this year.")]
    [InlineData("3 Bank St buses went by full.")]
    [InlineData("Route 95 and the 12 bus, then exit 12 Highway 7.")]
    [InlineData("It is a 5 minute drive, 2 way street, 10 km road.")]
    [InlineData("Il reste 1 place libre au camp.")]
    [InlineData("La 3e avenue est en travaux.")]
    [InlineData("Il n'y a que 2 places de stationnement, à 2 rues d'ici.")]
    [InlineData("La route 132 et l'autoroute 20, sortie 98.")]
    [InlineData("Renovations at 24 Sussex took 8 years.")]
    [InlineData("The staff at the Sussex Drive office, Bank and Somerset corner.")]
    public void Counts_years_routes_and_street_names_alone_are_not_addresses(string text) => AssertUntouched(text);
}
