namespace Platform.Messaging;

/// <summary>
/// DDL for the outbox and inbox tables. A service's migration runner applies it once (it is idempotent).
/// Kept as plain SQL rather than an EF migration so every service gets byte-identical tables.
/// </summary>
public static class MessagingSchema
{
    public const string Sql = """
        create table if not exists outbox_messages (
            id              bigserial   primary key,
            message_id      uuid        not null unique,
            message_type    text        not null,
            body            jsonb       not null,
            correlation_id  text        null,
            created_at      timestamptz not null default now(),
            sent_at         timestamptz null,
            attempts        int         not null default 0,
            next_attempt_at timestamptz not null default now(),
            last_error      text        null
        );
        -- the dispatcher only ever scans unsent rows; keeps polling cheap while sent rows await cleanup
        create index if not exists ix_outbox_messages_unsent on outbox_messages (id) where sent_at is null;

        create table if not exists inbox_messages (
            message_id  uuid        not null,
            consumer    text        not null,
            received_at timestamptz not null default now(),
            primary key (message_id, consumer)
        );
        """;
}
