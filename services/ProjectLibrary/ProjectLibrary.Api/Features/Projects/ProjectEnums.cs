namespace ProjectLibrary.Api.Features.Projects;

// Serialized as camelCase strings (industry, cultureTourism, underConstruction …); unknown values are 400.

public enum ProjectCategory { Industry, Infrastructure, Livelihood, Ecology, CultureTourism, UrbanRenewal, RuralIndustry, RealEstate, Other }

/// <summary>建设性质: 新建, 续建, 扩建, 改建.</summary>
public enum ProjectNature { New, Continuing, Expansion, Renovation }

/// <summary>谋划 → 储备 → 前期 → 在建 → 竣工 → 投产达效, or 暂停 / 终止.</summary>
public enum ProjectStage { Conceived, Reserve, Preparation, UnderConstruction, Completed, Operating, Suspended, Terminated }

/// <summary>重点项目 level. County key projects are those with an annual plan ≥ 5,000 万 unless set otherwise.</summary>
public enum KeyLevel { None, County, City, Provincial }

/// <summary>新开工 (started in the reporting year) or 续建 (started before it).</summary>
public enum StartKind { NewStart, Continuing }
