using BenchmarkDotNet.Running;

namespace Engagement.Bench;

/// <summary>Runs the benchmarks picked with --filter, e.g. <c>dotnet run -c Release --project bench/Bench -- --filter '*RatingWrite*'</c>.</summary>
public static class BenchProgram
{
    // An explicit class: a top-level Program would clash with the host's Program that WebApplicationFactory needs.
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
}
