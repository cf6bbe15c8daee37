namespace Funding.Api.Features;

/// <summary>The funding bureaus (财政局 / 发改局) write here; everyone else in scope reads.</summary>
public static class FundingRoles
{
    static readonly string[] Bureau = [BureauRoles.Funding, BureauRoles.Admin];

    public static readonly WriteRule Apply = new("apply for funds", Bureau);
    public static readonly WriteRule ChangeApplications = new("change funding applications", Bureau);
    /// <summary>Programmes are opened by the city or a county, not a township.</summary>
    public static readonly WriteRule OpenProgrammes = new("open funding programmes", Bureau) { CountyOnly = true };
}
