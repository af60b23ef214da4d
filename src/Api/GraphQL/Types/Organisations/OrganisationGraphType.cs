using Engagement.GraphQL.Access;
using Engagement.Api.GraphQL.Types.Audit;
using Engagement.Api.GraphQL.Types.Common;
using Engagement.Api.GraphQL.Types.Consultations;
using Engagement.Api.GraphQL.Types.Staff;
using Engagement.Api.GraphQL.Types.Surveys;
using Engagement.Api.Settings;
using Engagement.Core.ApiTokens;
using Engagement.Core.Audit;
using Engagement.Core.Consultations;
using Engagement.Core.Organisations;
using Engagement.Core.Staff;
using Engagement.Core.Surveys;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Organisations;

/// <summary>An organisation with its services, consultations and surveys; staff lists and the audit log for its staff only.</summary>
internal sealed class OrganisationGraphType : ObjectGraphType<Organisation>
{
    public OrganisationGraphType(EngagementSettings settings)
    {
        Name = "Organisation";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Slug);
        Field<NonNullGraphType<LocalizedTextGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field(x => x.CreatedAt);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceGraphType>>>>("services")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<IServiceStore>().ListByOrganisationAsync(ctx.Source.Id, ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsultationGraphType>>>>("consultations")
            .Description("Newest first. Drafts are listed for the organisation's staff only.")
            .Argument<ConsultationStatusGraphType>("status")
            .ResolveAsync(async ctx =>
            {
                var status = ctx.GetArgument<ConsultationStatus?>("status");
                var list = await ctx.RequestServices!.GetRequiredService<IConsultationStore>().ListAsync(ctx.Source.Id, status, ctx.CancellationToken);
                return await ctx.CanReadStaffDataAsync(ctx.Source.Id) ? list : list.Where(c => c.Status != ConsultationStatus.Draft).ToList();
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyGraphType>>>>("surveys")
            .Description("Newest first. Drafts are listed for the organisation's staff only.")
            .Argument<SurveyStatusGraphType>("status")
            .ResolveAsync(async ctx =>
            {
                var status = ctx.GetArgument<SurveyStatus?>("status");
                var list = await ctx.RequestServices!.GetRequiredService<ISurveyStore>().ListAsync(ctx.Source.Id, status, ctx.CancellationToken);
                return await ctx.CanReadStaffDataAsync(ctx.Source.Id) ? list : list.Where(s => s.Status != SurveyStatus.Draft).ToList();
            });

        Field<ListGraphType<NonNullGraphType<StaffMemberGraphType>>>("staff")
            .Description("Staff members holding a role here. Staff only.")
            .ResolveAsync(async ctx =>
            {
                if (await ctx.RequireAsync(ctx.Source.Id, Permission.ReadStaffData) is null)
                    return null;
                var members = await ctx.RequestServices!.GetRequiredService<IStaffStore>().ListByOrganisationAsync(ctx.Source.Id, ctx.CancellationToken);
                // Roles held elsewhere are the other organisations' business.
                return members.Select(m => m with { Grants = m.Grants.Where(g => g.OrganisationId == ctx.Source.Id).ToList() }).ToList();
            });

        Field<ListGraphType<NonNullGraphType<ApiTokenGraphType>>>("apiTokens")
            .Description("API tokens, revoked ones included. Admins only.")
            .ResolveAsync(async ctx => await ctx.RequireAsync(ctx.Source.Id, Permission.ManageApiTokens) is null
                ? null
                : await ctx.RequestServices!.GetRequiredService<IApiTokenStore>().ListByOrganisationAsync(ctx.Source.Id, ctx.CancellationToken));

        Field<AuditEntryConnectionGraphType>("auditLog")
            .Description("Who did what, oldest first; optionally about one record. Staff only.")
            .Argument<IdGraphType>("targetId")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .ResolveAsync(async ctx =>
            {
                if (await ctx.RequireAsync(ctx.Source.Id, Permission.ReadStaffData) is null)
                    return null;
                var page = ctx.Page(settings.GraphQL.MaxPageSize);
                var result = await ctx.RequestServices!.GetRequiredService<IAuditLog>()
                    .ListAsync(ctx.Source.Id, ctx.GetArgument<string?>("targetId"), page, ctx.CancellationToken);
                return Connections.From(result);
            });
    }
}
