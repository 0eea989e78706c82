namespace Platform.Web.Api;

/// <summary>
/// DX index's <c>GET /api/dx-index/annual-criteria/provinces/{unit}/{year}</c>: a province's QĐ 2244 criteria of one year.
/// <paramref name="Demo"/>: illustrative values ("dữ liệu minh họa"), never a province's figures.
/// </summary>
public sealed record AnnualProvinceYear(int Year, string Unit, string Name, string FrameworkVersion, bool Demo, string? DemoLabel,
    int Reported, int Total, IReadOnlyList<int> Years, IReadOnlyList<AnnualCriterionGroup> Groups);

public sealed record AnnualCriterionGroup(string Code, string Name, IReadOnlyList<AnnualCriterionYear> Criteria);

/// <param name="Value">Null: not reported or not approved ("chưa có số liệu").</param>
/// <param name="Trend"><c>improved</c>, <c>worsened</c>, <c>unchanged</c> or <c>no-data</c>, judged by <paramref name="Direction"/>.</param>
public sealed record AnnualCriterionYear(string Code, string Name, string? Unit, string InputType, string Direction, string DirectionText,
    string SourceType, string SourceTypeText, int ReferenceYearLag, string? LeadAgency, bool Reported, decimal? Value, int? ReferenceYear,
    string? ReportingUnit, string? ReportingUnitName, DateTimeOffset? ApprovedAt, IReadOnlyList<AnnualYearValue> Previous, string Trend,
    string TrendText, string TrendArrow);

public sealed record AnnualYearValue(int Year, decimal? Value, int? ReferenceYear, bool Demo);

/// <summary><c>GET /api/dx-index/annual-criteria/criteria/{code}</c>: one criterion across the provinces the person sees.</summary>
public sealed record AnnualCriterionAcross(string Code, string Name, string? Unit, string InputType, string GroupCode, string GroupName,
    string Direction, string DirectionText, string SourceType, string SourceTypeText, int ReferenceYearLag, IReadOnlyList<int> Years,
    IReadOnlyList<AnnualProvinceSeries> Provinces);

public sealed record AnnualProvinceSeries(string Unit, string Name, IReadOnlyList<AnnualProvinceYearValue> Values);

public sealed record AnnualProvinceYearValue(int Year, decimal? Value, int? ReferenceYear, bool Demo, string Trend, string TrendText, string TrendArrow);

/// <summary><c>GET /api/dx-index/annual-criteria/provinces</c>: the provinces the person sees and their years.</summary>
public sealed record AnnualProvinceList(int ReportingYear, IReadOnlyList<AnnualProvinceEntry> Provinces);

/// <param name="DemoYears">Years shown with illustrative values ("dữ liệu minh họa").</param>
public sealed record AnnualProvinceEntry(string Unit, string Name, IReadOnlyList<int> Years, IReadOnlyList<int> DemoYears);
