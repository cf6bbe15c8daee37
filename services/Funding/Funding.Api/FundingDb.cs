using Funding.Api.Features.Applications;
using Funding.Api.Features.Programmes;
using Funding.Api.Features.Projects;
using Platform.Messaging;

namespace Funding.Api;

public sealed class FundingDb(DbContextOptions<FundingDb> options) : DbContext(options)
{
    public DbSet<KnownProject> Projects => Set<KnownProject>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<FundingApplication> Applications => Set<FundingApplication>();
    public DbSet<FundingTransfer> Transfers => Set<FundingTransfer>();

    /// <summary>Money is numeric(18,2) in 万元; any other decimal (a share, a rate, a score) declares its own precision.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<decimal>().HavePrecision(18, 2);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddAuditLog();
        model.AddOutboxAndInbox();
        model.Entity<KnownProject>(e =>
        {
            e.ToTable("known_projects");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
        });
        model.Entity<Programme>(e =>
        {
            e.ToTable("programmes");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Kind).HasConversion<string>();
            e.Property(p => p.MaxShare).HasPrecision(5, 4);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Ignore(p => p.IsCityWide);
        });
        model.Entity<FundingApplication>(e =>
        {
            e.ToTable("applications");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Status).HasConversion<string>();
            e.Property(a => a.ProgrammeKind).HasConversion<string>();
            e.Property(a => a.BondAnnualRevenue).HasColumnType("numeric(18,2)[]");
            e.Property(a => a.BondRate).HasPrecision(7, 6);
            e.Property(a => a.BondCoverage).HasPrecision(9, 4);
            e.Property(a => a.BondMinCoverage).HasPrecision(9, 4);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Ignore(a => a.ETag);
            e.Ignore(a => a.AllocatedAmount);
            e.Ignore(a => a.DisbursedAmount);
            e.Ignore(a => a.BondBalance);
            e.HasMany(a => a.Transfers).WithOne().HasForeignKey(t => t.ApplicationId);
        });
        model.Entity<FundingTransfer>(e =>
        {
            e.ToTable("transfers");
            e.HasKey(t => t.Id);
            // Ids are made by the entity: a new transfer found through the navigation must be inserted, not updated.
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Kind).HasConversion<string>();
        });
    }
}
