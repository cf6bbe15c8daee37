using Approvals.Api.Features.Catalogue;
using Approvals.Api.Features.Items;

namespace Approvals.Api.Features.Checklists;

/// <summary>Turns the rules' answer into checklist items, using the catalogue for names, agencies and limits.</summary>
public static class ChecklistBuilder
{
    public sealed record Wanted(Procedure Procedure, string? Variant);

    /// <summary>
    /// The active catalogue procedures the project needs: those the rules pick, plus every active procedure the
    /// rules do not know (an administrator's addition applies to all projects).
    /// </summary>
    public static IReadOnlyList<Wanted> WantedFor(ChecklistFacts facts, IReadOnlyList<Procedure> catalogue)
    {
        var active = catalogue.Where(p => p.Active).ToDictionary(p => p.Code);
        var wanted = ChecklistRules.For(facts)
            .Where(e => active.ContainsKey(e.Code))
            .Select(e => new Wanted(active[e.Code], e.Variant))
            .ToList();
        wanted.AddRange(active.Values.Where(p => !ChecklistRules.Codes.RuleGoverned.Contains(p.Code)).Select(p => new Wanted(p, null)));
        return wanted.OrderBy(w => w.Procedure.SortOrder).ThenBy(w => w.Procedure.Code).ToList();
    }

    /// <summary>
    /// Brings <paramref name="existing"/> in line with what the project now needs: adds what is missing, drops
    /// items nobody has touched that are no longer needed, and keeps every item already acted on.
    /// Returns the items the checklist holds afterwards.
    /// </summary>
    public static List<ChecklistItem> Reconcile(ApprovalsDb db, ProjectView project, IReadOnlyList<Procedure> catalogue,
        IReadOnlyList<ChecklistItem> existing, DateTimeOffset now)
    {
        var wanted = WantedFor(project.Facts, catalogue).ToDictionary(w => w.Procedure.Code);
        var result = new List<ChecklistItem>();
        foreach (var item in existing)
        {
            var entry = wanted.GetValueOrDefault(item.ProcedureCode);
            if (entry is null && !item.IsActedOn)
            {
                db.ChecklistItems.Remove(item);
                continue;
            }
            item.MoveTo(project.RegionCode, project.Township, now);
            if (entry is not null) item.ChangeVariant(entry.Variant, now);
            result.Add(item);
        }
        foreach (var entry in wanted.Values.Where(w => existing.All(i => i.ProcedureCode != w.Procedure.Code)))
        {
            var item = ChecklistItem.For(project.ProjectId, project.RegionCode, project.Township, entry.Procedure, entry.Variant, now);
            db.ChecklistItems.Add(item);
            result.Add(item);
        }
        return result;
    }
}
