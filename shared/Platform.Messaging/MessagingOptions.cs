namespace Platform.Messaging;

/// <summary>Configuration section "Messaging".</summary>
public sealed class MessagingOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 100;
    /// <summary>Sent outbox rows older than this are deleted by the dispatcher.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(1);
    /// <summary>Inbox keys older than this are deleted; redeliveries arrive within minutes, not weeks.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);
    /// <summary>How long one batch may wait for broker confirms before its rows are retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>In-process consumer retries (exponential 100 ms .. 5 s) before MassTransit moves the message to &lt;queue&gt;_error.</summary>
    public int MaxRetries { get; set; } = 5;
    /// <summary>
    /// Overrides the service prefix of queue names. Test runs set a unique one so two runs sharing a broker
    /// never consume each other's messages; production leaves it empty.
    /// </summary>
    public string? EndpointPrefix { get; set; }
    /// <summary>
    /// Messages each consumer queue has in hand (RabbitMQ prefetch) and processes at once. Consumers spend most of
    /// their time waiting on PostgreSQL, so several in flight keep a busy queue moving; each holds a pooled connection.
    /// </summary>
    public int ConcurrentMessages { get; set; } = 8;
    /// <summary>Queues that vanish when the process goes (test runs), so runs leave nothing behind.</summary>
    public bool TemporaryQueues { get; set; }

    public const long DefaultMaxVersionAhead = 10_000;
    /// <summary>How far an incoming event's version may be ahead of the version a consumer holds (see <see cref="EventVersion"/>).</summary>
    public long MaxVersionAhead { get; set; } = DefaultMaxVersionAhead;
    /// <summary>The largest amount (万元) an incoming event may carry: 10,000,000 万元 = 1,000 亿元, beyond any one project.</summary>
    public decimal MaxAmount { get; set; } = Platform.Contracts.Amounts.MaxPerRecord;
}

/// <summary>Configuration section "RabbitMq".</summary>
public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "platform";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}
