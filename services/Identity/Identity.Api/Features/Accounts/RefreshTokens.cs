using System.Security.Cryptography;
using System.Text;

namespace Identity.Api.Features.Accounts;

/// <summary>
/// A refresh token as stored: only its SHA-256, never the token. Each use replaces it by a new one of the
/// same family; presenting a used one again means it was copied, and the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    public required string TokenHash { get; init; }
    public required Guid FamilyId { get; init; }
    public required string UserName { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class RefreshTokens(IdentityDb db, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>How long a refresh token stays usable when not used (a working day by default).</summary>
    TimeSpan Lifetime => configuration.GetValue("Auth:RefreshTokenLifetime", TimeSpan.FromHours(10));

    /// <summary>A new token (of a new family unless one is given), added to the context; saved by the caller.</summary>
    public string Issue(string userName, Guid? familyId = null)
    {
        var now = clock.GetUtcNow();
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.RefreshTokens.Add(new RefreshToken
        {
            TokenHash = HashOf(token), FamilyId = familyId ?? Guid.NewGuid(), UserName = userName, IssuedAt = now, ExpiresAt = now + Lifetime,
        });
        return token;
    }

    /// <summary>
    /// Uses a token once: its account and family when it was valid and unused. A token used before revokes its family.
    /// The update is conditional, so of two requests racing with the same token only one wins.
    /// </summary>
    public async Task<(string UserName, Guid FamilyId)?> UseAsync(string token, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = HashOf(token);
        var won = await db.RefreshTokens
            .Where(t => t.TokenHash == hash && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        var row = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (row is null) return null;
        if (won == 1) return (row.UserName, row.FamilyId);
        if (row.UsedAt is not null)
            await db.RefreshTokens.Where(t => t.FamilyId == row.FamilyId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        return null;
    }

    /// <summary>Revokes every live token of the account (disabled, role or scope changed, password set); saved by the caller.</summary>
    public async Task RevokeAllAsync(string userName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var token in await db.RefreshTokens.Where(t => t.UserName == userName && t.RevokedAt == null && t.ExpiresAt > now).ToListAsync(ct))
            token.RevokedAt = now;
    }

    /// <summary>Drops the account's tokens that expired more than a day ago, so the table does not grow forever.</summary>
    public Task PruneAsync(string userName, CancellationToken ct)
    {
        var before = clock.GetUtcNow().AddDays(-1);
        return db.RefreshTokens.Where(t => t.UserName == userName && t.ExpiresAt < before).ExecuteDeleteAsync(ct);
    }

    static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
