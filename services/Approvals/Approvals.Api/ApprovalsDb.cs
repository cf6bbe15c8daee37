using Approvals.Api.Features.Catalogue;
using Approvals.Api.Features.Checklists;
using Approvals.Api.Features.Items;
using Platform.Messaging;

namespace Approvals.Api;

public sealed class ApprovalsDb(DbContextOptions<ApprovalsDb> options) : DbContext(options)
{
    public DbSet<Procedure> Procedures => Set<Procedure>();
    public DbSet<ProjectView> Projects => Set<ProjectView>();
    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();

    /// <summary>Money is numeric(18,2) in 万元; any other decimal (a share, a rate, a score) declares its own precision.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<decimal>().HavePrecision(18, 2);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddAuditLog();
        model.AddOutboxAndInbox();
        model.Entity<Procedure>(e =>
        {
            e.ToTable("procedures");
            e.HasKey(p => p.Code);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Ignore(p => p.RegionCode);
            e.Ignore(p => p.ETag);
        });
        model.Entity<ProjectView>(e =>
        {
            e.ToTable("projects");
            e.HasKey(p => p.ProjectId);
            e.Property(p => p.ChecklistVersion).IsConcurrencyToken();
            e.Ignore(p => p.Facts);
        });
        model.Entity<ChecklistItem>(e =>
        {
            e.ToTable("checklist_items");
            e.HasKey(i => i.Id);
            e.Property(i => i.Status).HasConversion<string>();
            // Declared so EF inserts a new project before its items.
            e.HasOne<ProjectView>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.Ignore(i => i.IsThrough);
            e.Ignore(i => i.IsActedOn);
        });
    }
}
