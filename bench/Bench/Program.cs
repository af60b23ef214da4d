using BenchmarkDotNet.Running;
using Engagement.Bench.Insights;

namespace Engagement.Bench;

/// <summary>
/// Runs the benchmarks picked with --filter, e.g. <c>dotnet run -c Release --project bench/Bench -- --filter '*RatingWrite*'</c>,
/// or, given <c>sentiment-latency</c>, <c>tagging-throughput</c> or <c>notifications-throughput</c>, the harnesses of
/// <see cref="SentimentLatency"/>, <see cref="TaggingThroughput"/> and <see cref="Email.NotificationsThroughput"/>.
/// </summary>
public static class BenchProgram
{
    // An explicit class: a top-level Program would clash with the host's Program that WebApplicationFactory needs.
    public static void Main(string[] args)
    {
        if (args is ["sentiment-latency"])
            SentimentLatency.Run();
        else if (args is ["tagging-throughput"])
            TaggingThroughput.Run();
        else if (args is ["notifications-throughput"])
            Email.NotificationsThroughput.Run();
        else
            BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
    }
}
