using MassTransit;

namespace Platform.Messaging;

/// <summary>Explicit list of what a service publishes and consumes (no assembly scanning).</summary>
public sealed class MessagingOptionsBuilder
{
    internal MessageTypeRegistry Registry { get; } = new();
    internal List<Type> Consumers { get; } = [];
    internal MessageValidators Validators { get; } = new();

    /// <summary>Allows <see cref="OutboxDbContextExtensions.AddEvent{T}"/> for <typeparamref name="T"/> and lets the dispatcher read it back.</summary>
    public MessagingOptionsBuilder Publishes<T>() where T : class
    {
        Registry.Add(typeof(T));
        return this;
    }

    /// <summary>Registers a MassTransit consumer on its own queue "&lt;prefix&gt;-&lt;consumer-name&gt;".</summary>
    public MessagingOptionsBuilder Consumes<TConsumer>() where TConsumer : class, IConsumer
    {
        if (!Consumers.Contains(typeof(TConsumer)))
            Consumers.Add(typeof(TConsumer));
        return this;
    }

    /// <summary>
    /// Content rules for a message type that is not one of Platform.Contracts' events (those have theirs in
    /// <see cref="ContractRules"/>): a message breaking them is refused before any consumer sees it.
    /// </summary>
    public MessagingOptionsBuilder Validates<T>(Action<T, MessageChecks> rule) where T : class
    {
        Validators.Add(rule);
        return this;
    }
}
