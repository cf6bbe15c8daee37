namespace Platform.ServiceDefaults.Auth;

/// <summary>Claim names in the platform's tokens.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Region = "region";
    public const string Role = "role";
    /// <summary>Only township users carry it: the township (乡镇/街道) they report for.</summary>
    public const string Township = "township";
    /// <summary>Front-line agency (自然资源, 生态环境 …) for approvals users.</summary>
    public const string Agency = "agency";
    /// <summary>"true" in a token whose holder must change a password someone else chose before doing anything else.</summary>
    public const string PasswordChange = "pwd_change";
}
