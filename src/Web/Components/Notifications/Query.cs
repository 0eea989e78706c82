namespace Platform.Web.Components.Notifications;

/// <summary>A query string of the values that are there: a filter left at "Tất cả" is not sent at all (never <c>state=</c>).</summary>
public static class Query
{
    public static string Of(params (string Name, string? Value)[] values)
    {
        var present = values.Where(v => !string.IsNullOrWhiteSpace(v.Value))
            .Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value!.Trim())}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }
}
