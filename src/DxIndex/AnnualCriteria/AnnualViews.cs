namespace Platform.DxIndex.AnnualCriteria;

/// <summary><c>GET …/provinces/{unit}/{year}</c>: every criterion of the province's year, by group.</summary>
public sealed record ProvinceYearView(int Year, string Unit, string Name, string FrameworkVersion, bool Demo, string? DemoLabel,
    int Reported, int Total, IReadOnlyList<int> Years, IReadOnlyList<CriterionGroupView> Groups);

public sealed record CriterionGroupView(string Code, string Name, IReadOnlyList<CriterionYearView> Criteria);

/// <summary>
/// One criterion in a province's year: value (null = not reported, "chưa có số liệu"), its year of reference and source,
/// who reported it and when it was approved, the three years before and the trend against the year before.
/// </summary>
public sealed record CriterionYearView(string Code, string Name, string? Unit, string InputType, string Direction, string DirectionText,
    string SourceType, string SourceTypeText, int ReferenceYearLag, string? LeadAgency, bool Reported, decimal? Value, int? ReferenceYear,
    string? ReportingUnit, string? ReportingUnitName, DateTimeOffset? ApprovedAt, IReadOnlyList<YearValueView> Previous, string Trend,
    string TrendText, string TrendArrow);

public sealed record YearValueView(int Year, decimal? Value, int? ReferenceYear, bool Demo);

/// <summary><c>GET …/criteria/{code}</c>: one criterion across the provinces the caller sees and the years they have.</summary>
public sealed record CriterionAcrossView(string Code, string Name, string? Unit, string InputType, string GroupCode, string GroupName,
    string Direction, string DirectionText, string SourceType, string SourceTypeText, int ReferenceYearLag, IReadOnlyList<int> Years,
    IReadOnlyList<ProvinceSeriesView> Provinces);

public sealed record ProvinceSeriesView(string Unit, string Name, IReadOnlyList<ProvinceYearValueView> Values);

public sealed record ProvinceYearValueView(int Year, decimal? Value, int? ReferenceYear, bool Demo, string Trend, string TrendText, string TrendArrow);

/// <summary><c>GET …/provinces</c>: the provinces the caller sees, with the years holding values (real or illustrative).</summary>
public sealed record ProvinceListView(int ReportingYear, IReadOnlyList<ProvinceEntryView> Provinces);

/// <param name="Years">Years with approved values.</param>
/// <param name="DemoYears">Years shown with illustrative values ("dữ liệu minh họa").</param>
public sealed record ProvinceEntryView(string Unit, string Name, IReadOnlyList<int> Years, IReadOnlyList<int> DemoYears);
