using System.Text;
using Platform.Contracts.Approvals;
using Platform.Contracts.Funding;
using Platform.Contracts.ProjectLibrary;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace EndToEnd.Tests.Security;

/// <summary>
/// An attacker holding one service's broker credentials (here approvals', as found on a compromised host) tries
/// to forge another context's events and to read another service's messages, on the test vhost with the
/// permissions infra/rabbitmq.sh applied. The broker refuses (ACCESS_REFUSED, 403) before any consumer sees anything.
/// </summary>
public sealed class BrokerPermissionAttackTests
{
    const ushort AccessRefused = 403;
    // Not the platform's run id: the queues made here must not be the running services' own (projects-{run}-approvals-completed is).
    static readonly string RunId = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Approvals_credentials_cannot_publish_a_ProjectRegistered_event_owned_by_projects()
    {
        var exchange = Exchange<ProjectRegistered>();
        await AsOperator(channel => channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true));

        await using var approvals = await Connect("approvals");
        var refusal = await Refusal(approvals, channel => Publish(channel, exchange));

        Assert.Equal(AccessRefused, refusal?.ReplyCode);
        Assert.Contains("ACCESS_REFUSED", refusal!.ReplyText);
        Assert.Contains($"access to exchange '{exchange}' in vhost '{TestEnvironment.RabbitVirtualHost}' refused for user 'approvals'", refusal.ReplyText);
    }

    [Fact]
    public async Task No_service_can_publish_an_event_of_another_context()
    {
        var contracts = typeof(ProjectRegistered).Assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false }).ToArray();
        var allowed = new List<string>();
        foreach (var (service, project, _) in PlatformUnderTest.Services)
        {
            var context = project[..project.IndexOf('.')];
            await using var connection = await Connect(service);
            foreach (var contract in contracts.Where(t => t.Namespace != $"Platform.Contracts.{context}"))
            {
                var exchange = $"{contract.Namespace}:{contract.Name}";
                await AsOperator(channel => channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true));
                if ((await Refusal(connection, channel => Publish(channel, exchange)))?.ReplyCode != AccessRefused)
                    allowed.Add($"{service} → {exchange}");
            }
        }
        Assert.True(allowed.Count == 0, "the broker let these forged events through: " + string.Join(", ", allowed));
    }

    [Fact]
    public async Task Approvals_credentials_publish_approvals_own_events()
    {
        // On a scratch vhost with approvals' permissions copied from the test vhost, so no running consumer gets the probe.
        var vhost = $"platform_test_perm_{RunId}";
        var permissions = (await Broker.RabbitMqCtl("-q", "list_user_permissions", "approvals", "--no-table-headers"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t'))
            .Single(p => p[0] == TestEnvironment.RabbitVirtualHost);
        await Broker.RabbitMqCtl("add_vhost", vhost);
        try
        {
            await Broker.RabbitMqCtl("set_permissions", "-p", vhost, "approvals", permissions[1], permissions[2], permissions[3]);
            await using var approvals = await Connect("approvals", vhost);
            var exchange = Exchange<ApprovalDecided>();
            var refusal = await Refusal(approvals, async channel =>
            {
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true); // as MassTransit does
                await Publish(channel, exchange);
            });
            Assert.Null(refusal);
        }
        finally
        {
            await Broker.RabbitMqCtl("delete_vhost", vhost);
        }
    }

    [Fact]
    public async Task Approvals_credentials_cannot_consume_from_a_queue_of_projects()
    {
        var queue = $"projects-{RunId}-approvals-completed";
        await AsOperator(channel => channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-expires"] = 60_000 }));

        await using var approvals = await Connect("approvals");
        var refusal = await Refusal(approvals, channel => channel.BasicConsumeAsync(queue, autoAck: true, new AsyncEventingBasicConsumer(channel)));

        Assert.Equal(AccessRefused, refusal?.ReplyCode);
        Assert.Contains($"access to queue '{queue}' in vhost '{TestEnvironment.RabbitVirtualHost}' refused for user 'approvals'", refusal!.ReplyText);
    }

    [Fact]
    public async Task Approvals_credentials_cannot_listen_to_funding_events_it_does_not_consume()
    {
        var exchange = Exchange<FundsDisbursed>();
        await AsOperator(channel => channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true));

        await using var approvals = await Connect("approvals");
        var queue = $"approvals-{RunId}-eavesdrop";
        var refusal = await Refusal(approvals, async channel =>
        {
            await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true); // its own name: allowed
            await channel.QueueBindAsync(queue, exchange, routingKey: "");
        });

        Assert.Equal(AccessRefused, refusal?.ReplyCode);
        Assert.Contains($"access to exchange '{exchange}' in vhost '{TestEnvironment.RabbitVirtualHost}' refused for user 'approvals'", refusal!.ReplyText);
    }

    static string Exchange<T>() => $"{typeof(T).Namespace}:{typeof(T).Name}";

    static Task Publish(IChannel channel, string exchange) =>
        channel.BasicPublishAsync(exchange, routingKey: "", mandatory: false, new BasicProperties { ContentType = "application/json" },
            Encoding.UTF8.GetBytes("{\"forged\":true}"), new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token).AsTask();

    /// <summary>Runs <paramref name="action"/> on a fresh channel with publisher confirms: null when the broker allowed it, else why it closed the channel.</summary>
    static async Task<ShutdownEventArgs?> Refusal(IConnection connection, Func<IChannel, Task> action)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        try
        {
            await action(channel);
            return null; // confirmed (publish) or answered -ok (declare, bind, consume)
        }
        catch (Exception e) when (e is OperationInterruptedException or PublishException or OperationCanceledException)
        {
            for (var i = 0; i < 100 && channel.IsOpen; i++) await Task.Delay(20); // the close may trail the failed confirm
            return channel.CloseReason ?? (e as OperationInterruptedException)?.ShutdownReason
                ?? throw new InvalidOperationException("the broker neither confirmed nor refused", e);
        }
    }

    static Task<IConnection> Connect(string service, string? vhost = null)
    {
        var (user, password) = TestEnvironment.ServiceBrokerUser(service);
        return ConnectAs(user, password, vhost);
    }

    static Task<IConnection> ConnectAs(string user, string password, string? vhost = null) =>
        Broker.ConnectAsync(user, password, vhost, $"broker-permission-attack-{RunId}");

    static async Task AsOperator(Func<IChannel, Task> action)
    {
        await using var connection = await Broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        await action(channel);
    }
}
