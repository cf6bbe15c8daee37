using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Problems;

namespace Identity.Api.Accounts;

public sealed record AccountResponse(string UserName, string DisplayName, string RegionCode, string Role, string? Township,
    string? Agency, bool Enabled, bool Locked, DateTimeOffset? LastLoginAt)
{
    public static AccountResponse From(Account a, DateTimeOffset now) =>
        new(a.UserName, a.DisplayName, a.RegionCode, a.Role, a.Township, a.Agency, a.Enabled, a.IsLocked(now), a.LastLoginAt);
}

public sealed record CreateAccountRequest(string? UserName, string? DisplayName, string? Password, string? RegionCode,
    string? Role, string? Township, string? Agency) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(UserName, "userName").MaxLength(UserName, 100, "userName")
            .Required(DisplayName, "displayName").MaxLength(DisplayName, 100, "displayName")
            .Required(Password, "password")
            .When(Password is { Length: < 8 }, "password", "must be at least 8 characters")
            .Required(RegionCode, "regionCode")
            .When(RegionCode is not null && !Regions.IsKnown(RegionCode), "regionCode", "is not a region of the city")
            .Required(Role, "role")
            .When(Role is not null && !BureauRoles.IsKnown(Role), "role", "is not a bureau role: " + string.Join(", ", BureauRoles.All))
            .When(Role == BureauRoles.Township && string.IsNullOrWhiteSpace(Township), "township", "is required for a township user");
    }
}

public sealed record UpdateAccountRequest(string? DisplayName, string? Role, string? Township, string? Agency, bool? Enabled) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .MaxLength(DisplayName, 100, "displayName")
        .When(Role is not null && !BureauRoles.IsKnown(Role), "role", "is not a bureau role: " + string.Join(", ", BureauRoles.All));
}

public sealed record SetPasswordRequest(string? Password) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Required(Password, "password")
        .When(Password is { Length: < 8 }, "password", "must be at least 8 characters");
}

public sealed record ChangeOwnPasswordRequest(string? CurrentPassword, string? NewPassword) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Required(CurrentPassword, "currentPassword").Required(NewPassword, "newPassword")
        .When(NewPassword is { Length: < 8 }, "newPassword", "must be at least 8 characters");
}

/// <summary>Account administration: an admin manages its own region's accounts; the city's admin manages all.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/identity", "Identity");
        group.MapGet("/me", async (IdentityDb db, CallerScope caller, TimeProvider clock, CancellationToken ct) =>
            await db.Accounts.FindAsync([caller.UserName], ct) is { } account
                ? Results.Ok(AccountResponse.From(account, clock.GetUtcNow()))
                : Problem.NotFound("Account", caller.UserName));
        group.MapPost("/me/password", ChangeOwnPassword);
        group.MapGet("/accounts", List);
        group.MapPost("/accounts", Create);
        group.MapPut("/accounts/{userName}", Update);
        group.MapPost("/accounts/{userName}/password", SetPassword);
        group.MapPost("/accounts/{userName}/unlock", Unlock);
        app.MapAuditTrail("/api/identity/audit", AccountAudit.Policy);
        return app;
    }

    static async Task<Results<Ok<Paged<AccountResponse>>, ProblemHttpResult>> List(IdentityDb db, CallerScope caller, TimeProvider clock,
        string? regionCode, string? role, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        if (!caller.IsAdmin) return Problem.Forbidden("Only an administrator manages accounts.");
        var query = db.Accounts.AsNoTracking();
        if (!caller.IsCity) query = query.Where(a => a.RegionCode == caller.RegionCode);
        if (regionCode is not null) query = query.Where(a => a.RegionCode == regionCode);
        if (role is not null) query = query.Where(a => a.Role == role);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(a => a.UserName.Contains(q) || a.DisplayName.Contains(q));
        var now = clock.GetUtcNow();
        var result = await query.OrderBy(a => a.UserName).ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<AccountResponse>(result.Items.Select(a => AccountResponse.From(a, now)).ToList(), result.Page, result.PageSize, result.Total));
    }

    static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> Create(CreateAccountRequest request, IdentityDb db,
        CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        if (!Account.CanManage(caller, request.RegionCode!)) return Problem.Forbidden("An administrator creates accounts only in its own region.");
        if (await db.Accounts.AnyAsync(a => a.UserName == request.UserName!.Trim(), ct))
            return Problem.Conflict("duplicate_user_name", $"The user name {request.UserName} is taken.");
        var account = new Account
        {
            UserName = request.UserName!.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            PasswordHash = PasswordHashing.Hash(request.Password!),
            RegionCode = request.RegionCode!,
            Role = request.Role!,
            Township = request.Township,
            Agency = request.Agency,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/identity/accounts/{account.UserName}", AccountResponse.From(account, clock.GetUtcNow()));
    }

    static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Update(string userName, UpdateAccountRequest request, IdentityDb db,
        CallerScope caller, TimeProvider clock, CancellationToken ct)
    {
        var account = await db.Accounts.FindAsync([userName], ct);
        if (account is null || !Account.CanManage(caller, account.RegionCode)) return Problem.NotFound("Account", userName);
        if (request.DisplayName is not null) account.DisplayName = request.DisplayName;
        if (request.Role is not null) account.Role = request.Role;
        if (request.Township is not null) account.Township = request.Township.Length == 0 ? null : request.Township;
        if (request.Agency is not null) account.Agency = request.Agency.Length == 0 ? null : request.Agency;
        if (request.Enabled is not null) account.Enabled = request.Enabled.Value;
        account.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AccountResponse.From(account, clock.GetUtcNow()));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> SetPassword(string userName, SetPasswordRequest request, IdentityDb db,
        CallerScope caller, CancellationToken ct)
    {
        var account = await db.Accounts.FindAsync([userName], ct);
        if (account is null || !Account.CanManage(caller, account.RegionCode)) return Problem.NotFound("Account", userName);
        account.SetPassword(request.Password!);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Unlock(string userName, IdentityDb db, CallerScope caller, CancellationToken ct)
    {
        var account = await db.Accounts.FindAsync([userName], ct);
        if (account is null || !Account.CanManage(caller, account.RegionCode)) return Problem.NotFound("Account", userName);
        account.Unlock();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, ProblemHttpResult>> ChangeOwnPassword(ChangeOwnPasswordRequest request, IdentityDb db,
        CallerScope caller, CancellationToken ct)
    {
        var account = await db.Accounts.FindAsync([caller.UserName], ct);
        if (account is null) return Problem.NotFound("Account", caller.UserName);
        if (!PasswordHashing.Verify(request.CurrentPassword!, account.PasswordHash))
            return Problem.Unprocessable("invalid_credentials", "The current password is wrong.");
        account.SetPassword(request.NewPassword!);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
