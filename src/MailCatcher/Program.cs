using Platform.MailCatcher;

var builder = WebApplication.CreateBuilder(args);
builder.AddMailCatcher();

var app = builder.Build();
app.MapMailCatcher();

app.Run();
