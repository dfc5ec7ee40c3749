using MarginEngine.Cli;
using Spectre.Console;

if (Console.IsOutputRedirected)
    AnsiConsole.Profile.Width = 132;
return MarginCli.Run(args, AnsiConsole.Console, Console.Error);
