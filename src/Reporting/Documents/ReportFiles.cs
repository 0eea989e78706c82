namespace Platform.Reporting.Documents;

/// <summary>
/// Renders a <see cref="ReportDocument"/> into the response, streamed (rows are written as they are read; nothing holds
/// the whole report in memory). Owned by the documents feature; until it lands these throw.
/// </summary>
public static class ReportFiles
{
    /// <summary>The formats an export endpoint accepts in <c>?format=</c>.</summary>
    public static readonly IReadOnlyList<string> Formats = ["xlsx", "pdf", "csv"];

    /// <summary><c>xlsx</c>, <c>pdf</c> or <c>csv</c> → the streamed file result; any other format is a Vietnamese 400 naming <c>format</c>.</summary>
    public static IResult Render(string? format, ReportDocument document) => throw new NotImplementedException();
}
