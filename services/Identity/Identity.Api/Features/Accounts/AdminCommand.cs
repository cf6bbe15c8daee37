using System.Security.Cryptography;

namespace Identity.Api.Features.Accounts;

/// <summary>
/// <c>dotnet Identity.Api.dll admin create &lt;username&gt; [--region 140500]</c>: a production's first
/// administrator. Runs against the configured database (ConnectionStrings:Database) and exits; prints a
/// generated password once, which must be changed at the first sign-in. Used by <c>./platform admin create</c>
/// and in containers.
/// </summary>
public sealed record AdminCommand(string UserName, string RegionCode)
{
    public const string Usage = "usage: admin create <username> [--region <region code, default 140500>]";

    /// <summary>Null when the arguments are not an admin command; an error message when they are one but malformed.</summary>
    public static AdminCommand? Parse(string[] args, out string? error)
    {
        error = null;
        if (args.Length == 0 || args[0] != "admin") return null;
        if (args.Length < 3 || args[1] != "create") { error = Usage; return null; }
        var region = Regions.City;
        for (var i = 3; i < args.Length; i++)
        {
            if (args[i] == "--region" && i + 1 < args.Length) region = args[++i];
            else { error = $"unknown argument {args[i]}; {Usage}"; return null; }
        }
        if (UserNames.Normalize(args[2]) is not { } userName) { error = "the user name may contain only letters, digits and . _ - @"; return null; }
        if (!Regions.IsKnown(region)) { error = $"{region} is not a region of the city ({string.Join(", ", Regions.Codes)})"; return null; }
        return new AdminCommand(userName, region);
    }

    /// <summary>Creates the account; 0 when done, 1 when the name is taken.</summary>
    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().ActAsSystem("admin-create");
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        if (await db.Accounts.AnyAsync(a => a.UserName == UserName, ct))
        {
            await errors.WriteLineAsync($"error: the user name {UserName} is taken; reset its password from another administrator account instead.");
            return 1;
        }
        var password = GeneratePassword();
        var account = new Account
        {
            UserName = UserName,
            DisplayName = $"{Regions.NameOf(RegionCode)} admin",
            PasswordHash = PasswordHashing.Hash(password),
            RegionCode = RegionCode,
            Role = BureauRoles.Admin,
            MustChangePassword = true,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        await output.WriteLineAsync($"Created administrator {UserName} (region {RegionCode}).");
        await output.WriteLineAsync($"Password: {password}");
        await output.WriteLineAsync("It is shown only this once and must be changed at the first sign-in.");
        return 0;
    }

    /// <summary>20 characters from 56 unambiguous letters and digits plus symbols: about 116 bits.</summary>
    static string GeneratePassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789#%+=-", 20);
}
