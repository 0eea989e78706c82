using Platform.PlatformHarness;

// One platform for the whole assembly, started from the real AppHost.
[assembly: AssemblyFixture(typeof(AspirePlatform))]

// Its classes share that platform's clock and databases (TestMonths.cs): one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
