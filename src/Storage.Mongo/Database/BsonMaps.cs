using Engagement.Core.Common;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Options;
using MongoDB.Bson.Serialization.Serializers;

namespace Engagement.Storage.Mongo;

/// <summary>
/// The one ordered place where BSON conventions, serializers and class maps are registered: conventions first (they
/// shape every automapped class), then serializers for the core's value types, then one class map per stored type.
/// The driver's registries are process-wide, so this runs once, whichever store or test asks first.
/// </summary>
public static class BsonMaps
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
                return;
            RegisterConventions();
            RegisterSerializers();
            RegisterClassMaps();
            _registered = true;
        }
    }

    private static void RegisterConventions()
    {
        var pack = new ConventionPack
        {
            new CamelCaseElementNameConvention(),
            // Names, not numbers: reordering an enum never changes what a stored value means. Not top-level only, so a list
            // of enums (a webhook's events) is stored by name too.
            new EnumRepresentationConvention(BsonType.String, topLevelOnly: false),
            // A newer node may have written a field this one does not know yet (rolling upgrades).
            new IgnoreExtraElementsConvention(true),
            new IgnoreIfNullConvention(true),
            new DictionariesAsArraysConvention(),
        };
        ConventionRegistry.Register("engagement", pack, t => t.Namespace?.StartsWith("Engagement.", StringComparison.Ordinal) == true);
    }

    private static void RegisterSerializers()
    {
        BsonSerializer.RegisterSerializer(new InstantSerializer());
        BsonSerializer.RegisterSerializer(new NullableSerializer<DateTimeOffset>(new InstantSerializer()));
        BsonSerializer.RegisterSerializer(new LocalizedTextSerializer());
    }

    // One line per stored type, grouped by feature folder; a type missing here is still automapped with the conventions
    // above, but listing it makes the round-trip tests (Storage.Tests/Mongo/BsonRoundTripTests) cover it by name.
    private static void RegisterClassMaps()
    {
        // Comments and tallies
        Map<Core.Comments.Comment>();
        Map<ReactionDocument>();
        Map<TallyDocument>();
        Map<FeedEntryDocument>();
        Map<CounterDocument>();
        Map<Core.FollowUps.FollowUp>();

        // Organisations, consultations, surveys, ratings, participants
        Map<Core.Organisations.Organisation>();
        Map<Core.Organisations.Service>();
        Map<Core.Consultations.Consultation>();
        Map<Core.Surveys.Survey>();
        Map<Core.Surveys.SurveyResponse>();
        Map<Core.Ratings.ServiceRating>();
        Map<Core.Participants.Participant>();
        Map<ParticipantTokenDocument>();
        Map<Core.Participants.EmailChallenge>();
        // Written with a sign-in link's email (MongoEmailChallengeStore); the outbox store reads it.

        // Staff, tokens, widget keys, moderation, audit, webhooks
        Map<Core.Staff.StaffMember>();
        Map<Core.ApiTokens.ApiToken>();
        Map<Core.Widgets.WidgetKey>();
        Map<Core.Moderation.TermList>();
        // The priority is computed from risk and reach; it is stored (and skipped when read) so the queue sorts on it.
        Map<Core.Moderation.ModerationItem>(map => map.MapProperty(x => x.Priority).SetElementName("priority"));
        Map<CommentReportDocument>();
        Map<Core.Audit.AuditEntry>();
        Map<Core.Webhooks.WebhookEndpoint>();
        Map<Core.Webhooks.WebhookDelivery>();
        Map<FanOutCheckpointDocument>();

        // Insights, backlog, email
        Map<SentimentCheckpointDocument>();
        Map<InsightTextDocument>();
        // The organisation is the snapshot's identity: one snapshot per organisation, replaced whole.
        Map<Core.Insights.ThemeSnapshot>(m => m.MapIdMember(x => x.OrganisationId));
        Map<Core.Insights.DriftAlert>();
        Map<Core.Backlog.BacklogItem>();
        Map<BacklogEventDocument>();
        Map<OutboxDocument>();
        Map<SuppressionDocument>();
    }

    /// <summary>Every type listed in <see cref="RegisterClassMaps"/>, in order: what the round-trip tests walk.</summary>
    public static IReadOnlyList<Type> Mapped => MappedTypes;

    private static readonly List<Type> MappedTypes = [];

    private static void Map<T>(Action<BsonClassMap<T>>? adjust = null)
    {
        BsonClassMap.RegisterClassMap<T>(map =>
        {
            map.AutoMap();
            adjust?.Invoke(map);
        });
        MappedTypes.Add(typeof(T));
    }

    /// <summary>
    /// Stores every dictionary as an array of <c>{ k, v }</c>: keys are often user data (question ids, report reasons),
    /// and a key with '.' or a leading '$' must never become a field name the server reads as a path or an operator.
    /// </summary>
    private sealed class DictionariesAsArraysConvention : ConventionBase, IMemberMapConvention
    {
        public void Apply(BsonMemberMap memberMap)
        {
            var type = memberMap.MemberType;
            if (!type.IsGenericType)
                return;
            var definition = type.GetGenericTypeDefinition();
            if (definition != typeof(IReadOnlyDictionary<,>) && definition != typeof(IDictionary<,>) && definition != typeof(Dictionary<,>))
                return;
            var arguments = type.GetGenericArguments();
            var concrete = typeof(Dictionary<,>).MakeGenericType(arguments);
            var inner = (IBsonSerializer)Activator.CreateInstance(
                typeof(DictionaryInterfaceImplementerSerializer<,,>).MakeGenericType(concrete, arguments[0], arguments[1]),
                DictionaryRepresentation.ArrayOfDocuments)!;
            memberMap.SetSerializer(type == concrete
                ? inner
                : (IBsonSerializer)Activator.CreateInstance(typeof(ImpliedImplementationInterfaceSerializer<,>).MakeGenericType(type, concrete), inner)!);
        }
    }
}
