using Platform.DxIndex;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDxIndex();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapDxIndexApi();

return await app.RunServiceAsync();

/// <summary>Entry point, visible to tests that host the service in-process.</summary>
public partial class Program;
