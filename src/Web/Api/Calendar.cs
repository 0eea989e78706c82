namespace Platform.Web.Api;

/// <summary>A reporting period at one level (<c>GET /api/intake/periods/{framework}/{period}?level=</c>).</summary>
public sealed record PeriodCalendar(string FrameworkId, string Period, string Level, string DataFromDisplay, string DataToDisplay,
    DateTimeOffset OpensAt, DateTimeOffset DueAt, DateTimeOffset? FrozenAt, string Status, string StatusText, string LatePolicy,
    bool Closed, PeriodReopening? Reopening)
{
    public const string AgencyToProvince = "agency-to-province";
    public const string ToNational = "to-national";

    public static IReadOnlyList<string> Levels { get; } = [AgencyToProvince, ToNational];

    public static string LatePolicyName(string policy) => policy switch
    {
        "accept-and-mark-late" => "Vẫn nhận, ghi nhận nộp muộn",
        "refuse" => "Không nhận báo cáo quá hạn",
        _ => policy,
    };
}

/// <summary>One unit allowed to submit after the deadline (<c>GET …/reopenings</c>).</summary>
public sealed record PeriodReopening(Guid Id, string Unit, DateTimeOffset Until, string Reason, string By, DateTimeOffset At, bool Running);

/// <summary>Body of <c>POST /api/intake/periods/{framework}/{period}/reopenings</c>; <c>until</c> ISO-8601 with its offset.</summary>
public sealed record ReopenPeriod(string Unit, string Until, string Reason);
