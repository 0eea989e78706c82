using System.Security.Claims;
using Platform.ServiceDefaults.Security;

namespace Platform.Intake.Http;

/// <summary>
/// Who is calling, as intake's handlers need it: subject and organisation unit from the token, and the channel their
/// changes are recorded with. Null from <see cref="From"/> when the token names no single unit (answer
/// <c>ApiProblems.NoUnit()</c>): without a unit there is no scope.
/// </summary>
internal sealed record Caller(string Subject, string Unit, string Channel)
{
    public static Caller? From(ClaimsPrincipal user) =>
        user.Subject() is { } subject && user.OrgUnit() is { } unit
            ? new Caller(subject, unit, user.IsMachineClient() ? Channels.Api : Channels.Web)
            : null;
}

/// <summary>Where a value change came from.</summary>
public static class Channels
{
    public const string Web = "web";
    public const string Api = "api";
    public const string Excel = "excel";
}
