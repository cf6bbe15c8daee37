using System.Security.Cryptography;

namespace Identity.Api.Features.Accounts;

/// <summary>
/// PBKDF2-SHA256 with a per-password salt. The stored form carries its iteration count
/// (<c>pbkdf2-sha256$iterations$salt$key</c>), so hashes made with an older, lower count still verify and
/// are rehashed at the next successful sign-in (<see cref="NeedsRehash"/>).
/// </summary>
public static class PasswordHashing
{
    /// <summary>OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.</summary>
    public const int Iterations = 600_000;
    const int SaltSize = 16;
    const int KeySize = 32;
    const string Scheme = "pbkdf2-sha256";
    /// <summary>Marks a hash that several accounts share (the demo accounts): replaced by an own salt at first sign-in.</summary>
    const string SharedPrefix = "shared$";

    public static string Hash(string password) => Hash(password, Iterations);

    internal static string Hash(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var key = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, KeySize);
        return $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}";
    }

    /// <summary>One hash meant for several accounts with the same known password (demo seeding).</summary>
    public static string SharedHash(string password) => SharedPrefix + Hash(password);

    public static bool Verify(string password, string hash)
    {
        if (!TryParse(hash, out var iterations, out var salt, out var expected)) return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True for hashes below today's iteration count and for shared (demo) hashes.</summary>
    public static bool NeedsRehash(string hash) =>
        hash.StartsWith(SharedPrefix, StringComparison.Ordinal) || !TryParse(hash, out var iterations, out _, out _) || iterations < Iterations;

    /// <summary>The iteration count a stored hash was made with (0 when unreadable).</summary>
    public static int IterationsOf(string hash) => TryParse(hash, out var iterations, out _, out _) ? iterations : 0;

    /// <summary>Spends the same time as a real check, so an unknown user name cannot be told from a wrong password.</summary>
    public static void VerifyDummy(string password) => Verify(password, DummyHash.Value);

    static readonly Lazy<string> DummyHash = new(() => Hash("dummy-password-for-timing"));

    static bool TryParse(string hash, out int iterations, out byte[] salt, out byte[] key)
    {
        iterations = 0;
        salt = key = [];
        if (hash.StartsWith(SharedPrefix, StringComparison.Ordinal)) hash = hash[SharedPrefix.Length..];
        var parts = hash.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out iterations) || iterations <= 0) return false;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            key = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        return key.Length > 0;
    }
}
