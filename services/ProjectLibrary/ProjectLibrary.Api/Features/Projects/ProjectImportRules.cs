namespace ProjectLibrary.Api.Features.Projects;

/// <summary>What the spreadsheet import needs of a project: register one that is already under way, read its fields back, compare.</summary>
public sealed partial class Project
{
    /// <summary>Stages a new project may be imported in. 暂停 and 终止 are decisions taken in the platform, not facts to import.</summary>
    public static readonly ProjectStage[] ImportableStages =
        [ProjectStage.Conceived, ProjectStage.Reserve, ProjectStage.Preparation, ProjectStage.UnderConstruction, ProjectStage.Completed, ProjectStage.Operating];

    /// <summary>
    /// A project the county already tracks elsewhere, in the stage it has reached. The caller has checked the stage
    /// and dates with <see cref="ImportedStageProblem"/>.
    /// </summary>
    public static Project RegisterImported(ProjectInput input, ProjectStage stage, DateOnly? actualStart, DateOnly? actualFinish, DateTimeOffset now)
    {
        var project = Register(input, now);
        project.Stage = stage;
        project.ActualStartDate = actualStart;
        project.ActualFinishDate = actualFinish;
        project.StageChangedOn = actualFinish ?? actualStart;
        return project;
    }

    /// <summary>Why a new project cannot be imported in this stage with these dates (Chinese, for the row report), or null.</summary>
    public static (string Field, string Problem)? ImportedStageProblem(ProjectStage stage, DateOnly? actualStart, DateOnly? actualFinish, DateOnly today)
    {
        if (!ImportableStages.Contains(stage)) return ("stage", "新项目不能以“暂停”或“终止”阶段导入，请先按实际阶段导入再办理");
        var started = stage is ProjectStage.UnderConstruction or ProjectStage.Completed or ProjectStage.Operating;
        var finished = stage is ProjectStage.Completed or ProjectStage.Operating;
        if (started && actualStart is null) return ("actualStartDate", "在建、竣工或投产的项目须填写实际开工日期");
        if (!started && actualStart is not null) return ("actualStartDate", "未开工的项目不应有实际开工日期");
        if (finished && actualFinish is null) return ("actualFinishDate", "竣工或投产的项目须填写实际竣工日期");
        if (!finished && actualFinish is not null) return ("actualFinishDate", "未竣工的项目不应有实际竣工日期");
        if (actualStart > today) return ("actualStartDate", "实际开工日期不能晚于今天");
        if (actualFinish > today) return ("actualFinishDate", "实际竣工日期不能晚于今天");
        if (actualFinish < actualStart) return ("actualFinishDate", "实际竣工日期不能早于实际开工日期");
        return null;
    }

    /// <summary>The editable fields as the API would receive them; the key level only when it was set by hand.</summary>
    public ProjectInput ToInput() => new()
    {
        Name = Name, RegionCode = RegionCode, Township = Township, Category = Category, Nature = Nature, Industry = Industry,
        Description = Description, TotalInvestment = TotalInvestment, AnnualPlannedInvestment = AnnualPlannedInvestment, Year = Year,
        PlannedStartDate = PlannedStartDate, PlannedFinishDate = PlannedFinishDate, IsPrivateInvestment = IsPrivateInvestment,
        IsIndustrial = IsIndustrial, IsHighTech = IsHighTech, IsTransformation = IsTransformation,
        KeyLevel = KeyLevelSetExplicitly ? KeyLevel : null, LeaderInCharge = LeaderInCharge, ResponsibleUnit = ResponsibleUnit,
        ContactPerson = ContactPerson, ContactPhone = ContactPhone, NationalCode = NationalCode, StatisticsCode = StatisticsCode,
        BondProjectId = BondProjectId, LocalNumber = LocalNumber,
    };

    /// <summary>Whether <see cref="Update"/> with this input would change anything (a re-imported sheet changes nothing).</summary>
    public bool WouldChange(ProjectInput input)
    {
        var probe = Register(input, UpdatedAt);
        return (probe.Name, probe.RegionCode, probe.Township, probe.Category, probe.Nature, probe.Industry, probe.Description,
                   probe.TotalInvestment, probe.AnnualPlannedInvestment, probe.Year, probe.PlannedStartDate, probe.PlannedFinishDate)
               != (Name, RegionCode, Township, Category, Nature, Industry, Description,
                   TotalInvestment, AnnualPlannedInvestment, Year, PlannedStartDate, PlannedFinishDate)
            || (probe.IsPrivateInvestment, probe.IsIndustrial, probe.IsHighTech, probe.IsTransformation, probe.KeyLevel, probe.KeyLevelSetExplicitly,
                   probe.LeaderInCharge, probe.ResponsibleUnit, probe.ContactPerson, probe.ContactPhone)
               != (IsPrivateInvestment, IsIndustrial, IsHighTech, IsTransformation, KeyLevel, KeyLevelSetExplicitly,
                   LeaderInCharge, ResponsibleUnit, ContactPerson, ContactPhone)
            || (probe.NationalCode, probe.StatisticsCode, probe.BondProjectId, probe.LocalNumber)
               != (NationalCode, StatisticsCode, BondProjectId, LocalNumber);
    }
}
