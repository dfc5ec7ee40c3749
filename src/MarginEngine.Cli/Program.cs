using MarginEngine.Cli;
using Spectre.Console;

// Colour and styles only on a terminal, and never when NO_COLOR is set (any value): redirected output is plain text.
var plain = Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
var console = AnsiConsole.Create(new AnsiConsoleSettings
{
    Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
    ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
    Out = new AnsiConsoleOutput(Console.Out),
});
if (Console.IsOutputRedirected)
    console.Profile.Width = 132;
return MarginCli.Run(args, console, Console.Error);
