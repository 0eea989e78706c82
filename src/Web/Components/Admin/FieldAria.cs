using Platform.Web.Api;

namespace Platform.Web.Components.Admin;

/// <summary>The accessibility attributes of a form field: its help and, when there is one, its error.</summary>
public static class FieldAria
{
    public static string Invalid(string? error) => error is null ? "false" : "true";

    /// <summary><c>id-help id-error</c>, leaving out what the field does not have; null when neither.</summary>
    public static string? DescribedBy(string id, bool help, string? error)
    {
        var ids = new List<string>(2);
        if (help) ids.Add(id + "-help");
        if (error is not null) ids.Add(id + "-error");
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>The first message of a field in a problem answer, or a local one.</summary>
    public static string? Error(ApiProblem? problem, string field, string? local = null) =>
        local ?? (problem?.For(field) is [var first, ..] ? first : null);
}
