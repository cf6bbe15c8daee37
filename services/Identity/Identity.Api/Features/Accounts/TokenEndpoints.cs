using System.Text.Json.Serialization;

namespace Identity.Api.Features.Accounts;

public sealed record TokenRequest(string? Username, string? Password) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .Required(Username, "username").MaxLength(Username, 100, "username")
        .Required(Password, "password").MaxLength(Password, PasswordPolicy.MaxLength, "password");
}

public sealed record RefreshRequest([property: JsonPropertyName("refresh_token")] string? RefreshToken) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Required(RefreshToken, "refresh_token").MaxLength(RefreshToken, 200, "refresh_token");
}

/// <summary>
/// The access token, and a refresh token to get the next one (absent while the password must be changed).
/// </summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("password_change_required")] bool PasswordChangeRequired);

public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/identity", "Identity").AllowAnonymous();
        group.MapPost("/token", IssueToken).WithSummary("Exchange a user name and password for an access token and a refresh token");
        group.MapPost("/token/refresh", Refresh).WithSummary("Exchange a refresh token (once) for a new access token and refresh token");
        group.MapGet("/.well-known/jwks.json", (TokenIssuer issuer) => TypedResults.Ok(issuer.Jwks()))
            .WithSummary("The public key that verifies the platform's tokens");
        return app;
    }

    /// <summary>
    /// Every failure is the same 401 after the same work (a hash check, against a dummy hash when there is no
    /// account to check): unknown user, wrong password, disabled account and a key still in its back-off wait.
    /// </summary>
    static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(TokenRequest request, HttpContext http, IdentityDb db,
        TokenIssuer issuer, AttemptThrottle throttle, RefreshTokens refreshTokens, TimeProvider clock, CancellationToken ct)
    {
        var userName = UserNames.Normalize(request.Username);
        var address = ClientAddresses.Of(http);
        if (userName is null || !await throttle.TryAttemptAsync(AttemptThrottle.SignIn, userName, address, ct))
        {
            PasswordHashing.VerifyDummy(request.Password!);
            return InvalidCredentials();
        }
        var account = await db.Accounts.FindAsync([userName], ct);
        if (account is null)
        {
            PasswordHashing.VerifyDummy(request.Password!);
            return InvalidCredentials();
        }
        var now = clock.GetUtcNow();
        if (!account.SignIn(request.Password!, now)) return InvalidCredentials();

        await throttle.ResetAsync(AttemptThrottle.SignIn, userName, address, ct);
        var refresh = account.MustChangePassword ? null : refreshTokens.Issue(account.UserName);
        if (refresh is not null) await refreshTokens.PruneAsync(account.UserName, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Response(issuer, account, now, refresh));
    }

    static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Refresh(RefreshRequest request, IdentityDb db, TokenIssuer issuer,
        RefreshTokens refreshTokens, TimeProvider clock, CancellationToken ct)
    {
        if (await refreshTokens.UseAsync(request.RefreshToken!, ct) is not var (userName, family)) return InvalidRefreshToken();
        var account = await db.Accounts.FindAsync([userName], ct);
        if (account is null || !account.Enabled || account.MustChangePassword) return InvalidRefreshToken();
        var refresh = refreshTokens.Issue(account.UserName, family);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Response(issuer, account, clock.GetUtcNow(), refresh));
    }

    static TokenResponse Response(TokenIssuer issuer, Account account, DateTimeOffset now, string? refresh) =>
        new(issuer.Issue(account, now), "Bearer", (int)issuer.Lifetime.TotalSeconds, refresh, account.MustChangePassword);

    static ProblemHttpResult InvalidCredentials() =>
        Problem.Create(StatusCodes.Status401Unauthorized, "invalid_credentials", "Invalid credentials", "The user name or password is wrong.");

    static ProblemHttpResult InvalidRefreshToken() =>
        Problem.Create(StatusCodes.Status401Unauthorized, "invalid_refresh_token", "Invalid refresh token",
            "The refresh token is unknown, expired, used or revoked: sign in again.");
}
