using Identity.Api.Features.Accounts;

namespace Identity.Api;

public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddAuditLog();
        model.Entity<Account>(e =>
        {
            e.ToTable("accounts");
            e.HasKey(a => a.UserName);
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        model.Entity<RefreshToken>(e =>
        {
            e.ToTable("refresh_tokens");
            e.HasKey(t => t.TokenHash);
        });
    }
}
