using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Auth;

namespace Platform.Testing;

/// <summary>
/// A signing key made for the test run, and tokens signed with it, so a service can be tested on its
/// own. The services validate them exactly as they validate the identity service's tokens.
/// </summary>
public static class TestTokens
{
    static readonly RSA Rsa = RSA.Create(2048);

    public static string PublicKeyPem { get; } = Rsa.ExportSubjectPublicKeyInfoPem();
    public static string PrivateKeyPem { get; } = Rsa.ExportPkcs8PrivateKeyPem();

    /// <summary>The Auth:* settings a service under test gets.</summary>
    public static Dictionary<string, string?> AuthSettings() => new()
    {
        ["Auth:Issuer"] = "platform-identity",
        ["Auth:Audience"] = "platform-api",
        ["Auth:PublicKeyPem"] = PublicKeyPem,
        ["Auth:SigningKeyPem"] = PrivateKeyPem,
    };

    public static string For(string role, string regionCode, string? township = null, string? agency = null,
        string? userName = null, TimeSpan? lifetime = null, string issuer = "platform-identity", string audience = "platform-api")
    {
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, userName ?? $"{role}@{regionCode}"),
            new(PlatformClaims.Region, regionCode),
            new(PlatformClaims.Role, role),
        };
        if (township is not null) claims.Add(new(PlatformClaims.Township, township));
        if (agency is not null) claims.Add(new(PlatformClaims.Agency, agency));
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        var key = new RsaSecurityKey(Rsa) { KeyId = KeyIds.For(Rsa) };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
