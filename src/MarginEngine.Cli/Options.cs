namespace MarginEngine.Cli;

/// <summary>Which methods a report computes.</summary>
[Flags]
internal enum Modes
{
    Isolated = 1,
    Cross = 2,
    Portfolio = 4,
    All = Isolated | Cross | Portfolio,
}

/// <summary>A command-line mistake: printed with the usage, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Parsed options of <c>report</c> and <c>compare</c>.</summary>
internal sealed record Options(Modes Mode, string? Preset, bool Json, bool Summary = false, string? Chart = null)
{
    public static Options Parse(string[] args, bool allowModeAndPreset)
    {
        var result = new Options(Modes.All, null, false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    result = result with { Json = true };
                    break;
                case "--summary" when allowModeAndPreset:
                    result = result with { Summary = true };
                    break;
                case "--mode" when allowModeAndPreset && i + 1 < args.Length:
                    result = result with { Mode = ParseMode(args[++i]) };
                    break;
                case "--preset" when allowModeAndPreset && i + 1 < args.Length:
                    result = result with { Preset = args[++i] };
                    break;
                case "--chart" when allowModeAndPreset && i + 1 < args.Length:
                    result = result with { Chart = CliffOptions.ChartPath(args[++i]) };
                    break;
                default:
                    throw new UsageException($"unknown option '{args[i]}'");
            }
        }

        return result;
    }

    private static Modes ParseMode(string mode) => mode switch
    {
        "isolated" => Modes.Isolated,
        "cross" => Modes.Cross,
        "portfolio" => Modes.Portfolio,
        "all" => Modes.All,
        _ => throw new UsageException($"unknown mode '{mode}' (isolated, cross, portfolio, all)"),
    };
}
