using System.Globalization;
using MarginEngine.Json;
using MarginEngine.Liquidation;
using MarginEngine.Results;
using Spectre.Console;
using static MarginEngine.Cli.ReportTables;

namespace MarginEngine.Cli;

/// <summary><c>margin liquidate</c> (the liquidation ladder of one account) and <c>margin adl</c> (the ADL queue of many).</summary>
internal static class LiquidationCommands
{
    /// <summary>The plan under each method <paramref name="modes"/> asks for and the profile offers.</summary>
    public static IReadOnlyList<LiquidationPlan> Plans(Book book, Modes modes, decimal target)
    {
        var methods = new[] { (Modes.Isolated, MarginMethod.Isolated), (Modes.Cross, MarginMethod.Cross), (Modes.Portfolio, MarginMethod.Portfolio) }
            .Where(m => modes.HasFlag(m.Item1) && book.Profile.Methods.Contains(m.Item2)).Select(m => m.Item2).ToArray();
        if (methods.Length == 0)
            throw new UsageException($"profile '{book.Profile.Name}' offers none of the methods asked for");
        return [.. methods.Select(m => LiquidationPlanner.Plan(book.Account, book.Market, book.Profile, m, target))];
    }

    public static void RenderPlans(Book book, IReadOnlyList<LiquidationPlan> plans, IAnsiConsole console)
    {
        console.Write(new Rule($"[bold]Liquidation plan[/] · account [cyan]{Markup.Escape(book.Account.Id)}[/] · profile [cyan]{Markup.Escape(book.Profile.Name)}[/]").LeftJustified());
        foreach (var plan in plans)
        {
            var colour = plan.Status switch { "healthy" => "green", "restored" => "yellow", _ => "red" };
            var table = new Table()
                .Title($"{plan.Method}: [{colour}]{plan.Status}[/], margin ratio {Ratio(plan.RatioBefore)} -> {Ratio(plan.RatioAfter)} (target {plan.TargetRatio.ToString(CultureInfo.InvariantCulture)})")
                .AddColumns("#", "action", "target", "quantity", "price", "equity", "MM", "pool balance", "ratio", "why");
            foreach (var s in plan.Steps)
            {
                table.AddRow(s.Number.ToString(CultureInfo.InvariantCulture), Action(s.Action), Markup.Escape(s.Target), Number(s.Quantity),
                    s.Price is { } p ? Number(Math.Round(p, 8)) : "", Money(s.Equity), Money(s.MaintenanceMargin), Money(s.MarginBalance), Ratio(s.MarginRatio),
                    Markup.Escape(s.Detail));
            }

            if (plan.Steps.IsEmpty)
                table.AddRow("", "[green]nothing to do: the pool and every own-margin position are above MM[/]", "", "", "", "", "", "", "", "");
            RightAlign(table, 3);
            console.Write(table);
        }

        console.MarkupLine("[grey]The ladder of Bybit and OKX (docs/methodology.md §Liquidation plan): cancel orders, repay borrows, reduce by margin relief per USD of notional in lots; own-margin positions step down their brackets, then are taken over at bankruptcy. No fees or slippage.[/]");
    }

    public static void RenderAdl(IReadOnlyList<AdlRank> ranks, IAnsiConsole console)
    {
        console.Write(new Rule("[bold]ADL queue[/] · per instrument and side, first to be deleveraged on top").LeftJustified());
        foreach (var queue in ranks.GroupBy(r => (r.InstrumentId, r.Side)))
        {
            var table = new Table().Title($"{Markup.Escape(queue.Key.InstrumentId)} {queue.Key.Side}s").AddColumns("rank", "account", "PnL %", "eff. leverage", "score", "quantile", "indicator");
            foreach (var r in queue)
            {
                table.AddRow(r.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.AccountId), r.PnlPercent.ToString("+0.00%;-0.00%;0%", CultureInfo.InvariantCulture),
                    r.EffectiveLeverage.ToString("0.##", CultureInfo.InvariantCulture), r.Score.ToString("0.####", CultureInfo.InvariantCulture),
                    r.Quantile.ToString("0%", CultureInfo.InvariantCulture), $"[{(r.Bucket >= 4 ? "red" : r.Bucket == 3 ? "yellow" : "green")}]{new string('■', r.Bucket)}{new string('□', 5 - r.Bucket)}[/]");
            }

            RightAlign(table, 2);
            console.Write(table);
        }

        console.MarkupLine("[grey]Score: PnL% x effective leverage in profit, PnL% / effective leverage at a loss (docs/methodology.md §ADL); five lights = top fifth.[/]");
    }

    private static string Action(LiquidationAction action) => action switch
    {
        LiquidationAction.CancelOrders => "cancel orders",
        LiquidationAction.RepayBorrow => "repay borrow",
        LiquidationAction.ReducePosition => "reduce",
        LiquidationAction.StepDownTier => "step down tier",
        _ => "take over at bankruptcy",
    };

    private static string Ratio(decimal? ratio) => ratio is { } r ? r.ToString("0.####", CultureInfo.InvariantCulture) : "-";
}
