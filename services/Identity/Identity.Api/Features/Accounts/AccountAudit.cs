namespace Identity.Api.Features.Accounts;

/// <summary>
/// The account trail reads like the account list: administrators only (anyone else gets 403, as on
/// /api/identity/accounts), a county's administrator its own region's accounts, the city's all.
/// </summary>
public static class AccountAudit
{
    public static readonly AuditTrailPolicy<IdentityDb> Policy = new AuditTrailPolicy<IdentityDb>()
        .Entity<Account>((entries, _, caller) => AuditScope.Region(entries, caller), readers: caller => caller.IsAdmin);
}
