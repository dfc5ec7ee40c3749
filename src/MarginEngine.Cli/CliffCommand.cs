using System.Globalization;
using MarginEngine.Cliff;
using MarginEngine.Json;
using MarginEngine.Profiles;
using MarginEngine.Results;
using Spectre.Console;
using static MarginEngine.Cli.ReportTables;

namespace MarginEngine.Cli;

/// <summary>Parsed options of <c>margin cliff</c>: which methods, the range in percent, the shock, the outputs.</summary>
internal sealed record CliffOptions(Modes Mode, string? Preset, CliffRange Range, string? Asset, bool CoMove, double VolPerMove, bool Json, string? Chart)
{
    public static CliffOptions Parse(string[] args)
    {
        var result = new CliffOptions(Modes.All, null, CliffRange.Default, null, false, 0, false, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value");
            result = args[i] switch
            {
                "--json" => result with { Json = true },
                "--mode" => result with { Mode = ParseMode(Value()) },
                "--preset" => result with { Preset = Value() },
                "--from" => result with { Range = result.Range with { From = Percent(Value(), "--from") } },
                "--to" => result with { Range = result.Range with { To = Percent(Value(), "--to") } },
                "--step" => result with { Range = result.Range with { Step = Percent(Value(), "--step") } },
                "--asset" => result with { Asset = Value() },
                "--comove" => result with { CoMove = true },
                "--vol-per-move" => result with { VolPerMove = Number(Value(), "--vol-per-move") },
                "--chart" => result with { Chart = ChartPath(Value()) },
                _ => throw new UsageException($"unknown option '{args[i]}'"),
            };
        }

        return result.CoMove && result.Asset is null ? throw new UsageException("--comove needs --asset (the lead)") : result;
    }

    /// <summary>The shock: one asset alone or with the profile's correlations, or every asset together.</summary>
    public CliffShock Shock(Book book)
    {
        if (Asset is null)
            return CliffShock.Together(VolPerMove);
        if (!CoMove)
            return CliffShock.Alone(Asset, VolPerMove);
        if (book.Profile.Portfolio?.Aggregation is not CrossUnitAggregation.Correlation correlation || !correlation.Underlyings.Contains(Asset))
            throw new UsageException($"--comove reads correlations from the profile's correlation aggregation, and profile '{book.Profile.Name}' has none for {Asset}");
        var lead = correlation.Underlyings.IndexOf(Asset);
        return CliffShock.CoMove(Asset, correlation.Underlyings.Where(u => u != Asset)
            .ToDictionary(u => u, u => correlation.Matrix[lead][correlation.Underlyings.IndexOf(u)]), VolPerMove);
    }

