namespace Platform.Messaging;

/// <summary>
/// An incoming message that must not be applied: its content is impossible (unknown region, absurd amount …) or it
/// contradicts what this service holds (a version far ahead, a project moved to another region). Not retried: the
/// message goes straight to the consumer's &lt;queue&gt;_error, the reason logged and in the fault headers (MT-Fault-Message).
/// </summary>
public sealed class MessageRejectedException(string reason) : Exception(reason)
{
    public string Reason => Message;
}
