using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Problems;

namespace Identity.Api.Accounts;

public sealed record TokenRequest(string? Username, string? Password) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .Required(Username, "username").MaxLength(Username, 100, "username")
        .Required(Password, "password").MaxLength(Password, 200, "password");
}

public sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/identity", "Identity").AllowAnonymous();
        group.MapPost("/token", IssueToken).WithSummary("Exchange a user name and password for an access token");
        group.MapGet("/.well-known/jwks.json", (TokenIssuer issuer) => TypedResults.Ok(issuer.Jwks()))
            .WithSummary("The public key that verifies the platform's tokens");
        return app;
    }

    static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, IdentityDb db, TokenIssuer issuer, IOptions<LockoutOptions> lockout, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var account = await db.Accounts.FindAsync([request.Username!.Trim()], ct);
        if (account is null)
        {
            PasswordHashing.VerifyDummy(request.Password!);
            return InvalidCredentials();
        }
        var result = account.SignIn(request.Password!, now, lockout.Value);
        await db.SaveChangesAsync(ct);
        return result switch
        {
            SignInResult.Success => TypedResults.Ok(new TokenResponse(issuer.Issue(account, now), "Bearer", (int)issuer.Lifetime.TotalSeconds)),
            SignInResult.Locked => Problem.Create(StatusCodes.Status401Unauthorized, "account_locked", "Account locked",
                "Too many failed sign-ins: the account is locked for a while. Ask your administrator to unlock it."),
            SignInResult.Disabled => Problem.Create(StatusCodes.Status401Unauthorized, "account_disabled", "Account disabled", "The account is disabled."),
            _ => InvalidCredentials(),
        };
    }

    static ProblemHttpResult InvalidCredentials() =>
        Problem.Create(StatusCodes.Status401Unauthorized, "invalid_credentials", "Invalid credentials", "The user name or password is wrong.");
}
