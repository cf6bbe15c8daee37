using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;

namespace Platform.Data;

/// <summary>
/// Long whole-database passes (a read-model rebuild, a duplicate scan) run one at a time across every instance of
/// a service: a second request while one runs is refused at once (409 <c>already_running</c>) instead of queueing
/// another full pass behind it, which would let a few clicks or a script tie up the database. The guard is a
/// PostgreSQL transaction-level advisory lock, so it is released at commit, rollback or a lost connection.
/// </summary>
public static class ExclusiveRun
{
    /// <summary>Takes the named lock inside the current transaction (begin one first); false when another run holds it.</summary>
    public static async Task<bool> TryEnterAsync(DbContext db, string name, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("ExclusiveRun needs an open transaction: the lock lasts until it ends.");
        var key = Key(name);
        var taken = await db.Database.SqlQuery<bool>($"select pg_try_advisory_xact_lock({key}) as \"Value\"").ToListAsync(ct);
        return taken is [true];
    }

    public static ProblemHttpResult AlreadyRunning(string what) =>
        Problem.Conflict("already_running", $"A {what} is already running; try again when it has finished.");

    /// <summary>A stable 64-bit key for a name (FNV-1a): string.GetHashCode differs between processes.</summary>
    public static long Key(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return unchecked((long)hash);
    }
}
