using Attraction.Api.Features.Deals;
using Attraction.Api.Features.Enterprises;
using Attraction.Api.Features.Leads;
using Platform.Contracts.Attraction;
using Platform.Messaging;

namespace Attraction.Api.Features;

/// <summary>
/// Demo desk of every county's investment promotion centre: a target-enterprise library (目标企业库), leads at every
/// stage, and the signed deals of 晋城市's 2023 winter campaign (晋市政办函〔2023〕31号 (二) 招商引资攻坚行动, Q4 2023:
/// 新签约项目总投资, 资金到位) with the funds that arrived, sized as a share of each county's targets in the notice.
/// Enterprises and deals are fictional. Keyed on the credit code, the lead's title and the deal's name in the county:
/// a second run adds nothing. Deals and funds publish DealSigned / FundsArrived like the endpoints, so the city counts them.
/// </summary>
public sealed class WinterCampaignSeed(AttractionDb db, TimeProvider clock) : IDemoSeed
{
    const string RecordedBy = "demo-data";

    /// <summary>Q4 2023 targets per county in 亿元: 新签约项目总投资, 资金到位 (shared/data/jincheng-2023-winter-targets.json).</summary>
    static readonly Dictionary<string, (decimal Signed, decimal Funds, string Brand)> Counties = new()
    {
        ["140502"] = (38m, 3.5m, "凤鸣"),
        ["140525"] = (69m, 6.5m, "丹河"),
        ["140581"] = (64m, 6m, "长平"),
        ["140522"] = (60m, 6m, "析城"),
        ["140524"] = (24m, 2.5m, "太行"),
        ["140521"] = (57m, 5.5m, "沁源"),
        ["140571"] = (33m, 4m, "金匠"),
    };

