using System.Diagnostics;
using RabbitMQ.Client;

namespace Platform.Messaging.Tests;

/// <summary>Where the real PostgreSQL and RabbitMQ are (env vars with the dev defaults) and small helpers for them.</summary>
public static class TestEnvironment
{
    public static string PgAdmin => Env("PLATFORM_TEST_PG",
        "Host=127.0.0.1;Port=5432;Username=platform_test;Password=platform-dev-db;Database=postgres");
    public static string MqHost => Env("PLATFORM_TEST_MQ_HOST", "127.0.0.1");
    public static string MqPort => Env("PLATFORM_TEST_MQ_PORT", "5672");
    public static string MqVirtualHost => Env("PLATFORM_TEST_MQ_VHOST", "platform_test");
    public static string MqUser => Env("PLATFORM_TEST_MQ_USER", "platform");
    public static string MqPassword => Env("PLATFORM_TEST_MQ_PASSWORD", "platform-dev-mq");

    /// <summary>Unique per test run, so queues left by an earlier (crashed) run never receive this run's messages.</summary>
    public static readonly string RunId = Guid.NewGuid().ToString("N")[..6];

    private static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;

    /// <summary>Polls <paramref name="condition"/> until true; fails with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var sw = Stopwatch.StartNew();
        while (!await condition())
        {
            if (sw.Elapsed > timeout) Assert.Fail($"Timed out after {timeout.TotalSeconds:0}s waiting for: {what}");
            await Task.Delay(50);
        }
    }

    public static Task Eventually(Func<bool> condition, TimeSpan timeout, string what) =>
        Eventually(() => Task.FromResult(condition()), timeout, what);

    public static async Task<string> RabbitMqCtl(params string[] args)
    {
        var psi = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)}: {await stderr}");
        return await stdout;
    }

    public static async Task<IConnection> ConnectMq() => await new ConnectionFactory
    {
        HostName = MqHost, Port = int.Parse(MqPort), VirtualHost = MqVirtualHost, UserName = MqUser, Password = MqPassword,
    }.CreateConnectionAsync();

    public static async Task<uint> ReadyMessages(string queue)
    {
        await using var connection = await ConnectMq();
        await using var channel = await connection.CreateChannelAsync();
        try { return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount; }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0; // MassTransit declares an _error queue only when the first message faults
        }
    }

    /// <summary>Deletes the queues (and MassTransit's same-named exchanges) created under the given prefixes.</summary>
    public static async Task DeleteQueues(IReadOnlyCollection<string> prefixes)
    {
        if (prefixes.Count == 0) return;
        var listing = await RabbitMqCtl("-q", "list_queues", "-p", MqVirtualHost, "--no-table-headers", "name");
        var names = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => prefixes.Any(p => n.StartsWith(p + "-", StringComparison.Ordinal)));
        await using var connection = await ConnectMq();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var name in names)
        {
            await channel.QueueDeleteAsync(name);
            await channel.ExchangeDeleteAsync(name);
        }
    }
}
