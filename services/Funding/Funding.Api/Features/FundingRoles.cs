using Platform.ServiceDefaults.Auth;

namespace Funding.Api.Features;

/// <summary>The funding bureaus (财政局 / 发改局) write here; everyone else in scope reads.</summary>
public static class FundingRoles
{
    public static readonly string[] Writers = [BureauRoles.Funding, BureauRoles.Admin];

    /// <summary>Business dates follow China Standard Time (UTC+8), not the server's clock zone.</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
