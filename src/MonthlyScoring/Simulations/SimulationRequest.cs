using System.Text.Json;

namespace Platform.MonthlyScoring.Simulations;

/// <summary>
/// <c>POST /api/monthly-scoring/simulations</c>: the period and peer group to score again, and exactly one alternative —
/// a version of the framework the service knows (<paramref name="FrameworkVersion"/>, effective dates ignored) or a
/// framework definition not stored anywhere (<paramref name="Draft"/>, the JSON an administrator would upload).
/// </summary>
public sealed record SimulationRequest(string? Period, string? PeerGroup, string? FrameworkVersion, JsonElement? Draft);
