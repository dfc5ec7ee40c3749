using System.Text.Json;
using MarginEngine.Errors;
using MarginEngine.Json;
using Spectre.Console;

namespace MarginEngine.Cli;

/// <summary>The <c>margin</c> command: parses arguments and computes everything before printing anything.</summary>
public static class MarginCli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for bad input (arguments, files, JSON, model validation, missing data).</summary>
    public const int BadInput = 2;

    /// <summary>Exit code for an unexpected internal error (a defect: one line, the trace with <c>--verbose</c>).</summary>
    public const int InternalError = 3;

    private const string Usage = """
        usage:
          margin                                   report on the embedded demo book, every mode side by side
          margin report <book.json | -> [options]  report on a book (account + market + profile or preset name); - reads stdin
              --mode isolated|cross|portfolio|all  which methods (default: all the profile supports)
              --preset <name>                      use a shipped preset instead of the book's profile
              --json                               print JSON instead of tables
              --summary                            the account totals only (no per-line tables)
              --chart <file.png|.svg>              portfolio margin: each unit's risk matrix and what each leg costs, as a picture
          margin compare [<book.json>] [--json]    the book (default: the demo book) under every preset and the methods each offers
          margin cliff [<book.json | ->] [options]  the margin cliff: every method swept over price moves, liquidation distances
              --from -50% --to 50% --step 1%       the moves; --asset <id> [--comove] one asset (and its correlates); --vol-per-move <k>
              --chart <file.png|.svg>              a picture of the sweep; --json, --mode, --preset as for report
          margin liquidate [<book.json | ->]       the liquidation plan of an account at or past maintenance (--target 0.9, --chart, --json)
          margin adl <accounts.json | ->           the ADL ranking of many accounts, longs and shorts apart (--chart, --json)
          margin presets                           the shipped presets and what each holds for the majors (docs/presets.md)
          margin --version                         the version
          margin <command> --help                  that command's help
        --verbose (any command): the full trace of an error; exit codes 0 ok, 2 bad input, 3 internal error
        """;

    /// <summary>Runs the command; returns the process exit code.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="console">Where reports go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="input">Standard input, read when the book's path is <c>-</c>; the process's by default.</param>
    public static int Run(string[] args, IAnsiConsole console, TextWriter error, TextReader? input = null)
    {
        var stdin = input ?? Console.In;
        var verbose = args.Contains("--verbose");
        args = [.. args.Where(a => a != "--verbose")];
        try
        {
            switch (args)
            {
                case ["--version"]:
                    console.WriteLine($"margin {typeof(BookJson).Assembly.GetName().Version}");
                    return Ok;
                case []:
                    return Report(BookJson.Read(DefaultBook(), "embedded demo book"), Modes.All, json: false, console);
                case ["presets"]:
                    console.Profile.Out.Writer.Write(PresetCoverage.Markdown());
                    return Ok;
                case ["-h" or "--help" or "help"]:
                    console.WriteLine(Usage);
                    return Ok;
                case [var command, .. var rest] when rest.Contains("--help") || rest.Contains("-h"):
                    console.WriteLine(CommandHelp(command));
                    return Ok;
                case ["report", var path, .. var options]:
                    var report = Options.Parse(options, allowModeAndPreset: true);
                    var book = Load(path, report.Preset, stdin);
                    return Report(book, report.Mode, report.Json, console, report.Summary, report.Chart);
                case ["compare", .. var rest]:
                    var bookPath = rest.Length > 0 && !rest[0].StartsWith("--", StringComparison.Ordinal) ? rest[0] : null;
                    var compare = Options.Parse(bookPath is null ? rest : rest[1..], allowModeAndPreset: false);
                    var compared = bookPath is null ? BookJson.Read(DefaultBook(), "embedded demo book") : Load(bookPath, null, stdin);
                    var comparison = Working(console, compared, $"Comparing {compared.Account.Positions.Length:N0} positions under every preset...", () => Comparison.Run(compared));
                    return Print(console, compare.Json, () => JsonDocuments.Comparison(compared, comparison), () => Comparison.Render(comparison, console));
                case ["cliff", .. var rest]:
                    var (cliffBook, cliffArgs) = BookAndOptions(rest, stdin);
                    var cliffOptions = CliffOptions.Parse(cliffArgs);
                    if (cliffOptions.Preset is { } cliffPreset)
                        cliffBook = cliffBook.Under(PresetNamed(cliffPreset));
                    var cliffs = Working(console, cliffBook, "Sweeping prices...", () => CliffCommand.Compute(cliffBook, cliffOptions), always: true);
                    if (cliffOptions.Chart is { } chartPath)
                        Charts.CliffChart.Save(cliffs, chartPath);
                    return Print(console, cliffOptions.Json, () => JsonDocuments.Cliff(cliffBook, cliffs), () => CliffCommand.Render(cliffBook, cliffs, console));
                case ["liquidate", .. var rest]:
                    var (liquidated, liquidateArgs) = BookAndOptions(rest, stdin);
                    var (liquidateOptions, target) = LiquidateOptions(liquidateArgs);
                    if (liquidateOptions.Preset is { } liquidatePreset)
                        liquidated = liquidated.Under(PresetNamed(liquidatePreset));
                    var plans = LiquidationCommands.Plans(liquidated, liquidateOptions.Mode, target);
                    if (liquidateOptions.Chart is { } planChart)
                        Charts.LiquidationChart.Save(plans, planChart);
                    return Print(console, liquidateOptions.Json, () => JsonDocuments.Liquidation(liquidated, plans),
                        () => LiquidationCommands.RenderPlans(liquidated, plans, console));
                case ["adl", var accountsPath, .. var rest]:
                    var adlOptions = Options.Parse(rest, allowModeAndPreset: true);
                    if (adlOptions.Mode != Modes.All || adlOptions.Preset is not null || adlOptions.Summary)
                        throw new UsageException("adl takes --json and --chart only");
                    var population = LoadMany(accountsPath, stdin);
                    var ranks = Working(console, population[0], $"Ranking {population.Count:N0} accounts...",
                        () => Liquidation.AdlRanking.Rank(population.Select(b => b.Account), population[0].Market, population[0].Profile), always: population.Count > 1_000);
                    if (adlOptions.Chart is { } adlChart)
                        Charts.AdlChart.Save(ranks, adlChart);
                    return Print(console, adlOptions.Json, () => JsonDocuments.Adl(population, ranks), () => LiquidationCommands.RenderAdl(ranks, console));
                default:
                    throw new UsageException($"unrecognised arguments: {string.Join(' ', args)}");
            }
        }
        catch (UsageException e)
        {
            return Fail(error, $"{e.Message}\n{Usage}");
        }
        catch (Exception e) when (e is ConfigurationException or InvalidMarginInputException or MissingMarketDataException or MissingRiskParameterException or IOException)
        {
            return Fail(error, verbose ? e.ToString() : e.Message);
        }
        catch (Exception e)
        {
            error.WriteLine(verbose
                ? $"margin: internal error: {e}"
                : $"margin: internal error ({e.GetType().Name}): {e.Message} (run with --verbose for the trace)");
            return InternalError;
        }
    }

    /// <summary>Reads a book from <paramref name="path"/>, or from standard input when it is <c>-</c>.</summary>
    /// <exception cref="IOException">No such file, or a directory: one line, exit 2.</exception>
    private static Book Load(string path, string? preset, TextReader stdin)
    {
        if (Directory.Exists(path))
            throw new IOException($"{path}: is a directory, not a book file");
        if (path != "-" && !File.Exists(path))
            throw new FileNotFoundException($"{path}: file not found");
        var book = path == "-" ? BookJson.Read(stdin.ReadToEnd(), "standard input") : BookJson.Read(File.ReadAllText(path), Path.GetFileName(path));
        return preset is null ? book : book.Under(PresetNamed(preset));
    }

    /// <summary>Options of <c>liquidate</c>: those of <c>report</c> and <c>--target</c> (the margin ratio to reduce to).</summary>
    private static (Options Options, decimal Target) LiquidateOptions(string[] args)
    {
        var target = Liquidation.LiquidationPlanner.DefaultTargetRatio;
        var at = Array.IndexOf(args, "--target");
        if (at >= 0)
        {
            if (at + 1 >= args.Length || !decimal.TryParse(args[at + 1].TrimEnd('%'), System.Globalization.NumberStyles.Number,
                    System.Globalization.CultureInfo.InvariantCulture, out target))
                throw new UsageException("--target needs a margin ratio, e.g. 0.9 or 90%");
            if (args[at + 1].EndsWith('%'))
                target /= 100m;
            args = [.. args[..at], .. args[(at + 2)..]];
        }

        return (Options.Parse(args, allowModeAndPreset: true), target);
    }

    /// <summary>Reads many accounts against one market and profile (a book with an <c>accounts</c> array).</summary>
    private static IReadOnlyList<Book> LoadMany(string path, TextReader stdin)
    {
        if (path != "-" && !File.Exists(path))
            throw new FileNotFoundException($"{path}: file not found");
        var books = path == "-" ? BookJson.ReadMany(stdin.ReadToEnd(), "standard input") : BookJson.ReadMany(File.ReadAllText(path), Path.GetFileName(path));
        return books.Count > 0 ? books : throw new UsageException($"{path}: no accounts to rank");
    }

    /// <summary>A command's book (the embedded demo book when the first argument is an option or absent) and its options.</summary>
    private static (Book Book, string[] Options) BookAndOptions(string[] rest, TextReader stdin) =>
        rest.Length > 0 && (rest[0] == "-" || !rest[0].StartsWith("--", StringComparison.Ordinal))
            ? (Load(rest[0], null, stdin), rest[1..])
            : (BookJson.Read(DefaultBook(), "embedded demo book"), rest);

    private static string CommandHelp(string command) => command switch
    {
        "liquidate" => """
            margin liquidate [<book.json | ->] [--mode isolated|cross|portfolio|all] [--preset <name>] [--target 0.9] [--chart f.png|.svg] [--json]
              The venues' liquidation ladder for the book's account under each method (docs/methodology.md §Liquidation plan):
              cancel orders, repay borrows from collateral, reduce positions by margin relief per USD of notional in lots until
              the pool's margin ratio is under --target; own-margin positions step down their brackets, then are taken over at
              bankruptcy. Each step with the account's figures after it.
            """,
        "adl" => """
            margin adl <accounts.json | -> [--chart f.png|.svg] [--json]
              The auto-deleveraging queue across many accounts (a book with an "accounts" array): per instrument and side, every
              perpetual and future position by PnL% x effective leverage, with its quantile and five-light indicator.
            """,
        "cliff" => """
            margin cliff [<book.json | ->] [--mode isolated|cross|portfolio|all] [--preset <name>] [--from -50%] [--to 50%] [--step 1%]
                         [--asset <id> [--comove]] [--vol-per-move <k>] [--chart cliff.png|cliff.svg] [--json]
              Moves prices from --from to --to (percent) and recomputes every method the profile offers at each step, collateral
              revalued: equity, IM, MM, margin ratio, available balance; then the smallest move down and up at which equity falls
              to MM, and what made it (docs/methodology.md §Margin cliff). Every asset moves together unless --asset names one;
              --comove moves the others by their correlation to it (the profile's correlation aggregation); --vol-per-move k raises
              vols by k x |move| (k = 0.5: a 20% move adds 10 vol points). --chart draws equity, IM and MM against the move.
            """,
        "report" => """
            margin report <book.json | -> [--mode isolated|cross|portfolio|all] [--preset <name>] [--json] [--verbose]
              The book's margin under its profile (or a shipped preset, with the book's supplied figures filling its gaps),
              every method the profile offers side by side; '-' reads the book from standard input. Format: docs/input-format.md.
            """,
        "compare" => """
            margin compare [<book.json | ->] [--json] [--verbose]
              The book (the embedded demo book by default) under its own profile and every shipped preset, for every method
              each offers; figures a preset leaves to the user come from the book's "supplied" section and are named.
            """,
        "presets" => """
            margin presets
              The shipped presets and what each holds for the majors, with the provenance of each table (docs/presets.md).
            """,
        _ => throw new UsageException($"unknown command '{command}'"),
    };

    private static Profiles.RiskProfile PresetNamed(string name) =>
        RiskProfilePresets.Names.Contains(name)
            ? RiskProfilePresets.Get(name)
            : throw new UsageException($"unknown preset '{name}' (known: {string.Join(", ", RiskProfilePresets.Names)})");

    private static int Report(Book book, Modes modes, bool json, IAnsiConsole console, bool summary = false, string? chart = null)
    {
        var computed = Working(console, book, $"Margining {book.Account.Positions.Length:N0} positions...", () => BookReports.Compute(book, modes));
        if (chart is not null)
        {
            if (computed.Portfolio is null)
                throw new UsageException("report --chart draws the portfolio risk matrix and leg costs: it needs portfolio margin (a profile with a scenario grid)");
            Charts.PortfolioChart.Save(computed.Portfolio, computed.Costs.Portfolio ?? [], chart);
        }

        return Print(console, json, () => JsonDocuments.Report(book, computed), () => ReportTables.Render(book, computed, console, summary));
    }

    /// <summary>Prints the command's JSON document, or renders its tables; exit code 0.</summary>
    private static int Print(IAnsiConsole console, bool json, Func<object> document, Action render)
    {
        if (json)
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(document(), ReportJson.SerializerOptions));
        else
            render();
        return Ok;
    }

    /// <summary>Books with more positions than this show a spinner on a terminal while they are margined.</summary>
    private const int SpinnerAbove = 5_000;

    /// <summary>Runs <paramref name="work"/>; a large book on a terminal shows a spinner meanwhile, redirected output stays plain.</summary>
    private static T Working<T>(IAnsiConsole console, Book book, string status, Func<T> work, bool always = false) =>
        console.Profile.Capabilities.Interactive && (always || book.Account.Positions.Length > SpinnerAbove)
            ? console.Status().Start(status, _ => work())
            : work();

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
