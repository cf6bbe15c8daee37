namespace Identity.Api.Features.Accounts;

/// <summary>
/// Demo accounts <c>{role}@{regionCode}</c> for every region, created only when Platform:SeedDemoData=true is
/// configured explicitly (./platform up, the test fixtures) and never in Production. Their password is
/// Platform:DemoPassword; there is no built-in fallback. Keyed on the user name: a second run adds nothing.
/// </summary>
public sealed class DemoAccounts(IdentityDb db, IConfiguration configuration, IHostEnvironment environment, ILogger<DemoAccounts> logger)
    : IDemoSeed
{
    /// <summary>One real township per district, for the township demo users.</summary>
    public static readonly IReadOnlyDictionary<string, string> DemoTownships = new Dictionary<string, string>
    {
        ["140502"] = "西街街道",
        ["140521"] = "龙港镇",
        ["140522"] = "凤城镇",
        ["140524"] = "崇文镇",
        ["140525"] = "巴公镇",
        ["140581"] = "米山镇",
        ["140571"] = "金村镇",
    };

    /// <summary>The demo password when seeding is asked for; null when it is not. Refuses to go on without one.</summary>
    public static string? PasswordToSeed(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!configuration.GetValue<bool>("Platform:SeedDemoData") || environment.IsProduction()) return null;
        return configuration["Platform:DemoPassword"] is { Length: > 0 } password
            ? password
            : throw new InvalidOperationException(
                "Platform:SeedDemoData is true but Platform:DemoPassword is not set: set the demo accounts' password " +
                "(./platform up passes PLATFORM_DEMO_PASSWORD), or turn seeding off.");
    }

    public static IEnumerable<(string UserName, string Region, string Role)> All()
    {
        foreach (var region in Regions.Codes)
            foreach (var role in BureauRoles.All)
            {
                if (role == BureauRoles.CityHq && region != Regions.City) continue;
                if (role == BureauRoles.Township && region == Regions.City) continue;
                yield return ($"{role}@{region}", region, role);
            }
    }

    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct)
    {
        if (PasswordToSeed(configuration, environment) is not { } password) return DemoSeedResult.Done;
        await using var tx = await DemoSeedLock.BeginAsync(db, nameof(DemoAccounts), ct);
        var existing = (await db.Accounts.Select(a => a.UserName).ToListAsync(ct)).ToHashSet();
        var missing = All().Where(a => !existing.Contains(a.UserName)).ToList();
        if (missing.Count == 0) return DemoSeedResult.Done;
        // One hash for all of them: at 600,000 iterations a hash costs ~0.3 s, and 56 would delay every start by
        // ~17 s for accounts that share one known password anyway. The hash is marked shared, so each account
        // gets its own salt at its first sign-in (PasswordHashing.NeedsRehash).
        var hash = PasswordHashing.SharedHash(password);
        foreach (var (userName, region, role) in missing)
        {
            db.Accounts.Add(new Account
            {
                UserName = userName,
                DisplayName = $"{Regions.NameOf(region)} {role}",
                PasswordHash = hash,
                RegionCode = region,
                Role = role,
                Township = role == BureauRoles.Township ? DemoTownships[region] : null,
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Seeded {Count} demo accounts", missing.Count);
        return DemoSeedResult.Done;
    }
}
