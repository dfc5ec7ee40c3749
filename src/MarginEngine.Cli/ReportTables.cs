using System.Globalization;
using MarginEngine.Json;
using MarginEngine.Results;
using Spectre.Console;

namespace MarginEngine.Cli;

/// <summary>Renders reports as tables, one column per margin method so their difference shows.</summary>
internal static class ReportTables
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Render(Book book, IReadOnlyList<MarginReport> reports, IAnsiConsole console)
    {
        var first = reports[0];
        console.Write(new Rule($"[bold]MarginEngine[/] · account [cyan]{Markup.Escape(book.Account.Id)}[/] · profile [cyan]{Markup.Escape(first.Profile)}[/] · {first.ValuationTime}").LeftJustified());

        var summary = new Table().Title("Account (USD)").AddColumn("");
        foreach (var r in reports)
            summary.AddColumn(new TableColumn($"[bold]{r.Method}[/]").RightAligned());
        summary.AddColumn(new TableColumn("[bold]Portfolio[/]").RightAligned());
        void Row(string label, Func<MarginReport, string> cell) =>
            summary.AddRow([label, .. reports.Select(cell), "[grey]not yet (issue 4)[/]"]);
        Row("Collateral value", r => Money(r.CollateralValue));
        Row("Isolated margin", r => Money(r.IsolatedMargin));
        Row("Unrealised P&L", r => Money(r.UnrealisedPnl));
        Row("Long option value", r => Money(r.OptionValue));
        Row("Equity", r => Money(r.Equity));
        Row("Initial margin", r => $"[yellow]{Money(r.InitialMargin)}[/]");
        Row("Maintenance margin", r => $"[yellow]{Money(r.MaintenanceMargin)}[/]");
        Row("Opening fees", r => Money(r.OpeningFees));
        Row("Shared pool balance", r => Money(r.MarginBalance));
        Row("Pool margin ratio", r => RatioCell(r.MarginRatio));
        Row("Available balance", r => $"[green]{Money(r.AvailableBalance)}[/]");
        console.Write(summary);

        var collateral = new Table().Title("Collateral").AddColumns("Asset", "Quantity", "Index", "Gross", "Haircut", "Counted");
        foreach (var c in first.Collateral)
            collateral.AddRow(c.AssetId, Number(c.Quantity), Number(c.IndexPrice), Money(c.GrossValue), Money(c.Haircut), Money(c.CollateralValue));
        RightAlign(collateral, 1);
        console.Write(collateral);

        var cross = reports.First(r => r.Method == MarginMethod.Cross);
        var isolated = reports.First(r => r.Method == MarginMethod.Isolated);
        var positions = new Table().Title("Positions (USD)")
            .AddColumns("Instrument", "Qty", "Entry", "Mark", "Notional", "uPnL", "Tier", "Lev", "IM", "MM");
        var liquidation = new Table().Title("Liquidation prices by method")
            .AddColumns("Instrument", "Cross", "Isolated", "Isolated bankruptcy");
        foreach (var p in cross.Positions)
        {
            positions.AddRow(
                Markup.Escape(p.InstrumentId) + (p.IsIsolated ? " [grey](iso)[/]" : ""),
                Number(p.Quantity), Number(p.EntryPrice), Number(p.MarkPrice), Money(p.Notional), Signed(p.UnrealisedPnl),
                p.BracketTier?.ToString(Invariant) ?? "-", p.Leverage is { } l ? Number(l) + "x" : "-",
                Money(p.InitialMargin), Money(p.MaintenanceMargin));
            var alone = isolated.Positions.First(i => i.InstrumentId == p.InstrumentId);
            if (alone.IsIsolated)
                liquidation.AddRow(Markup.Escape(p.InstrumentId), p.IsIsolated ? "[grey]own margin[/]" : Price(p.LiquidationPrice),
                    Price(alone.LiquidationPrice), Price(alone.BankruptcyPrice));
        }

        RightAlign(positions, 1);
        RightAlign(liquidation, 1);
        console.Write(positions);
        console.Write(liquidation);

        if (cross.Orders.Length > 0)
        {
            var orders = new Table().Title("Open orders (USD)").AddColumns("Order", "Instrument", "Opening notional", "IM reserved", "MM if filled", "Opening fee");
            foreach (var o in cross.Orders)
                orders.AddRow(Markup.Escape(o.OrderId), Markup.Escape(o.InstrumentId), Money(o.OpeningNotional), Money(o.InitialMargin), Money(o.MaintenanceMargin), Money(o.OpeningFee));
            RightAlign(orders, 2);
            console.Write(orders);
        }

        if (cross.Borrows.Length > 0)
        {
            var borrows = new Table().Title("Borrows (USD)").AddColumns("Asset", "Borrowed", "IM", "MM");
            foreach (var b in cross.Borrows)
                borrows.AddRow(b.AssetId, Money(b.BorrowedValue), Money(b.InitialMargin), Money(b.MaintenanceMargin));
            RightAlign(borrows, 1);
            console.Write(borrows);
        }

        console.MarkupLine("[grey]Cross: one pool backs the positions without own margin; isolated: each perpetual and future alone with its IM (or allocated margin). Requirements rounded up, values down (docs/numerics.md).[/]");
    }

    private static void RightAlign(Table table, int from)
    {
        for (var i = from; i < table.Columns.Count; i++)
            table.Columns[i].RightAligned();
    }

    private static string Money(decimal value) => value.ToString("#,0.00", Invariant);

    private static string Signed(decimal value) => value < 0 ? $"[red]{Money(value)}[/]" : $"[green]{Money(value)}[/]";

    private static string Number(decimal value) => value.ToString("#,0.########", Invariant);

    private static string Price(decimal? value) => value is { } v ? v.ToString("#,0.00", Invariant) : "none";

    private static string RatioCell(decimal? ratio) => ratio switch
    {
        null => "[red]no equity[/]",
        >= 1m => $"[red]{ratio:P2}[/]",
        >= 0.8m => $"[yellow]{ratio:P2}[/]",
        _ => $"[green]{ratio.Value.ToString("P2", Invariant)}[/]",
    };
}
