namespace Platform.Messaging;

/// <summary>
/// The content rules of every message type a service may receive: <see cref="ContractRules"/> for the platform's
/// events, plus any a service adds with <see cref="MessagingOptionsBuilder.Validates{T}"/>. A type without rules passes.
/// </summary>
public sealed class MessageValidators
{
    private readonly Dictionary<Type, Action<object, MessageChecks>> _rules = [];

    internal MessageValidators() => ContractRules.AddTo(this);

    internal void Add<T>(Action<T, MessageChecks> rule) where T : class => _rules[typeof(T)] = (m, c) => rule((T)m, c);

    public bool Covers(Type messageType) => _rules.ContainsKey(messageType);

    /// <summary>What is wrong with <paramref name="message"/> (empty when nothing is, or no rule covers its type).</summary>
    public IReadOnlyList<string> Check<T>(T message, decimal maxAmount) where T : class
    {
        if (!_rules.TryGetValue(typeof(T), out var rule)) return [];
        var checks = new MessageChecks(maxAmount);
        rule(message, checks);
        return checks.Problems;
    }
}
