using Engagement.Api.Auth;
using Engagement.Api.Composition;
using Engagement.Api.Email;
using Engagement.Api.GraphQL;
using Engagement.Api.Health;
using Engagement.Api.Live;
using Engagement.Api.Seeding;
using Engagement.Api.Settings;
using Engagement.Api.Storage;
using Engagement.Api.Webhooks;
using Engagement.Api.Widgets;
using Engagement.Insights;
using Engagement.Moderation;

var builder = WebApplication.CreateBuilder(args).AddEngagementLogging();
builder.Services
    .AddEngagementCore()
    .AddEngagementModeration()
    .AddEngagementInsights()
    .AddEngagementStorage()
    .AddEngagementEmailDelivery()
    .AddEngagementWebhooks()
    .AddDemoDataSeeding()
    .AddEngagementHealthChecks()
    .AddEngagementAuth(builder.Configuration)
    .AddEngagementRateLimits()
    .AddEngagementGraphQL()
    .AddEngagementLive()
    .AddEngagementWidgets()
    .AddEngagementRedisScaleOut(builder.Configuration);

var app = builder.Build();
app.UseEngagementPipeline();

try
{
    if (AdminCommands.IsCommand(args))
        return await AdminCommands.RunAsync(app, args);
    if (MigrationCommands.IsCommand(args))
        return await MigrationCommands.RunAsync(app, args);
    await app.RunAsync();
    return 0;
}
catch (SettingsException e)
{
    // One plain line naming the setting beats a stack trace for an operator fixing configuration.
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}
catch (Engagement.Storage.Mongo.MongoStartupException e)
{
    // The server is unreachable, too old or standalone: the message says which and what to change.
    await Console.Error.WriteLineAsync(e.Message);
    return 3;
}

/// <summary>The host's entry point, visible to the test host.</summary>
public partial class Program;
