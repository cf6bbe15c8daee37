namespace Attraction.Api.Features.Enterprises;

/// <summary>A person to talk to at the enterprise.</summary>
public sealed record EnterpriseContact(string Name, string? Title, string? Phone, string? Email);

/// <summary>An enterprise in a county's 目标企业库, identified by its 统一社会信用代码.</summary>
public sealed class Enterprise : Platform.Data.IAudited, IRegional
{
    public Guid Id { get; init; }
    public string RegionCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string CreditCode { get; private set; } = "";
    public string? Industry { get; private set; }
    /// <summary>Where the enterprise comes from: 京津冀, 长三角, 粤港澳, 中原城市群 … (free text, suggestions offered).</summary>
    public string? OriginRegion { get; private set; }
    /// <summary>龙头企业, 专精特新, 高新技术企业 … (free text, suggestions offered).</summary>
    public List<string> Types { get; private set; } = [];
    public List<EnterpriseContact> Contacts { get; private set; } = [];
    public string? Note { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    public string ETag => $"\"{Version}\"";

    public static Enterprise Add(string regionCode, EnterpriseInput input, DateTimeOffset now)
    {
        var enterprise = new Enterprise { Id = Guid.CreateVersion7(), RegionCode = regionCode, CreatedAt = now, Version = 1 };
        enterprise.Apply(input);
        enterprise.UpdatedAt = now;
        return enterprise;
    }

    public void Update(EnterpriseInput input, DateTimeOffset now)
    {
        Apply(input);
        UpdatedAt = now;
        Version++;
    }

    void Apply(EnterpriseInput input)
    {
        Name = input.Name!.Trim();
        CreditCode = Enterprises.CreditCode.Normalize(input.CreditCode!);
        Industry = AttractionAccess.Blank(input.Industry);
        OriginRegion = AttractionAccess.Blank(input.OriginRegion);
        Types = (input.Types ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        Contacts = (input.Contacts ?? []).Select(c => c with { Name = c.Name.Trim() }).ToList();
        Note = AttractionAccess.Blank(input.Note);
    }
}

/// <summary>What the console offers while typing; other values are accepted too.</summary>
public static class EnterpriseSuggestions
{
    public static readonly IReadOnlyList<string> OriginRegions =
        ["京津冀", "长三角", "粤港澳", "中原城市群", "成渝", "长江中游", "关中平原", "山西省内", "晋城市内", "境外"];

    public static readonly IReadOnlyList<string> Types =
        ["龙头企业", "专精特新", "高新技术企业", "上市公司", "央企", "省属国企", "民营500强", "外资企业", "链主企业"];
}
