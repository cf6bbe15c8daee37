namespace Identity.Api.Features.Accounts;

/// <summary>Configuration section "Identity:Throttle".</summary>
public sealed class ThrottleOptions
{
    /// <summary>Attempts per key without any wait.</summary>
    public int FreeAttempts { get; set; } = 5;
    /// <summary>The wait after the last free attempt; it doubles with each further attempt.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>A key quiet for this long starts again from zero (and its row is cleaned up).</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>
/// Exponential back-off per key (user name + client address for sign-in; the account for a password change)
/// instead of an account lock: a stranger's failures slow down only the stranger's own key, never the owner
/// signing in from elsewhere. An attempt is counted before the password is checked (and forgotten on
/// success), in one atomic upsert, so parallel requests cannot all slip through on the same count.
/// </summary>
public sealed class AttemptThrottle(IdentityDb db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ThrottleOptions> options)
{
    public const string SignIn = "sign-in";
    public const string PasswordChange = "password-change";

    /// <summary>Records one attempt; false when the key must still wait (the attempt is then not made).</summary>
    public async Task<bool> TryAttemptAsync(string purpose, string userName, string address, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var forgetBefore = now - o.ForgetAfter;
        var first = o.FirstDelay.TotalSeconds;
        var max = o.MaxDelay.TotalSeconds;
        var firstWait = o.FreeAttempts <= 1 ? o.FirstDelay : TimeSpan.Zero;
        // The exponent is capped so that 2^n stays a finite double however long someone keeps trying.
        var counted = await db.Database.SqlQuery<int>($"""
            insert into attempt_throttle as t (purpose, user_name, client_address, attempts, last_attempt_at, next_attempt_at)
            values ({purpose}, {userName}, {address}, 1, {now}, {now + firstWait})
            on conflict (purpose, user_name, client_address) do update set
                attempts = case when t.last_attempt_at < {forgetBefore} then 1 else t.attempts + 1 end,
                last_attempt_at = excluded.last_attempt_at,
                next_attempt_at = excluded.last_attempt_at + case
                    when (case when t.last_attempt_at < {forgetBefore} then 1 else t.attempts + 1 end) < {o.FreeAttempts} then interval '0 seconds'
                    else make_interval(secs => least({max}::float8, {first}::float8 * power(2::float8, least(30,
                        (case when t.last_attempt_at < {forgetBefore} then 1 else t.attempts + 1 end) - {o.FreeAttempts})::float8)))
                end
            where t.next_attempt_at <= excluded.last_attempt_at
            returning attempts as "Value"
            """).ToListAsync(ct);
        if (counted is [1])
            await db.Database.ExecuteSqlAsync($"delete from attempt_throttle where last_attempt_at < {forgetBefore}", ct);
        return counted.Count == 1;
    }

    /// <summary>A successful attempt forgets the key's failures.</summary>
    public Task ResetAsync(string purpose, string userName, string address, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"delete from attempt_throttle where purpose = {purpose} and user_name = {userName} and client_address = {address}", ct);

    /// <summary>An administrator lifts every back-off of an account.</summary>
    public Task ResetAccountAsync(string userName, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"delete from attempt_throttle where user_name = {userName}", ct);
}
