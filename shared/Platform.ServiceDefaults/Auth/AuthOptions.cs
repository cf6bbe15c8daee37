namespace Platform.ServiceDefaults.Auth;

/// <summary>Configuration section "Auth".</summary>
public sealed class AuthOptions
{
    public string Issuer { get; set; } = "platform-identity";
    public string Audience { get; set; } = "platform-api";
    /// <summary>PEM file with the RSA public key that verifies the identity service's tokens.</summary>
    public string? PublicKeyPath { get; set; }
    /// <summary>The PEM text itself, an alternative to <see cref="PublicKeyPath"/> (containers, tests).</summary>
    public string? PublicKeyPem { get; set; }
    /// <summary>Trust an external OIDC issuer instead: its metadata supplies the signing keys.</summary>
    public string? Authority { get; set; }
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
