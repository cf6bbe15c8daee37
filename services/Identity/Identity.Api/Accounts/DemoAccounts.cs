using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Auth;

namespace Identity.Api.Accounts;

/// <summary>
/// Demo accounts <c>{role}@{regionCode}</c> for every region, created only when Platform:SeedDemoData is
/// on (./platform up) and never in Production.
/// </summary>
public static class DemoAccounts
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

    public static async Task SeedAsync(IdentityDb db, string password, ILogger logger, CancellationToken ct = default)
    {
        var existing = (await db.Accounts.Select(a => a.UserName).ToListAsync(ct)).ToHashSet();
        var hash = PasswordHashing.Hash(password);
        var added = 0;
        foreach (var (userName, region, role) in All().Where(a => !existing.Contains(a.UserName)))
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
            added++;
        }
        await db.SaveChangesAsync(ct);
        if (added > 0) logger.LogInformation("Seeded {Count} demo accounts", added);
    }
}
