using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Surveys;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;
using MongoDB.Bson;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the consultation and survey stores send, rendered and compared with the checked-in JSON; version checks and cleared fields.</summary>
public sealed class ConsultationQueriesTests
{
    [Fact]
    public void Renders_every_consultation_query()
    {
        var cleared = Samples.Consultation() with { OpensAt = null, ClosesAt = null, Outcome = LocalizedText.Empty, Version = 3 };

        Approved.Matches("MongoConsultationStore/ById", Rendered.Of(MongoConsultationStore.Queries.ById("con-1")));
        Approved.Matches("MongoConsultationStore/BySlug", Rendered.Of(MongoConsultationStore.Queries.BySlug("org-1", "parks")));
        Approved.Matches("MongoConsultationStore/OfOrganisation.any", Rendered.Of(MongoConsultationStore.Queries.OfOrganisation("org-1", null)));
        Approved.Matches("MongoConsultationStore/OfOrganisation.open", Rendered.Of(MongoConsultationStore.Queries.OfOrganisation("org-1", ConsultationStatus.Open)));
        Approved.Matches("MongoConsultationStore/Newest", Rendered.Of(MongoConsultationStore.Queries.Newest()));
        Approved.Matches("MongoConsultationStore/AtVersion", Rendered.Of(MongoConsultationStore.Queries.AtVersion("con-1", 2)));
        Approved.Matches("MongoConsultationStore/Replace.every-field", Rendered.Of(MongoConsultationStore.Queries.Replace(Samples.Consultation() with { Version = 3 })));
        Approved.Matches("MongoConsultationStore/Replace.cleared-dates", Rendered.Of(MongoConsultationStore.Queries.Replace(cleared)));
        Approved.Matches("MongoConsultationStore/Consultation.document", Rendered.Document(Samples.Consultation()));
    }

    [Fact]
    public void Renders_every_survey_query()
    {
        Approved.Matches("MongoSurveyStore/ById", Rendered.Of(MongoSurveyStore.Queries.ById("srv-1")));
        Approved.Matches("MongoSurveyStore/BySlug", Rendered.Of(MongoSurveyStore.Queries.BySlug("org-1", "visit")));
        Approved.Matches("MongoSurveyStore/OfConsultation", Rendered.Of(MongoSurveyStore.Queries.OfConsultation("con-1")));
        Approved.Matches("MongoSurveyStore/OfOrganisation.any", Rendered.Of(MongoSurveyStore.Queries.OfOrganisation("org-1", null)));
        Approved.Matches("MongoSurveyStore/OfOrganisation.closed", Rendered.Of(MongoSurveyStore.Queries.OfOrganisation("org-1", SurveyStatus.Closed)));
        Approved.Matches("MongoSurveyStore/Oldest", Rendered.Of(MongoSurveyStore.Queries.Oldest()));
        Approved.Matches("MongoSurveyStore/Newest", Rendered.Of(MongoSurveyStore.Queries.Newest()));
        Approved.Matches("MongoSurveyStore/AtVersion", Rendered.Of(MongoSurveyStore.Queries.AtVersion("srv-1", 4)));
        Approved.Matches("MongoSurveyStore/Replace.detached", Rendered.Of(MongoSurveyStore.Queries.Replace(Samples.Survey() with { ConsultationId = null, Version = 5 })));
        Approved.Matches("MongoSurveyStore/Survey.document", Rendered.Document(Samples.Survey()));
    }

    [Fact]
    public void A_versioned_replacement_keeps_identity_owner_slug_and_creation_and_unsets_what_the_caller_cleared()
    {
        var given = Samples.Consultation() with { OrganisationId = "elsewhere", Slug = "moved", CreatedAt = Make.T0.AddDays(-9), OpensAt = null, ClosesAt = null, Version = 2 };

        var update = Rendered.Of(MongoConsultationStore.Queries.Replace(given)).AsBsonDocument;

        var set = update["$set"].AsBsonDocument;
        Assert.DoesNotContain("_id", set.Names);
        Assert.DoesNotContain("organisationId", set.Names);
        Assert.DoesNotContain("slug", set.Names);
        Assert.DoesNotContain("createdAt", set.Names);
        Assert.Equal(2, set["version"].AsInt32);
        Assert.Equal(["closesAt", "opensAt"], update["$unset"].AsBsonDocument.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_versioned_replacement_without_cleared_fields_sends_no_empty_unset()
    {
        var update = Rendered.Of(MongoSurveyStore.Queries.Replace(Samples.Survey())).AsBsonDocument;

        Assert.Equal(["$set"], update.Names);
    }

    [Fact]
    public void A_version_check_filters_on_the_id_and_the_expected_version_together()
    {
        Assert.Equal(new BsonDocument { { "_id", "con-1" }, { "version", 7 } }, Rendered.Of(MongoConsultationStore.Queries.AtVersion("con-1", 7)));
    }

    [Theory]
    [MemberData(nameof(Hostile.Texts), MemberType = typeof(Hostile))]
    public void Operator_text_in_slugs_and_texts_is_stored_and_matched_as_a_plain_string(string hostile)
    {
        var consultation = Make.Consultation(hostile, hostile) with { Title = Make.Text(hostile, hostile) };
        var survey = Make.Survey(hostile, hostile) with { ConsultationId = hostile };

        var storedConsultation = Rendered.Document(consultation);
        var storedSurvey = Rendered.Document(survey);
        var consultationBySlug = Rendered.Of(MongoConsultationStore.Queries.BySlug(hostile, hostile));
        var surveyBySlug = Rendered.Of(MongoSurveyStore.Queries.BySlug(hostile, hostile));
        var ofConsultation = Rendered.Of(MongoSurveyStore.Queries.OfConsultation(hostile));
        var replaced = Rendered.Of(MongoConsultationStore.Queries.Replace(consultation)).AsBsonDocument;

        Assert.Equal(hostile, storedConsultation["slug"].AsString);
        Assert.Equal(hostile, storedSurvey["slug"].AsString);
        Assert.Equal(hostile, consultationBySlug["slug"].AsString);
        Assert.Equal(hostile, consultationBySlug["organisationId"].AsString);
        Assert.Equal(hostile, surveyBySlug["slug"].AsString);
        Assert.Equal(hostile, ofConsultation["consultationId"].AsString);
        Assert.Equal(hostile, replaced["$set"]["title"][0]["text"].AsString);
        Hostile.NoFieldNameFromData(storedConsultation);
        Hostile.NoFieldNameFromData(storedSurvey);
        Hostile.NoFieldNameFromData(replaced["$set"].AsBsonDocument);
    }
}
