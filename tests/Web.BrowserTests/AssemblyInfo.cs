// The whole platform as AppHost starts it, once for every browser test of the assembly (tests/PlatformHarness).
[assembly: AssemblyFixture(typeof(Platform.PlatformHarness.AspirePlatform))]