    static readonly (string Suffix, string Industry, string Origin, string Type)[] Enterprises =
    [
        ("光电科技有限公司", "电子信息", "长三角", "专精特新"),
        ("新材料股份有限公司", "新材料", "京津冀", "高新技术企业"),
        ("智能装备制造有限公司", "装备制造", "粤港澳", "龙头企业"),
        ("现代农业发展有限公司", "现代农业", "中原城市群", "民营500强"),
    ];

    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct)
    {
        await using var tx = await DemoSeedLock.BeginAsync(db, nameof(WinterCampaignSeed), ct);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var index = 0;
        foreach (var (region, (signed, funds, brand)) in Counties)
        {
            index++;
            var enterprises = new List<Enterprise>();
            for (var e = 0; e < Enterprises.Length; e++)
                enterprises.Add(await EnterpriseAsync(region, $"山西{brand}{Enterprises[e].Suffix}", CreditCodeFor(region, index, e), Enterprises[e], now, ct));
            // The tables reference each other without the model knowing: save each level before the rows that point to it.
            await db.SaveChangesAsync(ct);

            // Two leads signed in the winter campaign, each with its deal and the funds that arrived.
            await SignedAsync(region, enterprises[0], $"{brand}光电智能终端产业园项目", decimal.Round(signed * 0.55m * 10_000m), new DateOnly(2023, 11, 22),
                [(decimal.Round(funds * 0.4m * 10_000m), new DateOnly(2023, 12, 18)), (decimal.Round(funds * 0.25m * 10_000m), new DateOnly(2024, 1, 30))], now, ct);
            await SignedAsync(region, enterprises[1], $"{brand}新材料产业链延链补链项目", decimal.Round(signed * 0.3m * 10_000m), new DateOnly(2023, 12, 26),
                [(decimal.Round(funds * 0.2m * 10_000m), new DateOnly(2024, 2, 8))], now, ct);
            // Leads still being worked on this year, one at each open stage, and one that came to nothing.
            await LeadAsync(region, enterprises[2], $"{brand}智能装备生产基地洽谈", 80_000m, [LeadStage.Visit, LeadStage.Negotiation], today, now, ct);
            await LeadAsync(region, enterprises[3], $"{brand}农产品精深加工项目考察", 15_000m, [LeadStage.Visit], today, now, ct);
            await LeadAsync(region, null, $"{Regions.NameOf(region)}分布式储能项目接洽", 30_000m, [], today, now, ct);
            await LeadAsync(region, null, $"{Regions.NameOf(region)}数据中心项目", 50_000m, [LeadStage.Terminated], today, now, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DemoSeedResult.Done;
    }

    /// <summary>A valid 统一社会信用代码 of a company (91) registered in the county: stable, so it keys the enterprise.</summary>
    public static string CreditCodeFor(string region, int county, int enterprise)
    {
        var first17 = $"91{region}MA0{county:00}{enterprise:00}K0";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    async Task<Enterprise> EnterpriseAsync(string region, string name, string creditCode, (string Suffix, string Industry, string Origin, string Type) kind,
        DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.Enterprises.FirstOrDefaultAsync(e => e.RegionCode == region && e.CreditCode == creditCode, ct);
        if (existing is not null) return existing;
        var enterprise = Enterprise.Add(region, new EnterpriseInput
        {
            Name = name, CreditCode = creditCode, Industry = kind.Industry, OriginRegion = kind.Origin, Types = [kind.Type],
            Contacts = [new EnterpriseContact("投资部负责人", "投资总监", null, null)], Note = "演示数据",
        }, now);
        db.Enterprises.Add(enterprise);
        return enterprise;
    }

    async Task SignedAsync(string region, Enterprise enterprise, string dealName, decimal amount, DateOnly signedOn,
        (decimal Amount, DateOnly On)[] arrivals, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Deals.AnyAsync(d => d.RegionCode == region && d.Name == dealName, ct)) return;
        var lead = Lead.Open(region, new LeadInput
        {
            Title = dealName, EnterpriseId = enterprise.Id, Industry = enterprise.Industry, IntendedInvestment = amount,
            Leader = "县政府分管副县长", Team = ["县投资促进中心"],
        }, enterprise.Name, signedOn.AddDays(-60), now);
        lead.MoveTo(LeadStage.Visit, signedOn.AddDays(-40), null, now);
        lead.MoveTo(LeadStage.Negotiation, signedOn.AddDays(-20), null, now);
        db.Leads.Add(lead);
        await db.SaveChangesAsync(ct);
        var deal = Deal.Sign(region, new DealInput
        {
            Name = dealName, Amount = amount, SignedOn = signedOn, Industry = enterprise.Industry,
            PlannedStartOn = signedOn.AddMonths(4), LeadId = lead.Id,
        }, [new DealInvestor(enterprise.Id, enterprise.Name)], now);
        lead.SignAs(deal.Id, signedOn, now);
        db.Deals.Add(deal);
        db.AddEvent(new DealSigned
        {
            DealId = deal.Id, RegionCode = region, Name = deal.Name, Amount = deal.Amount, SignedOn = deal.SignedOn,
            Industry = deal.Industry, Version = deal.Version, OccurredAt = now,
        });
        await db.SaveChangesAsync(ct);
        foreach (var (funds, on) in arrivals)
        {
            var arrival = new FundsArrival
            {
                Id = Guid.CreateVersion7(), DealId = deal.Id, RegionCode = region, Amount = funds, ArrivedOn = on,
                Note = "冬季行动资金到位", RecordedBy = RecordedBy, CreatedAt = now,
            };
            db.FundsArrivals.Add(arrival);
            db.AddEvent(new FundsArrived
            {
                FundsId = arrival.Id, DealId = deal.Id, ProjectId = null, RegionCode = region, Amount = funds, ArrivedOn = on, Version = 1, OccurredAt = now,
            });
        }
    }

    async Task LeadAsync(string region, Enterprise? enterprise, string title, decimal intended, LeadStage[] stages, DateOnly today,
        DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Leads.AnyAsync(l => l.RegionCode == region && l.Title == title, ct)) return;
        var lead = Lead.Open(region, new LeadInput
        {
            Title = title, EnterpriseId = enterprise?.Id, EnterpriseName = enterprise is null ? "意向投资方（待入库）" : null,
            Industry = enterprise?.Industry, IntendedInvestment = intended, Leader = "县投资促进中心主任", Team = ["县投资促进中心"],
        }, enterprise?.Name ?? "意向投资方（待入库）", today.AddDays(-75), now);
        var day = today.AddDays(-75);
        foreach (var stage in stages)
        {
            day = day.AddDays(25);
            lead.MoveTo(stage, day, stage == LeadStage.Terminated ? "企业投资计划调整，暂缓落地" : null, now);
        }
        db.Leads.Add(lead);
    }
}