    /// <summary>A .png or .svg path for --chart.</summary>
    public static string ChartPath(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".png" or ".svg" ? path : throw new UsageException($"--chart writes a .png or .svg file, not '{path}'");

    /// <summary>"-50%", "1%" or "-50" (percent either way).</summary>
    private static double Percent(string text, string option) => Number(text.EndsWith('%') ? text[..^1] : text, option) / 100;

    private static double Number(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new UsageException($"{option} needs a number, not '{text}'");

    private static Modes ParseMode(string mode) => mode switch
    {
        "isolated" => Modes.Isolated,
        "cross" => Modes.Cross,
        "portfolio" => Modes.Portfolio,
        "all" => Modes.All,
        _ => throw new UsageException($"unknown mode '{mode}' (isolated, cross, portfolio, all)"),
    };
}

/// <summary><c>margin cliff</c>: the sweep of each method the profile offers, the liquidation distances and what made them.</summary>
internal static class CliffCommand
{
    /// <summary>A table shows about this many rows; every step is in --json and the chart.</summary>
    private const int Rows = 21;

    public static IReadOnlyList<CliffResult> Compute(Book book, CliffOptions options)
    {
        var methods = new List<MarginMethod>();
        foreach (var (mode, method) in new[] { (Modes.Isolated, MarginMethod.Isolated), (Modes.Cross, MarginMethod.Cross), (Modes.Portfolio, MarginMethod.Portfolio) })
        {
            if (!options.Mode.HasFlag(mode))
                continue;
            if (book.Profile.Methods.Contains(method))
                methods.Add(method);
            else if (options.Mode != Modes.All)
                throw new UsageException($"profile '{book.Profile.Name}' does not offer {method.ToString().ToLowerInvariant()} margin");
        }

        var shock = options.Shock(book);
        return [.. methods.Select(m => MarginCliff.Sweep(book.Account, book.Market, book.Profile, m, shock, options.Range))];
    }

    public static void Render(Book book, IReadOnlyList<CliffResult> results, IAnsiConsole console)
    {
        console.Write(new Rule($"[bold]Margin cliff[/] · account [cyan]{Markup.Escape(book.Account.Id)}[/] · profile [cyan]{Markup.Escape(book.Profile.Name)}[/] · {Markup.Escape(results[0].Shock)}").LeftJustified());
        var distances = new Table().Title("Liquidation distance (equity falls to MM)").AddColumns("method", "down", "binding", "cause", "up", "binding", "cause");
        foreach (var r in results)
            distances.AddRow([Name(r.Method), .. Distance(r.Down), .. Distance(r.Up)]);
        console.Write(distances);
        foreach (var r in results)
            console.Write(new Columns(Sweep(r), Chart(r)));
        console.MarkupLine("[grey]Every figure recomputed at the moved prices with collateral revalued (docs/methodology.md §Margin cliff). Headroom: pool balance - pool MM (isolated: the least of that and each position's own); liquidation at 0.[/]");
    }

    private static string Name(MarginMethod method) => method.ToString();

    private static string[] Distance(LiquidationPoint? point) => point is null
        ? ["[green]none[/]", "", ""]
        : [$"[red]{Percent(point.Move)}[/] ({string.Join(", ", point.IndexPrices.Select(p => $"{p.Key} {Amount(p.Value)}"))})", Markup.Escape(point.Binding),
            point.Cause is { } c ? $"{Markup.Escape(Kind(c.Kind))}: {Markup.Escape(c.Detail)} ({Amount(c.AmountUsd)} USD)" : ""];

    private static string Kind(CliffEffectKind kind) => kind switch
    {
        CliffEffectKind.PositionLoss => "position loss",
        CliffEffectKind.CollateralDevaluing => "collateral devaluing",
        CliffEffectKind.BracketJump => "bracket jump",
        CliffEffectKind.AddOnSwitchingOn => "add-on switching on",
        CliffEffectKind.AddOnGrowth => "add-on growth",
        CliffEffectKind.OffsetLost => "offset lost",
        _ => "MM growth",
    };

    private static Table Sweep(CliffResult result)
    {
        var table = new Table().Title($"{Name(result.Method)} (USD)").AddColumns("move", "equity", "IM", "MM", "ratio", "available", "headroom");
        var stride = Math.Max(1, (int)Math.Ceiling(result.Points.Length / (double)Rows));
        for (var i = 0; i < result.Points.Length; i++)
        {
            var p = result.Points[i];
            if (i % stride != 0 && i != result.Points.Length - 1 && p.Move != 0)
                continue;
            var style = p.Liquidating ? "red" : p.Move == 0 ? "bold" : "default";
            table.AddRow($"[{style}]{Percent(p.Move)}[/]", Money(p.Equity), Money(p.InitialMargin), Money(p.MaintenanceMargin),
                p.MarginRatio is { } ratio ? ratio.ToString("0.####", CultureInfo.InvariantCulture) : "-", Money(p.AvailableBalance),
                p.Liquidating ? $"[red]{Amount(p.Headroom)}[/]" : Amount(p.Headroom));
        }

        RightAlign(table, 1);
        return table;
    }

    /// <summary>
    /// The headroom against the move in text (it prints anywhere, colour or not): '●' above liquidation, '✕' at or
    /// past it, the zero line dashed.
    /// </summary>
    private static Panel Chart(CliffResult result)
    {
        const int width = 41, height = 13;
        var points = result.Points;
        var values = points.Select(p => p.Headroom).ToArray();
        var (low, high) = (Math.Min(0, values.Min()), Math.Max(0, values.Max()));
        if (high <= low)
            high = low + 1;
        int Row(double value) => Math.Clamp((int)Math.Round((height - 1) * (high - value) / (high - low)), 0, height - 1);
        var cells = new string[height, width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
                cells[y, x] = y == Row(0) ? "[grey]-[/]" : " ";
        }

        for (var x = 0; x < width; x++)
        {
            var p = points[(int)Math.Round(x * (points.Length - 1) / (double)(width - 1))];
            cells[Row(p.Headroom), x] = p.Liquidating ? "[red]✕[/]" : "[green]●[/]";
        }

        var lines = Enumerable.Range(0, height).Select(y =>
            $"{(y == 0 ? Amount(high) : y == Row(0) ? "0" : y == height - 1 ? Amount(low) : ""),10} │{string.Concat(Enumerable.Range(0, width).Select(x => cells[y, x]))}");
        var axis = $"{"",10} └{new string('─', width)}\n{"",12}{Percent(points[0].Move)}{new string(' ', Math.Max(1, width - Percent(points[0].Move).Length - Percent(points[^1].Move).Length))}{Percent(points[^1].Move)}";
        return new Panel(new Markup(string.Join("\n", lines) + "\n" + axis)).Header($"{Name(result.Method)} headroom (USD) against the move").Border(BoxBorder.Rounded);
    }
}
