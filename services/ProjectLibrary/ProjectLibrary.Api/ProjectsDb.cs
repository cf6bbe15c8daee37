using Platform.Messaging;
using ProjectLibrary.Api.Features.Imports;
using ProjectLibrary.Api.Features.Problems;
using ProjectLibrary.Api.Features.Progress;
using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api;

public sealed class ProjectsDb(DbContextOptions<ProjectsDb> options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<MonthlyProgress> Progress => Set<MonthlyProgress>();
    public DbSet<ProgressLock> ProgressLocks => Set<ProgressLock>();
    public DbSet<ProjectProblem> Problems => Set<ProjectProblem>();
    public DbSet<ProblemNote> ProblemNotes => Set<ProblemNote>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    /// <summary>Money is numeric(18,2) in 万元; any other decimal (a share, a rate, a score) declares its own precision.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<decimal>().HavePrecision(18, 2);

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
            e.Property(p => p.StageBeforeSuspension).HasConversion<string>();
            e.Property(p => p.KeyLevel).HasConversion<string>();
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Ignore(p => p.ETag);
            e.Ignore(p => p.IsFinal);
        });
        model.Entity<MonthlyProgress>(e =>
        {
            e.ToTable("project_progress");
            e.HasKey(p => new { p.ProjectId, p.Year, p.Month });
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Ignore(p => p.Period);
            // Declared so EF inserts a new project before its months (the foreign key is in 0002).
            e.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId);
        });
        model.Entity<ProgressLock>(e =>
        {
            e.ToTable("progress_locks");
            e.HasKey(l => new { l.RegionCode, l.Year, l.Month });
        });
        model.Entity<ProjectProblem>(e =>
        {
            e.ToTable("problems");
            e.HasKey(p => p.Id);
            e.Property(p => p.Category).HasConversion<string>();
            e.Property(p => p.Level).HasConversion<string>();
            e.Property(p => p.Status).HasConversion<string>();
            e.Property(p => p.Severity).HasConversion<string>();
            e.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Ignore(p => p.IsOpen);
            e.HasMany(p => p.Notes).WithOne().HasForeignKey(n => n.ProblemId);
        });
        model.Entity<ProblemNote>(e =>
        {
            e.ToTable("problem_notes");
            e.HasKey(n => n.Id);
            // Notes are created with their id; declared so EF inserts one found in a problem's list instead of updating it.
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Kind).HasConversion<string>();
        });
        model.Entity<ImportJob>(e =>
        {
            e.ToTable("import_jobs");
            e.HasKey(j => j.Id);
            e.Property(j => j.Status).HasConversion<string>();
            e.Property(j => j.Kind).HasConversion<string>();
            e.Property(j => j.Report).HasColumnType("jsonb");
            e.Ignore(j => j.IsDone);
            e.Ignore(j => j.Caller);
        });
    }
}
