using Bench;

// dotnet Bench.dll events [ratePerSecond=200] [secondsPerArm=10] [rounds=2]
var mode = args.FirstOrDefault() ?? "events";
switch (mode)
{
    case "events":
        var rate = args.Length > 1 ? int.Parse(args[1]) : 200;
        var seconds = args.Length > 2 ? int.Parse(args[2]) : 10;
        var rounds = args.Length > 3 ? int.Parse(args[3]) : 2;
        return await EventLatencyBenchmark.RunAsync(rate, TimeSpan.FromSeconds(seconds), rounds);
    default:
        Console.Error.WriteLine($"unknown benchmark '{mode}' (known: events)");
        return 2;
}
