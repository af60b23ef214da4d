using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>A figure of a service or consultation that moved beyond what its recent past makes likely.</summary>
internal sealed class DriftAlertGraphType : ObjectGraphType<DriftAlert>
{
    public DriftAlertGraphType()
    {
        Name = "DriftAlert";
        Description = $"The last {DriftDetection.RecentDays} days against the {DriftDetection.BaselineDays} before them; raised at |z| ≥ {DriftDetection.Threshold}.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<DriftSubjectGraphType>>("subject").Resolve(ctx => ctx.Source.Subject);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("The service's, consultation's or theme's id.").Resolve(ctx => ctx.Source.SubjectId);
        Field<NonNullGraphType<DriftMetricGraphType>>("metric").Resolve(ctx => ctx.Source.Metric);
        Field<NonNullGraphType<DateOnlyGraphType>>("day").Description("The last day of the recent window (UTC).").Resolve(ctx => ctx.Source.Day);
        Field(x => x.Observed).Description("The recent value: a share from 0 to 1 (NEGATIVE_SHARE) or a mean per day (VOLUME).");
        Field(x => x.Baseline).Description("The baseline value, in the same unit.");
        Field(x => x.Z).Description("How far the recent value is from the baseline, in standard errors; positive when it rose.");
        Field<NonNullGraphType<IntGraphType>>("recentCount").Description("Texts (or records) in the recent window.").Resolve(ctx => (int)ctx.Source.RecentCount);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("raisedAt").Resolve(ctx => ctx.Source.RaisedAt);
    }
}
