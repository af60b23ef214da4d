using Engagement.Api.Seeding;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Comments;
using Engagement.Core.Consultations;
using Engagement.Core.Ratings;
using Engagement.Core.Surveys;

namespace Engagement.Api.Tests.Seeding;

public sealed class DemoDataSeedingTests
{
    [Fact]
    public async Task First_start_creates_the_database_file_and_seeds_a_complete_demonstration()
    {
        using var app = new EngagementAppFactory();
        app.CreateClient();
        var storage = app.Storage;

        Assert.True(File.Exists(app.DatabasePath));
        var org = Assert.Single(await storage.Organisations.ListAsync());
        Assert.Equal(DemoDataSeeder.OrganisationSlug, org.Slug);

        var services = await storage.Services.ListByOrganisationAsync(org.Id);
        Assert.Equal(3, services.Count);
        var summaries = await Task.WhenAll(services.Select(s => app.Get<GetRatingSummary>().ExecuteAsync(s.Id)));
        Assert.All(summaries, s => Assert.Equal(DemoDataSeeder.RatingsPerService, s.Value.Count));

        var consultation = Assert.Single(await storage.Consultations.ListAsync(org.Id, ConsultationStatus.Open));
        var thread = (await app.Get<ListComments>().ExecuteAsync(new(consultation.Id))).Value;
        Assert.True(thread.Items.Count >= 3);
        Assert.Contains(thread.Items, i => i.Replies.Count > 0);
        Assert.Contains(thread.Items, i => i.Agree > 0 && i.Disagree > 0);

        var survey = Assert.Single(await storage.Surveys.ListAsync(org.Id, SurveyStatus.Open));
        Assert.Equal(Enum.GetValues<QuestionType>().ToHashSet(), survey.Questions.Select(q => q.Type).ToHashSet());
        Assert.Contains(survey.Questions, q => q.ShowIf is not null);
        var results = (await app.Get<GetSurveyResults>().ExecuteAsync(survey.Id)).Value;
        Assert.True(results.Responses > 0);
    }

    [Fact]
    public async Task The_demonstration_staff_named_in_the_readme_can_sign_in_with_their_roles()
    {
        using var app = new EngagementAppFactory();

        foreach (var (email, password, role) in DemoDataSeeder.DemoStaff)
        {
            var client = await app.SignedInAsync(email, password);
            var me = (await client.QueryAsync("{ me { grants { role } } }")).AssertOk();
            Assert.Equal(role.ToString().ToUpperInvariant(), me.At("me.grants").EnumerateArray().Single().GetProperty("role").GetString());
        }
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        Assert.All(DemoDataSeeder.DemoStaff, s => Assert.Contains(s.Email, readme, StringComparison.Ordinal));
    }


    [Fact]
    public async Task A_restart_on_the_same_store_keeps_the_data_and_does_not_seed_again()
    {
        var directory = Path.Combine(Path.GetTempPath(), "engagement-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = new EngagementAppFactory(directory))
                first.CreateClient();

            using var second = new EngagementAppFactory(directory);
            second.CreateClient();

            Assert.Single(await second.Storage.Organisations.ListAsync());
        }
        finally
        {
            EngagementAppFactory.TryDeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Seeding_is_skipped_when_Seed_DemoData_is_false()
    {
        using var app = new EngagementAppFactory().WithSetting("Seed:DemoData", "false");
        app.CreateClient();

        Assert.Empty(await app.Storage.Organisations.ListAsync());
    }
}
