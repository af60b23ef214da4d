using BenchmarkDotNet.Running;

// Pick benchmarks with --filter, e.g. dotnet run -c Release --project bench/Bench -- --filter '*RatingWrite*'
BenchmarkSwitcher.FromAssembly(typeof(Engagement.Bench.Ratings.RatingWriteBenchmarks).Assembly).Run(args);
