using Platform.TestSupport;

[assembly: AssemblyFixture(typeof(PlatformInfrastructure))]
[assembly: AssemblyFixture(typeof(Platform.PlatformHarness.AspirePlatform))]
