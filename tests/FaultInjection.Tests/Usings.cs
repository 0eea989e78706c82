global using Platform.TestSupport;
global using Xunit;
