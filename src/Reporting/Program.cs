using Platform.Reporting;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddReporting();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapReportingApi();

return await app.RunServiceAsync();

/// <summary>Entry point, visible to tests that host the service in-process.</summary>
public partial class Program;
