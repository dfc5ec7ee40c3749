using MarginEngine.Cli;
using Spectre.Console;

namespace MarginEngine.Tests.Cli;

/// <summary>Runs <c>margin</c> on a 160-column console without colour and returns its exit code, output and errors.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        var code = MarginCli.Run(args, console, error);
        return (code, output.ToString(), error.ToString());
    }
}
