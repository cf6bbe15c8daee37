namespace Identity.Api.Features.Accounts;

public sealed record AccountResponse(string UserName, string DisplayName, string RegionCode, string Role, string? Township,
    string? Agency, bool Enabled, bool MustChangePassword, DateTimeOffset? LastLoginAt)
{
    public static AccountResponse From(Account a) =>
        new(a.UserName, a.DisplayName, a.RegionCode, a.Role, a.Township, a.Agency, a.Enabled, a.MustChangePassword, a.LastLoginAt);
}

public sealed record CreateAccountRequest(string? UserName, string? DisplayName, string? Password, string? RegionCode,
    string? Role, string? Township, string? Agency) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(UserName, "userName").MaxLength(UserName, UserNames.MaxLength, "userName")
            .When(!string.IsNullOrWhiteSpace(UserName) && UserNames.Normalize(UserName) is null, "userName",
                FieldErrors.InvalidFormat("may contain only letters, digits and . _ - @"))
            .Required(DisplayName, "displayName").MaxLength(DisplayName, 100, "displayName")
            .NewPassword(Password, "password")
            .Required(RegionCode, "regionCode")
            .When(RegionCode is not null && !Regions.IsKnown(RegionCode), "regionCode", FieldErrors.UnknownRegion)
            .Required(Role, "role")
            .When(Role is not null && !BureauRoles.IsKnown(Role), "role",
                FieldErrors.OneOf(BureauRoles.All).Saying("is not a bureau role: " + string.Join(", ", BureauRoles.All)))
            .When(Role == BureauRoles.Township && string.IsNullOrWhiteSpace(Township), "township", FieldErrors.Required.Saying("is required for a township user"));
    }
}

public sealed record UpdateAccountRequest(string? DisplayName, string? Role, string? Township, string? Agency, bool? Enabled) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .MaxLength(DisplayName, 100, "displayName")
        .When(Role is not null && !BureauRoles.IsKnown(Role), "role",
            FieldErrors.OneOf(BureauRoles.All).Saying("is not a bureau role: " + string.Join(", ", BureauRoles.All)));
}

public sealed record SetPasswordRequest(string? Password) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.NewPassword(Password, "password");
}

public sealed record ChangeOwnPasswordRequest(string? CurrentPassword, string? NewPassword) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Required(CurrentPassword, "currentPassword")
        .MaxLength(CurrentPassword, PasswordPolicy.MaxLength, "currentPassword")
        .NewPassword(NewPassword, "newPassword")
        .When(NewPassword is not null && NewPassword == CurrentPassword, "newPassword", FieldErrors.SameAsCurrentPassword);
}

