using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.ServiceDefaults.Data;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api;

public sealed class ProjectsDb(DbContextOptions<ProjectsDb> options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddAuditLog();
        model.AddOutboxAndInbox();
        model.Entity<Project>(e =>
        {
            e.ToTable("projects");
            e.HasKey(p => p.Id);
            e.Property(p => p.Category).HasConversion<string>();
            e.Property(p => p.Nature).HasConversion<string>();
            e.Property(p => p.Stage).HasConversion<string>();
            e.Property(p => p.KeyLevel).HasConversion<string>();
            e.Property(p => p.TotalInvestment).HasPrecision(18, 2);
            e.Property(p => p.AnnualPlannedInvestment).HasPrecision(18, 2);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Ignore(p => p.ETag);
        });
    }
}
