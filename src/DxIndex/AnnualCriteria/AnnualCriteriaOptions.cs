namespace Platform.DxIndex.AnnualCriteria;

/// <summary>Settings under <c>DxIndex:AnnualCriteria</c>.</summary>
public sealed class AnnualCriteriaOptions
{
    public const string Section = "DxIndex:AnnualCriteria";

    /// <summary>The catalogue framework whose approved values this feature keeps (QĐ 2244/QĐ-TTg).</summary>
    public const string FrameworkId = "qd2244-annual";

    /// <summary>
    /// <c>DxIndex:AnnualCriteria:DemoData</c>: show illustrative 2024 and 2025 values ("dữ liệu minh họa") for Lào Cai and
    /// Thanh Hóa where no real value of that province and year exists, so the year-over-year view is not empty for a
    /// newcomer. Off by default; the development AppHost turns it on. Never mixed with real values, never stored.
    /// </summary>
    public bool DemoData { get; set; }
}
