using System.Text.Json;
using Attraction.Api.Features.Deals;
using Attraction.Api.Features.Enterprises;
using Attraction.Api.Features.Leads;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Messaging;

namespace Attraction.Api;

public sealed class AttractionDb(DbContextOptions<AttractionDb> options) : DbContext(options)
{
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<LeadContact> LeadContacts => Set<LeadContact>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<FundsArrival> FundsArrivals => Set<FundsArrival>();

    /// <summary>Money is numeric(18,2) in 万元; any other decimal (a share, a rate, a score) declares its own precision.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<decimal>().HavePrecision(18, 2);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddAuditLog();
        model.AddOutboxAndInbox();
        model.Entity<Enterprise>(e =>
        {
            e.ToTable("enterprises");
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.ETag);
            JsonList(e.Property(x => x.Contacts));
        });
        model.Entity<Lead>(e =>
        {
            e.ToTable("leads");
            e.Property(x => x.Stage).HasConversion<string>();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.ETag);
            e.Ignore(x => x.IsClosed);
        });
        model.Entity<LeadContact>(e => e.ToTable("lead_contacts"));
        model.Entity<Deal>(e =>
        {
            e.ToTable("deals");
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.ETag);
            e.Ignore(x => x.ConversionKey);
            e.Ignore(x => x.StartedInSigningYear);
            JsonList(e.Property(x => x.Investors));
        });
        model.Entity<Commitment>(e =>
        {
            e.ToTable("commitments");
            e.Property(x => x.Side).HasConversion<string>();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.FulfilledLate);
        });
        model.Entity<FundsArrival>(e =>
        {
            e.ToTable("funds_arrivals");
        });
    }

    /// <summary>A small list of records kept whole in a jsonb column, compared by content for change tracking.</summary>
    static void JsonList<T>(PropertyBuilder<List<T>> property) => property
        .HasColumnType("jsonb")
        .HasConversion(
            v => JsonSerializer.Serialize(v, Json.Options),
            v => JsonSerializer.Deserialize<List<T>>(v, Json.Options) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (a, b) => JsonSerializer.Serialize(a, Json.Options) == JsonSerializer.Serialize(b, Json.Options),
                v => JsonSerializer.Serialize(v, Json.Options).GetHashCode(),
                v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Json.Options), Json.Options)!));
}
