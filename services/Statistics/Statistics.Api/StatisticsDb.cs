using Platform.Messaging;
using Statistics.Api.Features.Duplicates;
using Statistics.Api.Features.Figures;
using Statistics.Api.Features.Inclusions;
using Statistics.Api.Features.Projects;

namespace Statistics.Api;

public sealed class StatisticsDb(DbContextOptions<StatisticsDb> options) : DbContext(options)
{
    public DbSet<ProjectView> Projects => Set<ProjectView>();
    public DbSet<Inclusion> Inclusions => Set<Inclusion>();
    public DbSet<OfficialFigure> OfficialFigures => Set<OfficialFigure>();
    public DbSet<ScheduledFigure> ScheduledFigures => Set<ScheduledFigure>();
    public DbSet<DuplicatePair> DuplicatePairs => Set<DuplicatePair>();

    /// <summary>Money is numeric(18,2) in 万元; any other decimal (a share, a rate, a score) declares its own precision.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<decimal>().HavePrecision(18, 2);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddAuditLog();
        model.AddOutboxAndInbox();
        model.Entity<ProjectView>(e =>
        {
            e.ToTable("project_views");
            e.HasKey(p => p.Id);
            e.Ignore(p => p.IsStarted);
        });
        model.Entity<Inclusion>(e =>
        {
            e.ToTable("inclusions");
            e.HasKey(i => i.Id);
            e.Property(i => i.Status).HasConversion<string>();
            e.Property(i => i.SubstituteKind).HasConversion<string>();
            e.Property(i => i.Version).IsConcurrencyToken();
            e.Ignore(i => i.ETag);
        });
        model.Entity<OfficialFigure>(e =>
        {
            e.ToTable("official_figures");
            e.HasKey(f => f.Id);
            e.Property(f => f.Version).IsConcurrencyToken();
        });
        model.Entity<ScheduledFigure>(e =>
        {
            e.ToTable("scheduled_figures");
            e.HasKey(f => new { f.ProjectId, f.Period });
        });
        model.Entity<DuplicatePair>(e =>
        {
            e.ToTable("duplicate_pairs");
            e.HasKey(d => d.Id);
            e.Property(d => d.Status).HasConversion<string>();
            e.Property(d => d.Reason).HasConversion<string>();
            e.Property(d => d.Score).HasPrecision(4, 3);
            e.Property(d => d.Version).IsConcurrencyToken();
        });
    }
}
