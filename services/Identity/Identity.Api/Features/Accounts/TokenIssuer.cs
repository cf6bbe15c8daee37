using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Api.Features.Accounts;

/// <summary>Signs RS256 access tokens (at most 15 minutes) carrying the user's region and bureau role.</summary>
public sealed class TokenIssuer
{
    readonly RsaSecurityKey _key;
    readonly string _issuer;
    readonly string _audience;

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(15);

    public TimeSpan Lifetime { get; }

    public TokenIssuer(IConfiguration configuration)
    {
        var pem = configuration["Auth:SigningKeyPem"];
        if (string.IsNullOrWhiteSpace(pem) && configuration["Auth:SigningKeyPath"] is { Length: > 0 } path) pem = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(pem))
            throw new InvalidOperationException("Identity: set Auth:SigningKeyPath (or Auth:SigningKeyPem) to the RSA private key.");
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        _key = new RsaSecurityKey(rsa) { KeyId = KeyIds.For(rsa) };
        _issuer = configuration["Auth:Issuer"] ?? "platform-identity";
        _audience = configuration["Auth:Audience"] ?? "platform-api";
        // Access tokens cannot be recalled, so they stay short; the refresh token keeps a session going.
        var lifetime = configuration.GetValue("Auth:TokenLifetime", MaxLifetime);
        Lifetime = lifetime > TimeSpan.Zero && lifetime < MaxLifetime ? lifetime : MaxLifetime;
    }

    public string Issue(Account account, DateTimeOffset now)
    {
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, account.UserName),
            new(PlatformClaims.Name, account.DisplayName),
            new(PlatformClaims.Region, account.RegionCode),
            new(PlatformClaims.Role, account.Role),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (account.Township is not null) claims.Add(new(PlatformClaims.Township, account.Township));
        if (account.Agency is not null) claims.Add(new(PlatformClaims.Agency, account.Agency));
        if (account.MustChangePassword) claims.Add(new(PlatformClaims.PasswordChange, "true"));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _issuer,
            Audience = _audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The public key as a JSON Web Key Set, for verifiers outside the platform.</summary>
    public object Jwks()
    {
        var p = _key.Rsa.ExportParameters(false);
        return new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) },
            },
        };
    }
}
