namespace Identity.Api.Features.Accounts;

/// <summary>A bureau user: one region, one role.</summary>
public sealed class Account : IAudited
{
    public required string UserName { get; init; }
    public required string DisplayName { get; set; }
    [NotAudited] public required string PasswordHash { get; set; }
    public required string RegionCode { get; set; }
    public required string Role { get; set; }
    public string? Township { get; set; }
    public string? Agency { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>Set for a password someone else chose (first administrator, admin reset): sign-in only allows changing it.</summary>
    public bool MustChangePassword { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public long Version { get; set; } = 1;

    /// <summary>
    /// Checks the password. A disabled account is checked too (same work, same answer as a wrong password),
    /// and a hash below today's cost, or one shared with other demo accounts, is replaced by a fresh one.
    /// </summary>
    public bool SignIn(string password, DateTimeOffset now)
    {
        if (!PasswordHashing.Verify(password, PasswordHash) || !Enabled) return false;
        if (PasswordHashing.NeedsRehash(PasswordHash)) PasswordHash = PasswordHashing.Hash(password);
        LastLoginAt = now;
        Version++;
        return true;
    }

    /// <summary>A new password; <paramref name="chosenByOwner"/> false when someone else set it (it must be changed at sign-in).</summary>
    public void SetPassword(string password, bool chosenByOwner)
    {
        PasswordHash = PasswordHashing.Hash(password);
        MustChangePassword = !chosenByOwner;
        Version++;
    }

    /// <summary>An admin manages the accounts of its own region; the city's admin manages all.</summary>
    public static bool CanManage(CallerScope caller, string regionCode) =>
        caller.IsAdmin && (caller.IsCity || caller.RegionCode == regionCode);
}

/// <summary>Rules for every new password (create, reset, change).</summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 200;

    public static ValidationErrors NewPassword(this ValidationErrors errors, string? password, string field) => errors
        .Required(password, field)
        .MaxLength(password, MaxLength, field)
        .When(password is not null && password.Length < MinLength, field, FieldErrors.MinLength(MinLength));
}
