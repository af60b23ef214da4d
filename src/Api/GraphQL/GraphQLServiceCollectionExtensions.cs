using Engagement.Api.Auth;
using Engagement.GraphQL.Batching;
using Engagement.GraphQL.Errors;
using Engagement.Api.GraphQL.Types.Consultations;
using Engagement.Api.GraphQL.Types.Organisations;
using Engagement.Api.GraphQL.Types.Participants;
using Engagement.Api.GraphQL.Types.Ratings;
using Engagement.Api.GraphQL.Types.Widgets;
using Engagement.Api.GraphQL.Types.Staff;
using Engagement.Api.GraphQL.Types.Surveys;
using Engagement.Api.Settings;
using Engagement.GraphQL;
using Engagement.GraphQL.Access;
using Engagement.Insights.GraphQL;
using Engagement.Moderation.GraphQL;
using GraphQL;
using GraphQL.Validation.Rules.Custom;

namespace Engagement.Api.GraphQL;

/// <summary>Registers the schema, its limits and the per-request services resolvers use.</summary>
public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// Most lists here are short and bounded (translations, questions, a score distribution); the long ones are
    /// paged, and their `first` argument is what complexity multiplies by. Shared with <see cref="DocumentGuard"/>.
    /// </summary>
    public const double DefaultListMultiplier = 2;

    public static IServiceCollection AddEngagementGraphQL(this IServiceCollection services)
    {
        // The order here is the order of root fields in the schema (and so in schema.graphql); modules add theirs after.
        services.AddSingleton<ISchemaContributor, OrganisationFields>();
        services.AddSingleton<ISchemaContributor, ConsultationFields>();
        services.AddSingleton<ISchemaContributor, SurveyFields>();
        services.AddSingleton<ISchemaContributor, RatingFields>();
        services.AddSingleton<ISchemaContributor, WidgetFields>();
        services.AddSingleton<ISchemaContributor, Types.Backlog.BacklogFields>();
        services.AddSingleton<ISchemaContributor, Types.Webhooks.WebhookFields>();
        services.AddSingleton<ISchemaContributor, ParticipantFields>();
        services.AddSingleton<ISchemaContributor, Types.Email.EmailFields>();
        services.AddSingleton<ISchemaContributor, StaffFields>();

        services.AddHttpContextAccessor();
        services.AddScoped<RequestAccess>();
        services.AddScoped<IRequestStaffAccess>(sp => sp.GetRequiredService<RequestAccess>());
        services.AddScoped<RequestBatches>();

        services.AddGraphQL(b => b
            .AddSchema<EngagementSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(EngagementSchema).Assembly)
            .AddModerationFields()
            .AddInsightsFields()
            .AddErrorInfoProvider<EngagementErrorInfoProvider>()
            // Nearly every field resolves from memory already loaded; running siblings one after another avoids a
            // task per field, and batched loads still coalesce because data-loader results are awaited per level.
            .AddExecutionStrategy<global::GraphQL.Execution.SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .AddComplexityAnalyzer((c, sp) =>
            {
                var limits = sp.GetRequiredService<EngagementSettings>().GraphQL;
                c.MaxDepth = limits.MaxDepth;
                c.MaxComplexity = limits.MaxComplexity;
                c.DefaultListImpactMultiplier = DefaultListMultiplier;
            })
            .ConfigureExecutionOptions(options =>
            {
                var settings = options.RequestServices!.GetRequiredService<EngagementSettings>().GraphQL;
                options.Timeout = settings.Timeout;
                options.TimeoutAction = global::GraphQL.Execution.TimeoutAction.ReturnTimeoutError;
                if (!settings.EnableIntrospection)
                    options.ValidationRules = (options.ValidationRules ?? global::GraphQL.Validation.DocumentValidator.CoreRules).Append(NoIntrospectionValidationRule.Instance);
                options.UnhandledExceptionDelegate = context =>
                {
                    var logger = options.RequestServices!.GetRequiredService<ILoggerFactory>().CreateLogger("Engagement.GraphQL");
                    // The store's unavailability is a state of the deployment, not a bug: one line, no stack.
                    if (Engagement.Core.Common.StoreUnavailableException.Find(context.Exception) is { } unavailable)
                        GraphQLLog.StoreUnavailable(logger, context.FieldContext?.FieldDefinition.Name, unavailable.Reason, unavailable.InnerException?.Message ?? unavailable.Message);
                    else
                        GraphQLLog.Unhandled(logger, context.Exception, context.FieldContext?.FieldDefinition.Name);
                    return Task.CompletedTask;
                };
            }));
        return services;
    }
}

/// <summary>Log messages of the GraphQL endpoint.</summary>
internal static partial class GraphQLLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "A GraphQL resolver failed (field {Field})")]
    public static partial void Unhandled(ILogger logger, Exception exception, string? field);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store could not serve field {Field} ({Reason}): {Detail}")]
    public static partial void StoreUnavailable(ILogger logger, string? field, Engagement.Core.Common.StoreUnavailableReason reason, string detail);
}
