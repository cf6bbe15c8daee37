using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Auth;

/// <summary>
/// Every service validates the token itself (issuer, audience, lifetime, RS256 signature, short clock
/// skew). No service trusts identity headers set by the gateway.
/// </summary>
public static class AuthenticationSetup
{
    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // Read at first use, not at registration, so test hosts and late configuration sources are seen.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IConfiguration>((jwt, config) =>
            {
                var options = config.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = options.Issuer,
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ValidateIssuerSigningKey = true,
                    ClockSkew = options.ClockSkew,
                    NameClaimType = PlatformClaims.Subject,
                    RoleClaimType = PlatformClaims.Role,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                };
                if (!string.IsNullOrEmpty(options.Authority))
                {
                    jwt.Authority = options.Authority;
                    jwt.RequireHttpsMetadata = options.Authority.StartsWith("https", StringComparison.Ordinal);
                }
                else
                {
                    jwt.TokenValidationParameters.IssuerSigningKey = LoadPublicKey(options);
                }
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(PlatformClaims.Region)
                .RequireClaim(PlatformClaims.Role)
                .Build());
        return services;
    }

    static RsaSecurityKey LoadPublicKey(AuthOptions options)
    {
        var pem = options.PublicKeyPem;
        if (string.IsNullOrWhiteSpace(pem) && !string.IsNullOrWhiteSpace(options.PublicKeyPath))
            pem = File.ReadAllText(options.PublicKeyPath);
        if (string.IsNullOrWhiteSpace(pem))
            throw new InvalidOperationException(
                "Auth: set Auth:PublicKeyPath (or Auth:PublicKeyPem, or Auth:Authority) so tokens can be verified.");
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = KeyIds.For(rsa) };
    }
}

/// <summary>A stable key id derived from the public key, so signer and verifiers agree without configuration.</summary>
public static class KeyIds
{
    public static string For(RSA rsa) =>
        Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16].ToLowerInvariant();
}
