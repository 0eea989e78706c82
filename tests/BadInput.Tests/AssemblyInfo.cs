using Platform.TestSupport;

[assembly: AssemblyFixture(typeof(PlatformInfrastructure))]
