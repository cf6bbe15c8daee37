using System.Diagnostics;
using MassTransit;
using RabbitMQ.Client;

namespace Platform.Testing;

/// <summary>The real RabbitMQ of the tests (the test vhost): operator connections, rabbitmqctl, queue counts and clean-up.</summary>
public static class Broker
{
    /// <summary>A connection as the operator user (full rights on the test vhost), or as <paramref name="user"/>.</summary>
    public static Task<IConnection> ConnectAsync(string? user = null, string? password = null, string? virtualHost = null,
        string? clientName = null) => new ConnectionFactory
        {
            HostName = TestEnvironment.RabbitHost,
            Port = TestEnvironment.RabbitPort,
            VirtualHost = virtualHost ?? TestEnvironment.RabbitVirtualHost,
            UserName = user ?? TestEnvironment.RabbitUser,
            Password = password ?? TestEnvironment.RabbitPassword,
            ClientProvidedName = clientName,
        }.CreateConnectionAsync();

    /// <summary>
    /// A started bus of the test's own on the test vhost, as the operator (to observe or publish freely) or as
    /// <paramref name="user"/> (e.g. a service's broker user, to act with exactly its rights).
    /// </summary>
    public static async Task<IBusControl> StartBusAsync(Action<IRabbitMqBusFactoryConfigurator>? configure = null,
        string? user = null, string? password = null)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(TestEnvironment.RabbitHost, (ushort)TestEnvironment.RabbitPort, TestEnvironment.RabbitVirtualHost, h =>
            {
                h.Username(user ?? TestEnvironment.RabbitUser);
                h.Password(password ?? TestEnvironment.RabbitPassword);
            });
            configure?.Invoke(cfg);
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        return bus;
    }

    /// <summary>Runs rabbitmqctl (it sees every queue, exclusive ones too) and returns its output; throws when it fails.</summary>
    public static async Task<string> RabbitMqCtl(params string[] args)
    {
        var info = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)}: {await errors}");
        return await output;
    }

    /// <summary>The names of the test vhost's queues.</summary>
    public static async Task<IReadOnlyList<string>> QueueNamesAsync() =>
        (await RabbitMqCtl("-q", "list_queues", "-p", TestEnvironment.RabbitVirtualHost, "--no-table-headers", "name"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Messages ready in <paramref name="queue"/> (a durable one), 0 when it does not exist yet.</summary>
    public static async Task<uint> ReadyMessagesAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try { return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount; }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0; // MassTransit declares an _error queue only when the first message faults
        }
    }

    /// <summary>Deletes the queues (and MassTransit's same-named exchanges) whose names start with one of the prefixes and "-".</summary>
    public static async Task DeleteQueuesAsync(IReadOnlyCollection<string> prefixes)
    {
        if (prefixes.Count == 0) return;
        var names = (await QueueNamesAsync()).Where(n => prefixes.Any(p => n.StartsWith(p + "-", StringComparison.Ordinal)));
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var name in names)
        {
            await channel.QueueDeleteAsync(name);
            await channel.ExchangeDeleteAsync(name);
        }
    }
}
