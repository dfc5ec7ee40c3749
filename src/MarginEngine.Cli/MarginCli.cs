using MarginEngine.Errors;
using MarginEngine.Json;
using MarginEngine.Modes;
using MarginEngine.Results;
using Spectre.Console;

namespace MarginEngine.Cli;

/// <summary>The <c>margin</c> command: parses arguments, computes every report before printing anything.</summary>
public static class MarginCli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for bad input (arguments, files, JSON, model validation).</summary>
    public const int BadInput = 2;

    private const string Usage = """
        margin                          report on the embedded demo book
        margin report <book.json>       report on a book (account + market + profile or preset name)
          --json                        print the reports as JSON instead of tables
        margin presets                  list the shipped venue presets
        """;

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(string[] args, IAnsiConsole console, TextWriter error)
    {
        try
        {
            switch (args)
            {
                case []:
                    return Print(BookJson.Read(DefaultBook(), "embedded demo book"), json: false, console);
                case ["presets"]:
                    foreach (var name in RiskProfilePresets.Names)
                        console.WriteLine(name);
                    return Ok;
                case ["-h" or "--help" or "help"]:
                    console.WriteLine(Usage);
                    return Ok;
                case ["report", var path, .. var options] when options.All(o => o == "--json"):
                    if (!File.Exists(path))
                        return Fail(error, $"{path}: file not found");
                    return Print(BookJson.Read(File.ReadAllText(path), Path.GetFileName(path)), options.Length > 0, console);
                default:
                    return Fail(error, $"unrecognised arguments: {string.Join(' ', args)}\n{Usage}");
            }
        }
        catch (Exception e) when (e is ConfigurationException or InvalidMarginInputException or MissingMarketDataException or MissingRiskParameterException)
        {
            return Fail(error, e.Message);
        }
    }

    private static int Print(Book book, bool json, IAnsiConsole console)
    {
        MarginReport[] reports =
        [
            IsolatedMarginCalculator.Calculate(book.Account, book.Market, book.Profile),
            CrossMarginCalculator.Calculate(book.Account, book.Market, book.Profile),
        ];
        if (json)
            console.Profile.Out.Writer.WriteLine(ReportJson.Write(reports));
        else
            ReportTables.Render(book, reports, console);
        return Ok;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"margin: {message}");
        return BadInput;
    }

    private static string DefaultBook()
    {
        using var stream = typeof(MarginCli).Assembly.GetManifestResourceStream("MarginEngine.Cli.default-book.json")
            ?? throw new InvalidOperationException("the embedded demo book is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
