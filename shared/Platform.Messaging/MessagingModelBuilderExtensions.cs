using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging;

public static class MessagingModelBuilderExtensions
{
    /// <summary>
    /// Maps <see cref="OutboxMessage"/> and <see cref="InboxMessage"/> into the service's own DbContext so that
    /// events are saved by the same SaveChanges/transaction as the business rows. Names are explicit so the
    /// mapping matches <see cref="MessagingSchema.Sql"/> with or without a naming convention plugin.
    /// </summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder b)
    {
        b.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").UseSerialColumn();
            e.Property(x => x.MessageId).HasColumnName("message_id");
            e.HasIndex(x => x.MessageId).IsUnique();
            e.Property(x => x.MessageType).HasColumnName("message_type");
            e.Property(x => x.Body).HasColumnName("body").HasColumnType("jsonb");
            e.Property(x => x.CorrelationId).HasColumnName("correlation_id");
            e.Property(x => x.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
            e.Property(x => x.SentAt).HasColumnName("sent_at");
            e.Property(x => x.Attempts).HasColumnName("attempts").HasDefaultValue(0);
            e.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at").HasDefaultValueSql("now()");
            e.Property(x => x.LastError).HasColumnName("last_error");
            e.HasIndex(x => x.Id).HasDatabaseName("ix_outbox_messages_unsent").HasFilter("sent_at is null");
        });
        b.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(x => new { x.MessageId, x.Consumer });
            e.Property(x => x.MessageId).HasColumnName("message_id");
            e.Property(x => x.Consumer).HasColumnName("consumer");
            e.Property(x => x.ReceivedAt).HasColumnName("received_at").HasDefaultValueSql("now()");
        });
        return b;
    }
}
