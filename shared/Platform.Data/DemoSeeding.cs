using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Data;

/// <summary>
/// One context's demo data for <c>./platform up</c>. A seed adds only what is missing, found by natural keys
/// (a programme's name and batch, an enterprise's credit code, a project's name in its region …), so running it
/// again adds nothing and two instances starting together end with one copy (each seed serialises on
/// <see cref="DemoSeedLock"/>).
/// </summary>
public interface IDemoSeed
{
    /// <summary>
    /// Adds what is missing. Returns <see cref="DemoSeedResult.Waiting"/> while what it builds on has not arrived
    /// yet (another context's projects, known here only from their events); it is then tried again.
    /// </summary>
    Task<DemoSeedResult> SeedAsync(CancellationToken ct);
}

public enum DemoSeedResult { Done, Waiting }

public static class DemoSeeding
{
    /// <summary>Only where Platform:SeedDemoData=true is configured explicitly, and never in Production.</summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool>("Platform:SeedDemoData") && !environment.IsProduction();

    /// <summary>Registers the context's seed, run at start-up when demo data is enabled (and not at all otherwise).</summary>
    public static IHostApplicationBuilder AddDemoSeed<TSeed>(this IHostApplicationBuilder builder) where TSeed : class, IDemoSeed
    {
        if (!IsEnabled(builder.Configuration, builder.Environment)) return builder;
        builder.Services.AddScoped<TSeed>();
        builder.Services.AddSingleton(new DemoSeedRegistration(typeof(TSeed)));
        builder.Services.Configure<DemoSeedOptions>(builder.Configuration.GetSection("Platform:DemoSeed"));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DemoSeedRunner>());
        return builder;
    }
}

public sealed record DemoSeedRegistration(Type SeedType);

public sealed class DemoSeedOptions
{
    /// <summary>How often a waiting seed looks again for what it builds on.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>After this long a seed still waiting gives up (logged): the platform runs on without it.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Runs every registered seed once while the host starts (after the migrations, before requests are served), so
/// data that depends on nothing else is there when the service is ready; a seed that is waiting for another
/// context's events goes on in the background until it is done, the host stops or it gives up.
/// </summary>
sealed class DemoSeedRunner(IServiceScopeFactory scopes, IEnumerable<DemoSeedRegistration> seeds,
    Microsoft.Extensions.Options.IOptions<DemoSeedOptions> options, ILogger<DemoSeedRunner> logger) : IHostedService
{
    readonly CancellationTokenSource _stopping = new();
    readonly List<Task> _waiting = [];

    public async Task StartAsync(CancellationToken ct)
    {
        foreach (var seed in seeds.Select(s => s.SeedType).Distinct())
        {
            // A failure here stops the start: a broken seed should be seen, not logged away.
            if (await RunAsync(seed, ct) == DemoSeedResult.Waiting) _waiting.Add(RetryAsync(seed, _stopping.Token));
        }
    }

    async Task RetryAsync(Type seed, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + options.Value.GiveUpAfter;
        logger.LogInformation("Demo seed {Seed} is waiting for the data it builds on", seed.Name);
        try
        {
            while (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(options.Value.RetryInterval, ct);
                try
                {
                    if (await RunAsync(seed, ct) == DemoSeedResult.Done) return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Demo seed {Seed} failed; trying again", seed.Name);
                }
            }
            logger.LogWarning("Demo seed {Seed} gave up after {Wait}: what it builds on never arrived", seed.Name, options.Value.GiveUpAfter);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    async Task<DemoSeedResult> RunAsync(Type seed, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetService<Actor>()?.ActAsSystem("demo-seed");
        var result = await ((IDemoSeed)scope.ServiceProvider.GetRequiredService(seed)).SeedAsync(ct);
        if (result == DemoSeedResult.Done) logger.LogInformation("Demo seed {Seed} is in place", seed.Name);
        return result;
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_waiting).WaitAsync(ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
