using Engagement.Storage.Mongo;
using MongoDB.Bson;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>Every index the adapter creates at start-up, as checked in, plus the rules some of them exist for.</summary>
public sealed class IndexTests
{
    [Fact]
    public void The_indexes_created_at_start_up_are_those_checked_in()
    {
        Approved.Matches("Indexes", new BsonArray(MongoSchema.Indexes.Select(i => i.Render())));
    }

    [Fact]
    public void Index_names_are_unique_within_each_collection()
    {
        var duplicates = MongoSchema.Indexes.GroupBy(i => (i.Collection, i.Name)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_index_is_on_a_declared_collection()
    {
        var declared = typeof(MongoSchema.Collections).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        Assert.All(MongoSchema.Indexes, i => Assert.Contains(i.Collection, declared));
    }

    [Fact]
    public void Ttl_indexes_have_a_single_date_key()
    {
        Assert.All(MongoSchema.Indexes.Where(i => i.ExpireAfter is not null), i =>
        {
            Assert.Equal(1, i.Keys.ElementCount);
            Assert.EndsWith(".at", i.Keys.GetElement(0).Name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Follow_up_addresses_expire_on_the_server_at_their_expiry()
    {
        Assert.Contains(MongoSchema.Indexes, i => i.Collection == MongoSchema.Collections.FollowUps && i.ExpireAfter == TimeSpan.Zero);
    }

    [Theory]
    [InlineData(MongoSchema.Collections.SurveyResponses, "surveyId,participantId")]
    [InlineData(MongoSchema.Collections.Staff, "email")]
    [InlineData(MongoSchema.Collections.ApiTokens, "tokenHash")]
    [InlineData(MongoSchema.Collections.WidgetKeys, "key")]
    [InlineData(MongoSchema.Collections.EmailChallenges, "tokenHash")]
    [InlineData(MongoSchema.Collections.Services, "organisationId,slug")]
    [InlineData(MongoSchema.Collections.Consultations, "organisationId,slug")]
    [InlineData(MongoSchema.Collections.DriftAlerts, "subject,subjectId,metric,day")]
    public void The_one_per_rules_are_unique_indexes(string collection, string keys)
    {
        Assert.Contains(MongoSchema.Indexes, i => i.Collection == collection && i.Unique && string.Join(",", i.Keys.Names) == keys);
    }

    [Fact]
    public void One_reaction_per_participant_per_comment_is_the_reaction_id()
    {
        // The _id index is unique by definition, so the pair as the id is the rule; a second unique index would only cost writes.
        var id = Rendered.Document(new ReactionDocument(new ReactionKey("c-1", "p-1"), Core.Comments.Reaction.Agree, Contract.Make.T0))["_id"].AsBsonDocument;

        Assert.Equal(["commentId", "participantId"], id.Names);
    }

    [Fact]
    public void One_open_moderation_item_per_text_is_a_unique_partial_index()
    {
        var open = Assert.Single(MongoSchema.Indexes, i => i.Collection == MongoSchema.Collections.ModerationItems && i.Unique);

        Assert.NotNull(open.PartialFilter);
    }
}
