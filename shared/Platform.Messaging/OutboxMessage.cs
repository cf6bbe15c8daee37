namespace Platform.Messaging;

/// <summary>An event waiting to be (or already) published; stored in the same transaction as the business change.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    /// <summary>CLR FullName, resolved back only through the registry built by <see cref="MessagingOptionsBuilder.Publishes{T}"/>.</summary>
    public string MessageType { get; set; } = "";
    public string Body { get; set; } = "";
    public string? CorrelationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>Marks a message as processed by one consumer; its primary key makes redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public string Consumer { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}
