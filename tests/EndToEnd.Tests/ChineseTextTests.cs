using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using EndToEnd.Tests.Security;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Text;
using Platform.Testing;

namespace EndToEnd.Tests;

/// <summary>
/// The one Chinese table (shared/Platform.ServiceDefaults/Text/zh.json), which the console and the services read, against
/// the codes and enums the compiled services answer with: a code or an enum value people would see without Chinese fails here.
/// </summary>
public sealed partial class ChineseTextTests
{
    /// <summary>Enums that never reach people: how a metric is counted, which side of a workflow acts.</summary>
    static readonly HashSet<string> Internal = ["MetricKind", "Side"];

    [Fact]
    public void Every_error_code_has_Chinese_text()
    {
        var missing = ErrorCodes.All.Where(c => !Chinese.Codes.ContainsKey(c)).ToList();
        Assert.True(missing.Count == 0, "no Chinese text in zh.json for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_problem_code_a_service_answers_has_Chinese_text()
    {
        var sources = new[] { "services", "shared", "gateway" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(TestEnvironment.RepositoryRoot, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        var codes = sources.SelectMany(f => ProblemCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value)).ToHashSet();

        Assert.Contains("due_date_in_past", codes); // the scan finds the services' codes
        var missing = codes.Where(c => !Chinese.Codes.ContainsKey(c)).Order().ToList();
        Assert.True(missing.Count == 0, "no Chinese text in zh.json for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_value_of_every_enum_a_service_shows_has_a_Chinese_label()
    {
        var missing = new List<string>();
        var seen = 0;
        foreach (var (_, project, _) in PlatformUnderTest.Services)
        {
            var dll = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "bin", project, TestEnvironment.BuildConfiguration, project + ".dll");
            Assert.True(File.Exists(dll), $"build {project} first: {dll}");
            var context = new BrokerPermissionTests.ServiceLoadContext(dll);
            foreach (var type in context.LoadFromAssemblyPath(dll).GetExportedTypes().Where(t => t.IsEnum && !Internal.Contains(t.Name)))
            {
                seen++;
                var key = JsonNamingPolicy.CamelCase.ConvertName(type.Name);
                var labels = Chinese.Enums.GetValueOrDefault(key) ?? [];
                missing.AddRange(Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName)
                    .Where(value => !labels.ContainsKey(value)).Select(value => $"{key}.{value} ({project})"));
            }
            context.Unload();
        }
        Assert.True(seen >= 20, $"only {seen} enums found");
        Assert.True(missing.Count == 0, "no Chinese label in zh.json for: " + string.Join(", ", missing));
    }

    [Fact]
    public void A_code_is_written_in_Chinese_with_its_parameters()
    {
        Assert.Equal("不能超过 200 个字", Chinese.Of(FieldErrors.MaxLength(200)));
        Assert.Equal("应在 2000 至 2100 之间", Chinese.Of(FieldErrors.OutOfRange(2000, 2100)));
        Assert.Equal("校验位不正确（按 GB 32100-2015，末位应为 X）", Chinese.Of(FieldErrors.CreditCodeCheck('X')));
        Assert.Equal("在建", Chinese.Label("projectStage", "underConstruction"));
    }

    /// <summary>The code argument of Problem.*, Refusal.*, ProblemException and of a target-typed Refusal (<c>new("code", …)</c>).</summary>
    [GeneratedRegex("""(?:Problem\.(?:Conflict|Unprocessable|BadRequest|Create|Forbidden)|Refusal\.(?:Conflict|Rule)|ProblemException(?:\.BadRequest)?|new)\((?:StatusCodes\.\w+, )?"(?<code>[a-z]+(?:_[a-z]+)+|[a-z]+(?="\s*,\s*\$?"[A-Z]))",""")]
    private static partial Regex ProblemCode();
}
