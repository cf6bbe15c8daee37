using City.Api.Features.ReadModels;
using City.Api.Features.Targets;
using Platform.Messaging;

namespace City.Api;

public sealed class CityDb(DbContextOptions<CityDb> options) : DbContext(options)
{
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<ProjectView> ProjectViews => Set<ProjectView>();
    public DbSet<ProjectFigure> ProjectFigures => Set<ProjectFigure>();
    public DbSet<ProblemView> Problems => Set<ProblemView>();
    public DbSet<ApprovalView> Approvals => Set<ApprovalView>();
    public DbSet<DealView> Deals => Set<DealView>();
    public DbSet<FundsArrival> FundsArrivals => Set<FundsArrival>();
    public DbSet<FundingView> Fundings => Set<FundingView>();
    public DbSet<FundingDisbursement> FundingDisbursements => Set<FundingDisbursement>();
    public DbSet<RegionActual> RegionActuals => Set<RegionActual>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();

    /// <summary>Money is numeric(18,2) in 万元; any other decimal (a share, a rate, a score) declares its own precision.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<decimal>().HavePrecision(18, 2);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddAuditLog();
        model.AddOutboxAndInbox();
        model.Entity<Target>(e =>
        {
            e.ToTable("targets");
            e.Property(t => t.Level).HasConversion(v => QueryEnum.Name(v), v => Enum.Parse<TargetLevel>(v, true));
            e.Property(t => t.Version).IsConcurrencyToken();
        });
        model.Entity<ProjectView>(e =>
        {
            e.ToTable("project_views");
            e.HasKey(p => p.ProjectId);
            e.Ignore(p => p.IsKey);
            e.Ignore(p => p.IsStarted);
        });
        model.Entity<ProjectFigure>(e =>
        {
            e.ToTable("project_figures");
            e.HasKey(f => new { f.ProjectId, f.Source, f.Period });
        });
        model.Entity<ProblemView>(e => { e.ToTable("problem_views"); e.HasKey(p => p.ProblemId); });
        model.Entity<ApprovalView>(e => { e.ToTable("approval_views"); e.HasKey(a => a.ItemId); });
        model.Entity<DealView>(e => { e.ToTable("deal_views"); e.HasKey(d => d.DealId); });
        model.Entity<FundsArrival>(e => { e.ToTable("funds_arrivals"); e.HasKey(f => f.FundsId); });
        model.Entity<FundingView>(e => { e.ToTable("funding_views"); e.HasKey(f => f.ApplicationId); });
        model.Entity<FundingDisbursement>(e => { e.ToTable("funding_disbursements"); e.HasKey(f => new { f.ApplicationId, f.Version }); });
        model.Entity<RegionActual>(e => { e.ToTable("region_actuals"); e.HasKey(r => new { r.Period, r.Metric, r.RegionCode }); });
        model.Entity<JournalEntry>(e =>
        {
            e.ToTable("city_events");
            e.HasKey(j => j.Position);
            e.Property(j => j.Position).ValueGeneratedNever();
            e.Property(j => j.Body).HasColumnType("jsonb");
        });
    }
}
