using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging.Tests;

public sealed record WidgetCreated(Guid WidgetId, string Name, long Version);

public sealed record WidgetRejected(Guid WidgetId);

public sealed class Widget
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A service's DbContext: one business table, a consumer-side projection, and the messaging tables.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public const string Sql = """
        create table widgets (id uuid primary key, name text not null);
        create table widget_projections (widget_id uuid primary key, applied_count int not null);
        """;

    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Widget>(e =>
        {
            e.ToTable("widgets");
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Name).HasColumnName("name");
        });
        b.AddOutboxAndInbox();
    }
}
