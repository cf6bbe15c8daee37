using ProjectLibrary.Api.Features.Projects;

namespace ProjectLibrary.Api.Seeding;

/// <summary>A project of the demo library: its name, kind and total investment (万元).</summary>
public sealed record DemoProject(string Name, ProjectCategory Category, decimal TotalInvestment, string Industry);

/// <summary>
/// Projects named in the source documents (阳政办发〔2025〕19号 and 晋市政办函〔2023〕31号), copied here because
/// nothing reads ../shared at run time; investment figures are illustrative. Each region is topped up to
/// <see cref="PerRegion"/> from <see cref="Generic"/> patterns placed in its real townships.
/// </summary>
public static class DemoProjects
{
    public const int PerRegion = 15;

    static DemoProject P(string name, ProjectCategory category, decimal total, string industry) => new(name, category, total, industry);

    public static readonly IReadOnlyDictionary<string, DemoProject[]> Named = new Dictionary<string, DemoProject[]>
    {
        ["140522"] =
        [
            P("大唐阳城2×1000MW煤电项目", ProjectCategory.Industry, 800000m, "电力"),
            P("阳城县东部片区一体化供水工程", ProjectCategory.Infrastructure, 32000m, "水利"),
            P("凤凰路中段地下公共停车场及附属配套设施建设项目", ProjectCategory.UrbanRenewal, 26000m, "市政"),
            P("凤凰街市政基础设施更新改造项目", ProjectCategory.UrbanRenewal, 18000m, "市政"),
            P("阳城县阳羊洋2万只肉羊繁育基地", ProjectCategory.RuralIndustry, 12000m, "畜牧"),
            P("阳城县化工园区基础设施", ProjectCategory.Infrastructure, 45000m, "园区"),
            P("大宁煤矿铁路专用线扩建", ProjectCategory.Infrastructure, 38000m, "交通"),
            P("阳城县新建博物馆片区", ProjectCategory.CultureTourism, 22000m, "文化"),
            P("禾木农产品商贸物流园", ProjectCategory.Industry, 15000m, "物流"),
            P("开发区电子信息产业园标准厂房", ProjectCategory.Industry, 28000m, "电子信息"),
            P("大宗固废综合利用产业园标准厂房", ProjectCategory.Industry, 24000m, "固废利用"),
            P("秸秆综合利用项目", ProjectCategory.Ecology, 6000m, "环保"),
            P("小吉电动车生产项目", ProjectCategory.Industry, 30000m, "装备制造"),
        ],
        ["140502"] =
        [
            P("程颢书院文化产业园", ProjectCategory.CultureTourism, 35000m, "文旅"),
            P("老城片区改造", ProjectCategory.UrbanRenewal, 60000m, "城市更新"),
            P("禾瑞尚康妇幼医养中心", ProjectCategory.Livelihood, 18000m, "医养"),
            P("东关社区城中村改造二期", ProjectCategory.UrbanRenewal, 42000m, "城市更新"),
            P("生态疗养吴王山示范区", ProjectCategory.CultureTourism, 25000m, "康养"),
            P("南苑新村", ProjectCategory.RealEstate, 30000m, "房地产"),
        ],
        ["140525"] =
        [
            P("丹河新城西南片区排水防涝治理改造", ProjectCategory.Infrastructure, 28000m, "市政"),
            P("晋城监狱迁建", ProjectCategory.Livelihood, 90000m, "公共设施"),
            P("山西太行农副产品物流产业园", ProjectCategory.Industry, 40000m, "物流"),
            P("车寨煤矿", ProjectCategory.Industry, 150000m, "煤炭"),
            P("科源100MW光伏发电", ProjectCategory.Industry, 45000m, "新能源"),
            P("合聚健康产业园", ProjectCategory.Industry, 20000m, "大健康"),
        ],
        ["140581"] =
        [
            P("高平市第十中学校", ProjectCategory.Livelihood, 16000m, "教育"),
            P("高平市城乡一体化供水工程", ProjectCategory.Infrastructure, 36000m, "水利"),
            P("高平市科技孵化楼", ProjectCategory.Industry, 9000m, "科技服务"),
            P("城市周边村落2022年集中供热", ProjectCategory.Livelihood, 8000m, "供热"),
            P("唐安煤矿分公司煤层配采", ProjectCategory.Industry, 52000m, "煤炭"),
            P("康宜佳品数字中医与生物科技食品加工", ProjectCategory.Industry, 14000m, "食品"),
        ],
        ["140524"] =
        [
            P("马圪当派出所业务技术用房修建工程", ProjectCategory.Livelihood, 1200m, "公共设施"),
            P("陵川县高标准农田", ProjectCategory.RuralIndustry, 9000m, "农业"),
            P("国道207线（长治晋城界至陵川）升级改造", ProjectCategory.Infrastructure, 120000m, "交通"),
            P("中药材冷链物流仓储中心", ProjectCategory.RuralIndustry, 6500m, "物流"),
            P("中广核15万千瓦光伏发电", ProjectCategory.Industry, 60000m, "新能源"),
        ],
        ["140521"] =
        [
            P("沁水县煤层气增压站及配套管网", ProjectCategory.Industry, 32000m, "煤层气"),
            P("北港物流商贸园区", ProjectCategory.Industry, 26000m, "物流"),
            P("京津冀LNG调峰储备中心", ProjectCategory.Infrastructure, 180000m, "能源"),
            P("城乡建筑垃圾资源化及绿色装配建材综合处理", ProjectCategory.Ecology, 15000m, "环保"),
            P("沁水县肉羊全产业链", ProjectCategory.RuralIndustry, 18000m, "畜牧"),
            P("东部三镇一区规模化供水", ProjectCategory.Infrastructure, 21000m, "水利"),
        ],
        ["140571"] =
        [
            P("圣锦天地", ProjectCategory.RealEstate, 48000m, "商业"),
            P("金匠工业园区“源网荷储”一体化", ProjectCategory.Industry, 75000m, "新能源"),
            P("智能电子终端制造", ProjectCategory.Industry, 40000m, "电子信息"),
            P("晋城弘博大健康商业中心", ProjectCategory.Livelihood, 22000m, "大健康"),
            P("晋城海斯制药有限公司金匠产业园项目一期工程", ProjectCategory.Industry, 35000m, "医药"),
            P("智能锁制造生产", ProjectCategory.Industry, 12000m, "装备制造"),
        ],
        ["140500"] =
        [
            P("新型智慧城市建设（二期）工程", ProjectCategory.Infrastructure, 30000m, "信息化"),
            P("晋城四中综合实验楼", ProjectCategory.Livelihood, 5000m, "教育"),
            P("瑞霞街（陈岭路-龙潭路）道路工程", ProjectCategory.Infrastructure, 14000m, "市政"),
            P("主城区水系建设及黑臭水体综合治理", ProjectCategory.Ecology, 65000m, "水环境"),
            P("冯苗路（书院街-西环路）道路工程", ProjectCategory.Infrastructure, 11000m, "市政"),
            P("便民市场", ProjectCategory.Livelihood, 3000m, "商贸"),
        ],
    };

