namespace Platform.Messaging;

/// <summary>
/// Ambient correlation id of the current request/message. Set by the HTTP side (or by the consume filter from
/// the "x-correlation-id" header); <see cref="OutboxDbContextExtensions.AddEvent{T}"/> copies it into the outbox
/// row so one business flow can be followed across services.
/// </summary>
public static class Correlation
{
    public const string HeaderName = "x-correlation-id";

    private static readonly AsyncLocal<string?> Current = new();

    public static string? CurrentId
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}
