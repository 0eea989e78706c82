using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;

namespace Platform.DxIndex.AnnualCriteria;

/// <summary>The problems the annual criteria's handlers share.</summary>
internal static class AnnualHttp
{
    public static ProblemHttpResult ProvinceNotFound(string unit) =>
        ApiProblems.NotFound($"Không tìm thấy tỉnh, thành phố '{unit}' trong phạm vi của bạn.");

    public static ProblemHttpResult NoCatalogue(int year) =>
        ApiProblems.NotFound($"Không có bộ tiêu chí QĐ 2244 áp dụng cho năm {year}.");
}