    /// <summary>Real townships of each district (the first is the demo township user's); 市本级 has none.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Townships = new Dictionary<string, string[]>
    {
        ["140522"] = ["凤城镇", "北留镇", "润城镇", "町店镇", "芹池镇", "次营镇", "横河镇", "东冶镇"],
        ["140502"] = ["西街街道", "东街街道", "南街街道", "北街街道", "钟家庄街道"],
        ["140525"] = ["巴公镇", "北义城镇", "高都镇", "大东沟镇", "周村镇"],
        ["140581"] = ["米山镇", "三甲镇", "陈区镇", "北诗镇", "河西镇"],
        ["140524"] = ["崇文镇", "礼义镇", "附城镇", "西河底镇"],
        ["140521"] = ["龙港镇", "嘉峰镇", "郑村镇", "端氏镇", "中村镇"],
        ["140571"] = ["金村镇"],
        ["140500"] = [],
    };

    /// <summary>Patterns for the everyday projects a township carries ({0} = township), with category and typical size.</summary>
    public static readonly (string Pattern, ProjectCategory Category, decimal Total, string Industry)[] Generic =
    [
        ("{0}一村一产业项目（中药材种植）", ProjectCategory.RuralIndustry, 800m, "农业"),
        ("{0}农村供水保障工程", ProjectCategory.Infrastructure, 2600m, "水利"),
        ("{0}老旧小区改造", ProjectCategory.UrbanRenewal, 4200m, "城市更新"),
        ("{0}标准厂房建设", ProjectCategory.Industry, 9800m, "园区"),
        ("{0}乡村旅游综合开发", ProjectCategory.CultureTourism, 6500m, "文旅"),
        ("{0}分布式光伏发电", ProjectCategory.Industry, 7200m, "新能源"),
        ("{0}农产品加工园", ProjectCategory.RuralIndustry, 5400m, "食品"),
        ("{0}集中供热管网改造", ProjectCategory.Livelihood, 3100m, "供热"),
        ("{0}和美乡村示范片建设", ProjectCategory.Ecology, 2300m, "乡村建设"),
        ("{0}卫生院改扩建", ProjectCategory.Livelihood, 1900m, "卫生"),
        ("{0}污水处理厂提标改造", ProjectCategory.Ecology, 4800m, "环保"),
        ("{0}冷链物流中心", ProjectCategory.Industry, 6100m, "物流"),
    ];

    public static readonly string[] Leaders = ["王副县长", "李副县长", "张常委", "赵副主任", "刘副县长", "陈部长"];
    public static readonly string[] Departments = ["县自然资源局", "县审批局", "县住建局", "国网供电公司", "县财政局", "晋城市生态环境局分局"];
    public static readonly string[] ProblemTitles =
        ["用地指标未落实", "环评批复未取得", "施工用电接入滞后", "征地拆迁进度缓慢", "配套资金未到位", "施工许可办理受阻"];
}
