using Platform.Reporting.Shared;

namespace Platform.Reporting.Documents;

/// <summary>The legal footer: what an export was built from, in Vietnamese and Vietnam time.</summary>
internal static class SourceLines
{
    public static IReadOnlyList<string> For(BuiltFrom source)
    {
        var basis = $"Căn cứ: {source.FrameworkName} (phiên bản {source.FrameworkVersion}) · Kỳ: {ReportText.PeriodName(source.Period)}";
        if (source.Revision is { } revision)
            basis += $" · Lần công bố {revision}" + (source.PublishedAt is { } published ? $", công bố lúc {ReportText.Moment(published)}" : "");
        var times = (source.AsOf is { } asOf ? $"Số liệu đến {ReportText.Moment(asOf)} · " : "")
            + $"Lập lúc {ReportText.Moment(source.GeneratedAt)} (giờ Việt Nam)";
        return [basis, times];
    }
}
