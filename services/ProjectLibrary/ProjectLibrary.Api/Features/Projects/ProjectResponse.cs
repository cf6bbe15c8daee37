namespace ProjectLibrary.Api.Features.Projects;

public sealed record ProjectResponse(
    Guid Id, string Name, string RegionCode, string? Township, ProjectCategory Category, ProjectNature Nature,
    string? Industry, string? Description, decimal TotalInvestment, decimal AnnualPlannedInvestment, int Year,
    ProjectStage Stage, DateOnly? PlannedStartDate, DateOnly? PlannedFinishDate, DateOnly? ActualStartDate,
    DateOnly? ActualFinishDate, bool IsPrivateInvestment, bool IsIndustrial, bool IsHighTech, bool IsTransformation,
    KeyLevel KeyLevel, string? LeaderInCharge, string? ResponsibleUnit, string? ContactPerson, string? ContactPhone,
    string? NationalCode, string? StatisticsCode, string? BondProjectId, string? LocalNumber, bool ReadyToStart,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    public static ProjectResponse From(Project p) => new(
        p.Id, p.Name, p.RegionCode, p.Township, p.Category, p.Nature, p.Industry, p.Description, p.TotalInvestment,
        p.AnnualPlannedInvestment, p.Year, p.Stage, p.PlannedStartDate, p.PlannedFinishDate, p.ActualStartDate,
        p.ActualFinishDate, p.IsPrivateInvestment, p.IsIndustrial, p.IsHighTech, p.IsTransformation, p.KeyLevel,
        p.LeaderInCharge, p.ResponsibleUnit, p.ContactPerson, p.ContactPhone, p.NationalCode, p.StatisticsCode,
        p.BondProjectId, p.LocalNumber, p.ReadyToStart, p.CreatedAt, p.UpdatedAt, p.Version);
}