/// <summary>Account administration: an admin manages its own region's accounts; the city's admin manages all.</summary>
public static class AccountEndpoints
{
    static readonly WriteRule ManageAccounts = new("manage accounts", BureauRoles.Admin);

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/identity", "Identity");
        group.MapGet("/me", async (IdentityDb db, CallerScope caller, CancellationToken ct) =>
            await db.Accounts.FindAsync([caller.UserName], ct) is { } account
                ? Results.Ok(AccountResponse.From(account))
                : Problem.NotFound("Account", caller.UserName));
        group.MapPost("/me/password", ChangeOwnPassword).AllowDuringPasswordChange();
        group.MapGet("/accounts", List);
        group.MapPost("/accounts", Create);
        group.MapPut("/accounts/{userName}", Update);
        group.MapPost("/accounts/{userName}/password", SetPassword);
        group.MapPost("/accounts/{userName}/unlock", Unlock)
            .WithSummary("Lifts the sign-in back-off of the account (every client address)");
        app.MapAuditTrail("/api/identity/audit", AccountAudit.Policy);
        return app;
    }

    static async Task<Results<Ok<Paged<AccountResponse>>, ProblemHttpResult>> List(IdentityDb db, CallerScope caller,
        string? regionCode, string? role, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        if (caller.WriteRefusal(ManageAccounts) is { } forbidden) return forbidden;
        var query = db.Accounts.AsNoTracking();
        if (!caller.IsCity) query = query.Where(a => a.RegionCode == caller.RegionCode);
        if (regionCode is not null) query = query.Where(a => a.RegionCode == regionCode);
        if (role is not null) query = query.Where(a => a.Role == role);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(a => a.UserName.Contains(q) || a.DisplayName.Contains(q));
        var result = await query.OrderBy(a => a.UserName).ToPageAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<AccountResponse>(result.Items.Select(AccountResponse.From).ToList(), result.Page, result.PageSize, result.Total));
    }

    /// <summary>The user name is stored as <see cref="UserNames"/> spells it (full-width letters become ASCII).</summary>
    static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> Create(CreateAccountRequest request, IdentityDb db,
        CallerScope caller, CancellationToken ct)
    {
        if (!Account.CanManage(caller, request.RegionCode!)) return Problem.Forbidden("An administrator creates accounts only in its own region.");
        var userName = UserNames.Normalize(request.UserName)!;
        if (await db.Accounts.AnyAsync(a => a.UserName == userName, ct))
            return Problem.Conflict("duplicate_user_name", $"The user name {userName} is taken.");
        var account = new Account
        {
            UserName = userName,
            DisplayName = request.DisplayName!.Trim(),
            PasswordHash = PasswordHashing.Hash(request.Password!),
            RegionCode = request.RegionCode!,
            Role = request.Role!,
            Township = request.Township,
            Agency = request.Agency,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        // Escaped: a header carries ASCII only, and the name may be 张三.
        return TypedResults.Created($"/api/identity/accounts/{Uri.EscapeDataString(account.UserName)}", AccountResponse.From(account));
    }

    /// <summary>Disabling an account or changing what it may see ends its sessions (refresh tokens revoked).</summary>
    static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Update(string userName, UpdateAccountRequest request, IdentityDb db,
        CallerScope caller, RefreshTokens refreshTokens, CancellationToken ct)
    {
        var account = await FindManaged(db, caller, userName, ct);
        if (account is null) return Problem.NotFound("Account", userName);
        var scopeBefore = (account.Role, account.RegionCode, account.Township, account.Agency, account.Enabled);
        if (request.DisplayName is not null) account.DisplayName = request.DisplayName;
        if (request.Role is not null) account.Role = request.Role;
        if (request.Township is not null) account.Township = request.Township.Length == 0 ? null : request.Township;
        if (request.Agency is not null) account.Agency = request.Agency.Length == 0 ? null : request.Agency;
        if (request.Enabled is not null) account.Enabled = request.Enabled.Value;
        if (scopeBefore != (account.Role, account.RegionCode, account.Township, account.Agency, account.Enabled))
            await refreshTokens.RevokeAllAsync(account.UserName, ct);
        account.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AccountResponse.From(account));
    }

    /// <summary>An admin's reset: the old sessions end and the owner must choose a new password at sign-in.</summary>
    static async Task<Results<NoContent, ProblemHttpResult>> SetPassword(string userName, SetPasswordRequest request, IdentityDb db,
        CallerScope caller, RefreshTokens refreshTokens, AttemptThrottle throttle, CancellationToken ct)
    {
        var account = await FindManaged(db, caller, userName, ct);
        if (account is null) return Problem.NotFound("Account", userName);
        account.SetPassword(request.Password!, chosenByOwner: false);
        await refreshTokens.RevokeAllAsync(account.UserName, ct);
        await db.SaveChangesAsync(ct);
        await throttle.ResetAccountAsync(account.UserName, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Unlock(string userName, IdentityDb db, CallerScope caller,
        AttemptThrottle throttle, CancellationToken ct)
    {
        var account = await FindManaged(db, caller, userName, ct);
        if (account is null) return Problem.NotFound("Account", userName);
        await throttle.ResetAccountAsync(account.UserName, ct);
        return TypedResults.NoContent();
    }

    /// <summary>An account the caller administers, looked up by the name's one spelling (anything unspellable is simply not found).</summary>
    static async Task<Account?> FindManaged(IdentityDb db, CallerScope caller, string userName, CancellationToken ct) =>
        UserNames.Normalize(userName) is { } name && await db.Accounts.FindAsync([name], ct) is { } account
            && Account.CanManage(caller, account.RegionCode)
            ? account
            : null;

    /// <summary>
    /// Limited like sign-in, per account: a stolen access token does not allow guessing the current password.
    /// A successful change ends every other session (refresh tokens revoked) and lifts the must-change flag.
    /// </summary>
    static async Task<Results<NoContent, ProblemHttpResult>> ChangeOwnPassword(ChangeOwnPasswordRequest request, IdentityDb db,
        CallerScope caller, AttemptThrottle throttle, RefreshTokens refreshTokens, CancellationToken ct)
    {
        var account = await db.Accounts.FindAsync([caller.UserName], ct);
        if (account is null) return Problem.NotFound("Account", caller.UserName);
        if (!await throttle.TryAttemptAsync(AttemptThrottle.PasswordChange, account.UserName, "", ct))
            return Problem.Create(StatusCodes.Status429TooManyRequests, "too_many_attempts", "Too many attempts",
                "Too many wrong current passwords: wait a while before trying again.");
        if (!PasswordHashing.Verify(request.CurrentPassword!, account.PasswordHash))
            return Problem.Unprocessable("invalid_credentials", "The current password is wrong.");
        account.SetPassword(request.NewPassword!, chosenByOwner: true);
        await refreshTokens.RevokeAllAsync(account.UserName, ct);
        await db.SaveChangesAsync(ct);
        await throttle.ResetAsync(AttemptThrottle.PasswordChange, account.UserName, "", ct);
        return TypedResults.NoContent();
    }
}
