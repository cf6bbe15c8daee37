using System.Text.Json;

namespace Platform.Messaging;

/// <summary>
/// Explicit map between the outbox's message_type (CLR FullName) and the CLR type. Only registered types are
/// ever deserialized from the database, so a renamed or foreign row is reported instead of guessed at.
/// </summary>
public sealed class MessageTypeRegistry
{
    // One serializer setting for writing and reading outbox bodies; web defaults match MassTransit's JSON style.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);

    internal void Add(Type type) => _byName[NameOf(type)] = type;

    public static string NameOf(Type type) =>
        type.FullName ?? throw new ArgumentException($"Type {type} has no FullName", nameof(type));

    public bool TryResolve(string name, out Type type) => _byName.TryGetValue(name, out type!);

    public bool IsRegistered(Type type) => _byName.TryGetValue(NameOf(type), out var t) && t == type;
}
