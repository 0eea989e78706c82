namespace Platform.Web.BrowserTests;

/// <summary>
/// Tests that move the platform's clock (<see cref="PlatformHarness.AspirePlatform.SetNow"/>): the one platform of the
/// assembly has one "now", so these run alone — xUnit runs a collection that disables parallelization after the
/// parallel ones, one test at a time — and put the clock back when done.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClockMovingTests
{
    public const string Name = "Tests that move the platform's clock";
}
