using Notifications.Api.Features.Inbox;
using Notifications.Api.Features.Projects;
using Platform.Messaging;

namespace Notifications.Api;

public sealed class NotificationsDb(DbContextOptions<NotificationsDb> options) : DbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationRead> Reads => Set<NotificationRead>();
    public DbSet<KnownProject> Projects => Set<KnownProject>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddAuditLog();
        model.AddOutboxAndInbox();
        model.Entity<Notification>(e => e.ToTable("notifications"));
        model.Entity<NotificationRead>(e =>
        {
            e.ToTable("notification_reads");
            e.HasKey(r => new { r.NotificationId, r.UserName });
            e.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<KnownProject>(e => e.ToTable("known_projects"));
    }
}
