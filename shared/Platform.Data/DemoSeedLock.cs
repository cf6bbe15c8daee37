using Microsoft.EntityFrameworkCore;

namespace Platform.Data;

/// <summary>
/// Serialises one demo seed across the instances of a service: the first takes the lock and adds the rows, the
/// others wait, then find them and add nothing. A transaction-level advisory lock, released at commit or rollback.
/// </summary>
public static class DemoSeedLock
{
    /// <summary>Begins a transaction holding the seed's lock; commit it once the seed saved.</summary>
    public static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(DbContext db, string seed, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock({ExclusiveRun.Key("demo-seed:" + seed)})", ct);
        return tx;
    }
}
