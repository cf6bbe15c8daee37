using System.Text;
using RabbitMQ.Client;

namespace EndToEnd.Tests.Security;

/// <summary>
/// A real service process on its own broker user still does everything MassTransit needs when a message goes
/// wrong: an unreadable message and one its consumer throws on both end in the service's _error queue
/// (with the fault events MassTransit publishes on the way), and the broker refuses nothing it does.
/// </summary>
public sealed class RestrictedBrokerUserTests : IAsyncLifetime
{
    readonly string _prefix = $"approvals-{Guid.NewGuid().ToString("N")[..8]}";
    TestDatabase _database = null!;
    ServiceProcess _approvals = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("perm_approvals");
        var settings = new Dictionary<string, string?>(TestTokens.AuthSettings())
        {
            ["ConnectionStrings:Database"] = _database.ConnectionString,
            ["Messaging:EndpointPrefix"] = _prefix,
            ["Messaging:MaxRetries"] = "0",
        };
        foreach (var (k, v) in TestEnvironment.RabbitSettingsFor("approvals")) settings[k] = v;
        _approvals = ServiceProcess.Start("Approvals.Api", ServiceProcess.FreePort(), settings);
        await _approvals.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await _approvals.DisposeAsync();
        await _database.DisposeAsync();
        // durable queues here (an exclusive _error queue could not be inspected): remove what this run declared
        var queues = await Broker.RabbitMqCtl("-q", "list_queues", "-p", TestEnvironment.RabbitVirtualHost, "--no-table-headers", "name");
        await using var connection = await Broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in queues.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(q => q.StartsWith(_prefix + "-")))
        {
            await channel.QueueDeleteAsync(queue);
            await channel.ExchangeDeleteAsync(queue);
        }
    }

    [Fact]
    public async Task A_service_on_its_own_broker_user_moves_bad_messages_to_its_error_queue()
    {
        var endpoint = $"{_prefix}-project-registered";
        await using (var connection = await Broker.ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            BasicProperties Properties() => new() { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString() };
            // unreadable: not JSON at all
            await channel.BasicPublishAsync(endpoint, "", false, Properties(), Encoding.UTF8.GetBytes("not json"));
            // readable, but the consumer fails on it (no project)
            var envelope = $$"""
                {"messageId":"{{Guid.NewGuid()}}","messageType":["urn:message:Platform.Contracts.ProjectLibrary:ProjectRegistered"],
                 "message":{"project":null,"version":1,"occurredAt":"2026-01-01T00:00:00Z"} }
                """;
            await channel.BasicPublishAsync(endpoint, "", false, Properties(), Encoding.UTF8.GetBytes(envelope));
        }

        var errors = await Eventually.Value(() => Broker.ReadyMessagesAsync(endpoint + "_error"), n => n >= 2,
            $"2 bad messages in {endpoint}_error", detail: () => _approvals.RecentOutput(80));

        Assert.True(errors == 2, $"{errors} of 2 bad messages reached {endpoint}_error:\n{_approvals.RecentOutput(80)}");
        Assert.DoesNotContain("ACCESS_REFUSED", _approvals.RecentOutput(400), StringComparison.OrdinalIgnoreCase);
    }
}
