using System.ComponentModel.DataAnnotations;

namespace Platform.Reporting.Nq57;

/// <summary>The NQ57 setting under <c>Reporting</c>.</summary>
public sealed class Nq57Options
{
    /// <summary><c>Reporting:Nq57Framework</c>: the communes' NQ57 self-assessment framework whose rounds are summarised.</summary>
    [Required(ErrorMessage = "Reporting:Nq57Framework must not be empty. Fix: set Reporting__Nq57Framework (e.g. nq57-self-2026) or remove it to use the default.")]
    public string Nq57Framework { get; set; } = "nq57-self-2026";
}
