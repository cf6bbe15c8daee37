using Platform.ServiceDefaults.Auth;

namespace Funding.Api.Features;

/// <summary>The funding bureaus (财政局 / 发改局) write here; everyone else in scope reads.</summary>
public static class FundingRoles
{
    public static readonly string[] Writers = [BureauRoles.Funding, BureauRoles.Admin];}
