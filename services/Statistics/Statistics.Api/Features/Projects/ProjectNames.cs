using System.Text;
using System.Text.RegularExpressions;

namespace Statistics.Api.Features.Projects;

/// <summary>
/// Reduces a project name to what identifies it, so "阳城县东部片区一体化供水工程" and
/// "东部片区一体化供水工程（一期）" compare equal: full-width forms folded (NFKC), bracketed remarks
/// removed, the province/city/county prefix removed, a trailing "项目" dropped, spaces and punctuation removed.
/// </summary>
public static partial class ProjectNames
{
    /// <summary>Longest first, so "晋城市" goes before "晋城".</summary>
    static readonly string[] RegionPrefixes =
    [
        "山西省", "晋城市", "晋城经济技术开发区", "晋城开发区", "开发区", "城区", "沁水县", "阳城县", "陵川县", "泽州县", "高平市",
        "山西", "晋城", "沁水", "阳城", "陵川", "泽州", "高平", "市本级",
    ];

    [GeneratedRegex(@"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>|《|》")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"[\s\p{P}\p{S}]")]
    private static partial Regex SpacesAndPunctuation();

    [GeneratedRegex(@"([一二三四五六七八九十\d]+)期")]
    private static partial Regex PhasePattern();

    public static string Normalize(string name)
    {
        var text = name.Normalize(NormalizationForm.FormKC).Trim();
        text = Brackets().Replace(text, "");
        text = SpacesAndPunctuation().Replace(text, "");
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var prefix in RegionPrefixes)
                if (text.Length > prefix.Length + 2 && text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    text = text[prefix.Length..];
                    stripped = true;
                    break;
                }
        }
        if (text.EndsWith("项目", StringComparison.Ordinal) && text.Length > 4) text = text[..^2];
        return text.ToLowerInvariant();
    }

    /// <summary>The phases a name mentions ("一期", "2期"); two different phases are usually two projects.</summary>
    public static IReadOnlySet<string> Phases(string name) =>
        PhasePattern().Matches(name.Normalize(NormalizationForm.FormKC)).Select(m => m.Groups[1].Value).ToHashSet();

    public static bool DifferentPhases(string a, string b)
    {
        var (pa, pb) = (Phases(a), Phases(b));
        return pa.Count > 0 && pb.Count > 0 && !pa.SetEquals(pb);
    }
}
