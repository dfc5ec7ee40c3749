using System.Globalization;
using MarginEngine.Json;
using MarginEngine.Results;
using MarginEngine.Scenarios;
using Spectre.Console;

namespace MarginEngine.Cli;

/// <summary>Renders a book's reports as tables, one column per method so their difference shows.</summary>
internal static class ReportTables
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Lines a table shows before it says how many more there are (every line is in --json).</summary>
    public const int ShortListLength = 50;

    /// <summary>Books with more lines than this show the first <see cref="ShortListLength"/> of each table.</summary>
    public const int LongBook = 1_000;

    /// <summary>
    /// The rows a table of <paramref name="total"/> lines shows: all of them, or the first <see cref="ShortListLength"/>
    /// when the book is long (more than <see cref="LongBook"/> position, order or collateral lines).
    /// </summary>
    internal static int Shown(int total, bool longBook) => longBook ? Math.Min(total, ShortListLength) : total;

    /// <summary>Says how many lines a cut table left out, and where they are.</summary>
    internal static void More(IAnsiConsole console, int shown, int total, string what)
    {
        if (shown < total)
            console.MarkupLine($"[grey]... and {total - shown:N0} more {what}: every line is in --json; --summary shows the totals only.[/]");
    }

    private static bool IsLong(MarginReport report) =>
        report.Positions.Length > LongBook || report.Orders.Length > LongBook || report.Collateral.Length > LongBook || report.Borrows.Length > LongBook;

    public static void Render(Book book, BookReports reports, IAnsiConsole console, bool summary = false)
    {
        var summaries = reports.Summaries().ToList();
        var first = summaries[0].Report;
        console.Write(new Rule($"[bold]MarginEngine[/] · account [cyan]{Markup.Escape(book.Account.Id)}[/] · profile [cyan]{Markup.Escape(first.Profile)}[/] · {first.ValuationTime}").LeftJustified());
        Provenance(book, summaries, console);
        Summary(summaries, console);
        foreach (var warning in summaries.SelectMany(s => s.Report.Warnings).Distinct())
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        foreach (var note in reports.NotComputed)
            console.MarkupLine($"[grey]not computed: {Markup.Escape(note)}[/]");
        if (summary)
            return;
        var longBook = IsLong(first);
        Collateral(first, console, longBook);
        Positions(book, reports, console, longBook);
        Orders(reports.Cross ?? first, console, longBook);
        if (reports.Portfolio is { } portfolio)
            PortfolioTables.Render(portfolio, reports.Costs.Portfolio ?? [], console);
        if (reports.Unified is { } unified)
            Unified(unified, console);
        console.MarkupLine("[grey]Isolated: each perpetual and future alone with its IM (or allocated margin); cross: one pool; portfolio: scenario grid per underlying. Requirements rounded up, values down (docs/numerics.md).[/]");
    }

    private static void Provenance(Book book, IReadOnlyList<(string Label, MarginReport Report)> summaries, IAnsiConsole console)
    {
        var profile = book.Profile;
        if (profile.Provenance.AsOf is { } asOf)
            console.MarkupLine($"[grey]Profile figures as of {Markup.Escape(asOf)}; sources per table in docs/presets.md.[/]");
        var supplied = summaries.SelectMany(s => profile.SuppliedFiguresFor(book.Account, s.Report.Method)).Distinct().ToList();
        if (supplied.Count > 0)
            console.MarkupLine($"[grey]User-supplied (the profile has none): {Markup.Escape(string.Join(", ", supplied))}.[/]");
    }

    private static void Summary(IReadOnlyList<(string Label, MarginReport Report)> summaries, IAnsiConsole console)
    {
        var table = new Table().Title("Account (USD)").AddColumn("");
        foreach (var (label, _) in summaries)
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(label)}[/]").RightAligned());
        void Row(string label, Func<MarginReport, string> cell) => table.AddRow([label, .. summaries.Select(s => cell(s.Report))]);
        Row("Collateral value", r => Money(r.CollateralValue));
        Row("Isolated margin", r => Money(r.IsolatedMargin));
        Row("Unrealised P&L", r => Money(r.UnrealisedPnl));
        Row("Option value", r => Money(r.OptionValue));
        Row("Equity", r => Money(r.Equity));
        Row("Initial margin", r => $"[yellow]{Money(r.InitialMargin)}[/]");
        Row("Maintenance margin", r => $"[yellow]{Money(r.MaintenanceMargin)}[/]");
        Row("Opening fees", r => Money(r.OpeningFees));
        if (summaries.Any(s => !s.Report.Reserves.IsEmpty))
            Row("Reserves (in IM)", r => Money(r.Reserves.Sum(x => x.InitialMargin)));
        Row("Shared pool balance", r => Money(r.MarginBalance));
        Row("Pool margin ratio", r => RatioCell(r.MarginRatio));
        Row("Available balance", r => $"[green]{Money(r.AvailableBalance)}[/]");
        if (summaries.FirstOrDefault(s => s.Report.Method == MarginMethod.Cross).Report is { } cross)
            Row("IM vs cross", r => Saving(r.InitialMargin, cross.InitialMargin));
        console.Write(table);
    }

    private static void Unified(Results.UnifiedMarginResult unified, IAnsiConsole console)
    {
        var table = new Table().Title("Unified account: equity per asset").AddColumns("Asset", "Equity", "Index", "Adjusted (USD)");
        foreach (var a in unified.Assets)
            table.AddRow(a.AssetId, Number(a.Equity), Number(a.IndexPrice), Money(a.AdjustedValue));
        RightAlign(table, 1);
        console.Write(table);
        var ratio = unified.UniMmr is { } u ? u.ToString("P2", Invariant) : "no maintenance margin";
        console.MarkupLine($"[bold]uniMMR[/] {ratio} · status [bold]{Markup.Escape(unified.Status)}[/]");
    }

    private static void Collateral(MarginReport report, IAnsiConsole console, bool longBook)
    {
        var table = new Table().Title("Collateral").AddColumns("Asset", "Quantity", "Index", "Gross", "Haircut", "Counted");
        var shown = Shown(report.Collateral.Length, longBook);
        foreach (var c in report.Collateral.AsSpan(0, shown))
            table.AddRow(c.AssetId, Number(c.Quantity), Number(c.IndexPrice), Money(c.GrossValue), Money(c.Haircut), Money(c.CollateralValue));
        RightAlign(table, 1);
        console.Write(table);
        More(console, shown, report.Collateral.Length, "collateral lines");
    }

    private static void Positions(Book book, BookReports reports, IAnsiConsole console, bool longBook)
    {
        // With only the portfolio report, pooled legs carry no requirement of their own: it sits in their risk unit.
        var inUnit = reports.Cross is null && reports.Isolated is null && reports.Unified is null;
        var lines = (reports.Cross ?? reports.Isolated ?? reports.Portfolio?.Report ?? reports.Unified!.Report).Positions;
        var spot = book.Account.Positions.Where(p => p.Instrument is Instruments.Spot).Select(p => p.Instrument.Id).ToHashSet(StringComparer.Ordinal);
        var table = new Table().Title(inUnit ? "Positions (USD; requirements per risk unit below)" : "Positions (USD, standard margin)")
            .AddColumns("Instrument", "Qty", "Entry", "Mark", "Notional", "uPnL", "Tier", "Lev", "IM", "MM");
        var shown = lines.AsSpan(0, Shown(lines.Length, longBook));
        foreach (var p in shown)
        {
            var pooledInUnit = inUnit && !p.IsIsolated;
            table.AddRow(
                Markup.Escape(p.InstrumentId) + (p.IsIsolated ? " [grey](iso)[/]" : "") + (spot.Contains(p.InstrumentId) ? " [grey](spot)[/]" : ""),
                Number(p.Quantity), Number(p.EntryPrice), Number(p.MarkPrice), Money(p.Notional),
                spot.Contains(p.InstrumentId) ? $"[grey]{Signed(p.Quantity * (p.MarkPrice - p.EntryPrice))}[/]" : Signed(p.UnrealisedPnl),
                pooledInUnit ? "-" : p.BracketTier?.ToString(Invariant) ?? "-", pooledInUnit ? "-" : p.Leverage is { } l ? Number(l) + "x" : "-",
                pooledInUnit ? "-" : Money(p.InitialMargin), pooledInUnit ? "-" : Money(p.MaintenanceMargin));
        }

        RightAlign(table, 1);
        console.Write(table);
        More(console, shown.Length, lines.Length, "positions");
        if (spot.Count > 0)
            console.MarkupLine("[grey]Spot positions are counted in the collateral table (their coins at the index, with the wallet's); their uPnL against entry is shown for information and is not added again.[/]");

        if (reports.Cross is not { } cross || reports.Isolated is not { } isolated)
            return;
        var alone = isolated.Positions.ToDictionary(i => i.InstrumentId, StringComparer.Ordinal);
        var rows = cross.Positions.Where(p => alone[p.InstrumentId].IsIsolated).ToList();
        var liquidation = new Table().Title("Liquidation prices by method").AddColumns("Instrument", "Cross", "Isolated", "Isolated bankruptcy");
        var listed = Shown(rows.Count, longBook);
        foreach (var p in rows.Take(listed))
        {
            var own = alone[p.InstrumentId];
            liquidation.AddRow(Markup.Escape(p.InstrumentId), p.IsIsolated ? "[grey]own margin[/]" : Price(p.LiquidationPrice), Price(own.LiquidationPrice), Price(own.BankruptcyPrice));
        }

        RightAlign(liquidation, 1);
        console.Write(liquidation);
        More(console, listed, rows.Count, "liquidation prices");
    }

    private static void Orders(MarginReport report, IAnsiConsole console, bool longBook)
    {
        if (report.Orders.Length > 0)
        {
            var orders = new Table().Title("Open orders (USD)").AddColumns("Order", "Instrument", "Opening notional", "IM reserved", "MM if filled", "Opening fee");
            var shown = Shown(report.Orders.Length, longBook);
            foreach (var o in report.Orders.AsSpan(0, shown))
                orders.AddRow(Markup.Escape(o.OrderId), Markup.Escape(o.InstrumentId), Money(o.OpeningNotional), Money(o.InitialMargin), Money(o.MaintenanceMargin), Money(o.OpeningFee));
            RightAlign(orders, 2);
            console.Write(orders);
            More(console, shown, report.Orders.Length, "orders");
        }

        if (report.Borrows.Length > 0)
        {
            var borrows = new Table().Title("Borrows (USD)").AddColumns("Asset", "Borrowed", "IM", "MM");
            var shown = Shown(report.Borrows.Length, longBook);
            foreach (var b in report.Borrows.AsSpan(0, shown))
                borrows.AddRow(b.AssetId, Money(b.BorrowedValue), Money(b.InitialMargin), Money(b.MaintenanceMargin));
            RightAlign(borrows, 1);
            console.Write(borrows);
            More(console, shown, report.Borrows.Length, "borrows");
        }
    }

    internal static void RightAlign(Table table, int from)
    {
        for (var i = from; i < table.Columns.Count; i++)
            table.Columns[i].RightAligned();
    }

    internal static string Money(decimal value) => value.ToString("#,0.00", Invariant);

    internal static string Amount(double value) => Math.Abs(value) >= 100 ? value.ToString("#,0.00", Invariant) : value.ToString("#,0.######", Invariant);

    internal static string Number(decimal value) => value.ToString("#,0.########", Invariant);

    internal static string Percent(double value) => value.ToString("+0.##%;-0.##%;0%", Invariant);

    internal static string VolName(VolState vol) => vol switch { VolState.Up => "vol up", VolState.Down => "vol down", _ => "vol same" };

    /// <summary>How much less (green) or more (red) IM a method needs than cross margin.</summary>
    private static string Saving(decimal initialMargin, decimal cross)
    {
        var difference = initialMargin - cross;
        var share = cross == 0m ? "" : $" ({(difference / cross).ToString("+0.0%;-0.0%;0%", Invariant)})";
        return difference switch
        {
            < 0m => $"[green]{Money(difference)}{share}[/]",
            > 0m => $"[red]+{Money(difference)}{share}[/]",
            _ => "0.00",
        };
    }

    private static string Signed(decimal value) => value < 0 ? $"[red]{Money(value)}[/]" : $"[green]{Money(value)}[/]";

    private static string Price(decimal? value) => value is { } v ? v.ToString("#,0.00", Invariant) : "none";

    private static string RatioCell(decimal? ratio) => ratio switch
    {
        null => "[red]no equity[/]",
        >= 1m => $"[red]{ratio.Value.ToString("P2", Invariant)}[/]",
        >= 0.8m => $"[yellow]{ratio.Value.ToString("P2", Invariant)}[/]",
        _ => $"[green]{ratio.Value.ToString("P2", Invariant)}[/]",
    };
}
