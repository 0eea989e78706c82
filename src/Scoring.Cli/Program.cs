using System.Text;
using Platform.Scoring.Cli;

// dotnet run --project src/Scoring.Cli -- score --input run.json [--output result.json] [--framework-file draft.json]
// dotnet run --project src/Scoring.Cli -- simulate --input run.json --framework-file draft.json [--version V]
// dotnet run --project src/Scoring.Cli -- frameworks
Console.OutputEncoding = Encoding.UTF8;
return args switch
{
    ["score", .. var rest] => await ScoreCommand.RunAsync(rest, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error),
    ["simulate", .. var rest] => await SimulateCommand.RunAsync(rest, Console.In, Console.Out, Console.Error),
    ["frameworks"] => FrameworksCommand.Run(Console.Out),
    _ => Usage.Unknown(args, Console.Error),
};
