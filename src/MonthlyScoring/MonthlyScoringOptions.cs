using System.ComponentModel.DataAnnotations;

namespace Platform.MonthlyScoring;

/// <summary>Settings under <c>MonthlyScoring</c>.</summary>
public sealed class MonthlyScoringOptions
{
    public const string Section = "MonthlyScoring";

    /// <summary>The framework this service scores; approvals of other frameworks are acknowledged and ignored.</summary>
    public const string FrameworkId = "monthly-4585";

    /// <summary>
    /// <c>MonthlyScoring:Tenant</c>: whose units this deployment scores — <c>national</c> for the central
    /// instance, or e.g. a province's code when the province hosts its own.
    /// </summary>
    [Required(ErrorMessage = "MonthlyScoring:Tenant must not be empty. Fix: set MonthlyScoring__Tenant (e.g. national) or remove it to use the default.")]
    [RegularExpression("^[a-z0-9.-]+$", ErrorMessage = "MonthlyScoring:Tenant may contain only a-z, 0-9, '.' and '-'. Fix: correct MonthlyScoring__Tenant.")]
    public string Tenant { get; set; } = "national";

    /// <summary>
    /// <c>MonthlyScoring:KnownSubscribers</c>: names of the outside systems the operator knows to receive
    /// <c>ScoresPublished</c> (e.g. "Cổng thông tin điện tử Chính phủ"), shown to the publisher before publishing.
    /// Informational: every queue bound to the exchange receives the event, listed or not.
    /// </summary>
    public List<string> KnownSubscribers { get; set; } = [];
}
