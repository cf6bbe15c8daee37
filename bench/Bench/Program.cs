using Bench;

// dotnet Bench.dll events [ratePerSecond=200] [secondsPerArm=10] [rounds=2]
// dotnet Bench.dll city [projects=100000] [requests=500] [eventsPerSecond=50] [lagSeconds=10]  (run by bench/city.sh)
var mode = args.FirstOrDefault() ?? "events";
switch (mode)
{
    case "events":
        var rate = args.Length > 1 ? int.Parse(args[1]) : 200;
        var seconds = args.Length > 2 ? int.Parse(args[2]) : 10;
        var rounds = args.Length > 3 ? int.Parse(args[3]) : 2;
        return await EventLatencyBenchmark.RunAsync(rate, TimeSpan.FromSeconds(seconds), rounds);
    case "city":
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i]) : fallback;
        return await Bench.City.CityBenchmark.RunAsync(Arg(1, 100_000), Arg(2, 500), Arg(3, 50), Arg(4, 10));
    case "import":
        // dotnet Bench.dll import <serviceUrl> <token> <connectionString> [sizes=50000,200000]  (run by bench/import.sh)
        return await Bench.Import.ImportBenchmark.RunAsync(args[1], args[2], args[3],
            (args.Length > 4 ? args[4] : "50000,200000").Split(',').Select(int.Parse).ToArray());
    default:
        Console.Error.WriteLine($"unknown benchmark '{mode}' (known: events, city, import)");
        return 2;
}
