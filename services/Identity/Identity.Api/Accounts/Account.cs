using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Data;

namespace Identity.Api.Accounts;

/// <summary>A bureau user: one region, one role. Locks itself after repeated failed sign-ins.</summary>
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
    public int FailedAttempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public long Version { get; set; } = 1;

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public SignInResult SignIn(string password, DateTimeOffset now, LockoutOptions lockout)
    {
        if (!Enabled) return SignInResult.Disabled;
        if (IsLocked(now)) return SignInResult.Locked;
        if (!PasswordHashing.Verify(password, PasswordHash))
        {
            FailedAttempts++;
            if (FailedAttempts >= lockout.MaxFailedAttempts)
            {
                LockedUntil = now + lockout.Duration;
                FailedAttempts = 0;
                Version++;
                return SignInResult.Locked;
            }
            Version++;
            return SignInResult.WrongPassword;
        }
        FailedAttempts = 0;
        LockedUntil = null;
        LastLoginAt = now;
        Version++;
        return SignInResult.Success;
    }

    public void SetPassword(string password)
    {
        PasswordHash = PasswordHashing.Hash(password);
        Unlock();
    }

    public void Unlock()
    {
        FailedAttempts = 0;
        LockedUntil = null;
        Version++;
    }

    /// <summary>An admin manages the accounts of its own region; the city's admin manages all.</summary>
    public static bool CanManage(CallerScope caller, string regionCode) =>
        caller.IsAdmin && (caller.IsCity || caller.RegionCode == regionCode);
}

public enum SignInResult { Success, WrongPassword, Locked, Disabled }

public sealed class LockoutOptions
{
    public int MaxFailedAttempts { get; set; } = 5;
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
