using Engagement.Core.Participants;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the participant and sign-in link stores send, rendered and compared with the checked-in JSON; addresses and hashes stay data.</summary>
public sealed class ParticipantQueriesTests
{
    [Fact]
    public void Renders_every_participant_query()
    {
        Approved.Matches("MongoParticipantStore/ById", Rendered.Of(MongoParticipantStore.Queries.ById("p-1")));
        Approved.Matches("MongoParticipantStore/ByEmail", Rendered.Of(MongoParticipantStore.Queries.ByEmail("person@example.org")));
        Approved.Matches("MongoParticipantStore/Token", Rendered.Of(MongoParticipantStore.Queries.Token(new string('a', 64))));
        Approved.Matches("MongoParticipantStore/WithoutEmail", Rendered.Of(MongoParticipantStore.Queries.WithoutEmail("p-1")));
        Approved.Matches("MongoParticipantStore/VerifyEmail", Rendered.Of(MongoParticipantStore.Queries.VerifyEmail("person@example.org", Make.T0)));
        Approved.Matches("MongoParticipantStore/Participant.document", Rendered.Document(Samples.Participant()));
        Approved.Matches("MongoParticipantStore/Token.document", Rendered.Document(new ParticipantTokenDocument(new string('a', 64), "p-1", Make.T0)));
    }

    [Fact]
    public void Renders_every_sign_in_link_query()
    {
        var idOnly = MongoEmailChallengeStore.Queries.IdOnly()
            .Render(new RenderArgs<EmailChallenge>(BsonSerializer.LookupSerializer<EmailChallenge>(), BsonSerializer.SerializerRegistry)).Document;

        Approved.Matches("MongoEmailChallengeStore/ByTokenHash", Rendered.Of(MongoEmailChallengeStore.Queries.ByTokenHash(new string('b', 64))));
        Approved.Matches("MongoEmailChallengeStore/AddressSince", Rendered.Of(MongoEmailChallengeStore.Queries.AddressSince("élodie@exemple.ca", Make.T0)));
        Approved.Matches("MongoEmailChallengeStore/UseIfUsable", Rendered.Of(MongoEmailChallengeStore.Queries.UseIfUsable(Make.T0.AddMinutes(1))));
        Approved.Matches("MongoEmailChallengeStore/CreatedBefore", Rendered.Of(MongoEmailChallengeStore.Queries.CreatedBefore(Make.T0)));
        Approved.Matches("MongoEmailChallengeStore/Oldest", Rendered.Of(MongoEmailChallengeStore.Queries.Oldest()));
        Approved.Matches("MongoEmailChallengeStore/IdOnly", idOnly);
        Approved.Matches("MongoEmailChallengeStore/IdsCreatedBefore", Rendered.Of(MongoEmailChallengeStore.Queries.IdsCreatedBefore(["ch-1", "ch-2"], Make.T0)));
        Approved.Matches("MongoEmailChallengeStore/Challenge.document", Rendered.Document(Samples.Challenge()));
    }

    [Fact]
    public void A_link_is_used_only_while_unused_and_strictly_before_its_expiry_and_otherwise_kept_as_it_is()
    {
        var now = Make.T0.AddMinutes(1);

        var stage = Assert.Single(Rendered.Of(MongoEmailChallengeStore.Queries.UseIfUsable(now)).AsBsonArray)["$set"]["usedAt"]["$cond"];

        var usable = stage["if"]["$and"].AsBsonArray;
        Assert.Equal(new BsonDocument("$eq", new BsonArray { new BsonDocument("$ifNull", new BsonArray { "$usedAt", BsonNull.Value }), BsonNull.Value }), usable[0]);
        Assert.Equal(new BsonDocument("$gt", new BsonArray { "$expiresAt.ticks", now.UtcTicks }), usable[1]);
        Assert.Equal(now.UtcTicks, stage["then"]["$literal"]["ticks"].AsInt64);
        Assert.Equal("$usedAt", stage["else"].AsString);
    }

    [Theory]
    [MemberData(nameof(Hostile.Texts), MemberType = typeof(Hostile))]
    public void Operator_text_in_addresses_and_token_hashes_is_stored_and_matched_as_a_plain_string(string hostile)
    {
        var participant = Samples.Participant() with { Email = hostile, TokenHash = hostile };
        var challenge = Samples.Challenge() with { Address = hostile, TokenHash = hostile };

        var storedParticipant = Rendered.Document(participant);
        var storedChallenge = Rendered.Document(challenge);
        var byEmail = Rendered.Of(MongoParticipantStore.Queries.ByEmail(hostile));
        var token = Rendered.Of(MongoParticipantStore.Queries.Token(hostile));
        var verify = Rendered.Of(MongoParticipantStore.Queries.VerifyEmail(hostile, Make.T0)).AsBsonDocument;
        var since = Rendered.Of(MongoEmailChallengeStore.Queries.AddressSince(hostile, Make.T0));
        var byHash = Rendered.Of(MongoEmailChallengeStore.Queries.ByTokenHash(hostile));

        Assert.Equal(hostile, storedParticipant["email"].AsString);
        Assert.Equal(hostile, storedParticipant["tokenHash"].AsString);
        Assert.Equal(hostile, storedChallenge["address"].AsString);
        Assert.Equal(hostile, byEmail["email"].AsString);
        Assert.Equal(hostile, token["_id"].AsString);
        Assert.Equal(hostile, verify["$set"]["email"].AsString);
        Assert.Equal(hostile, since["address"].AsString);
        Assert.Equal(hostile, byHash["tokenHash"].AsString);
        Hostile.NoFieldNameFromData(storedParticipant);
        Hostile.NoFieldNameFromData(storedChallenge);
    }
}
