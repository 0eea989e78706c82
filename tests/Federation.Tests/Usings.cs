global using Platform.TestSupport;
