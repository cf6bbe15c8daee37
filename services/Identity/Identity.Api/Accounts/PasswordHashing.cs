using System.Security.Cryptography;

namespace Identity.Api.Accounts;

/// <summary>PBKDF2-SHA256 with a per-password salt; the format carries its parameters so they can be raised later.</summary>
public static class PasswordHashing
{
    const int Iterations = 120_000;
    const int SaltSize = 16;
    const int KeySize = 32;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var key = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, KeySize);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}";
    }

    public static bool Verify(string password, string hash)
    {
        var parts = hash.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], out var iterations)) return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the same time as a real check, so an unknown user name cannot be told from a wrong password.</summary>
    public static void VerifyDummy(string password) => Verify(password, DummyHash.Value);

    static readonly Lazy<string> DummyHash = new(() => Hash("dummy-password-for-timing"));
}
