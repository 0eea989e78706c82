using System.Globalization;

namespace Platform.ServiceDefaults.Time;

/// <summary>
/// Vietnam time (UTC+7, no daylight saving since 1975). Every deadline in the source documents is a
/// Vietnam wall-clock time; instants are stored in UTC and converted only here, never through the
/// machine's own zone.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The IANA zone when the machine has tzdata, otherwise a fixed +07:00 zone (they agree after 1975).</summary>
    public static TimeZoneInfo Zone { get; } = ResolveZone();

    /// <summary>The UTC instant of a Vietnam wall-clock time.</summary>
    public static DateTimeOffset ToUtc(DateTime vietnamLocal) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(vietnamLocal, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);

    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time) => ToUtc(date.ToDateTime(time));

    /// <summary>The same instant as Vietnam sees it (offset +07:00).</summary>
    public static DateTimeOffset ToVietnam(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary><c>dd/MM/yyyy</c> of the instant in Vietnam.</summary>
    public static string FormatDate(DateTimeOffset instant) =>
        ToVietnam(instant).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary><c>HH:mm</c> of the instant in Vietnam.</summary>
    public static string FormatTime(DateTimeOffset instant) =>
        ToVietnam(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"09:00 ngày 19/06/2026", the way the documents write a deadline.</summary>
    public static string FormatMoment(DateTimeOffset instant) => $"{FormatTime(instant)} ngày {FormatDate(instant)}";

    private static TimeZoneInfo ResolveZone()
    {
        try
        {
            // tzdata reports SupportsDaylightSavingTime for this zone because of its pre-1975 history; only the base offset matters.
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
            if (zone.BaseUtcOffset == Offset) return zone;
        }
        catch (TimeZoneNotFoundException)
        {
        }
        catch (InvalidTimeZoneException)
        {
        }

        return TimeZoneInfo.CreateCustomTimeZone("Vietnam", Offset, "Giờ Việt Nam (UTC+07:00)", "Giờ Việt Nam");
    }
}
