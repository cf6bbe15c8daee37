namespace Platform.Messaging;

/// <summary>Headers the platform sets on the messages it publishes.</summary>
public static class MessageHeaders
{
    /// <summary>
    /// The correlation id of the request or message that wrote the event (stored in its outbox row), restored onto the
    /// consumer's trace context by the correlation filter.
    /// </summary>
    public const string CorrelationId = "x-correlation-id";
}
