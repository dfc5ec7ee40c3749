using MarginEngine.Results;
using MarginEngine.Scenarios;
using Spectre.Console;
using static MarginEngine.Cli.ReportTables;

namespace MarginEngine.Cli;

/// <summary>Renders a portfolio result: per risk unit, the coloured risk matrix, the far scenarios, add-ons and each leg's cost.</summary>
internal static class PortfolioTables
{
    public static void Render(PortfolioMarginResult result, IReadOnlyList<Attribution.LegCost> costs, IAnsiConsole console)
    {
        foreach (var unit in result.Units)
            RenderUnit(unit, costs.Where(c => c.Underlying == unit.Underlying).ToDictionary(c => c.Id), console);
        console.MarkupLine($"[bold]Portfolio:[/] Σ unit risk-matrix margin {Amount(result.RiskMatrixMarginUsd)} USD, cross-unit offset ({result.Aggregation}) {Amount(result.CrossUnitOffsetUsd)} USD.");
    }

    private static void RenderUnit(RiskUnitMargin unit, IReadOnlyDictionary<string, Attribution.LegCost> costs, IAnsiConsole console)
    {
        var currency = unit.Currency == Scenarios.UnitCurrency.Usd ? "USD" : unit.Underlying;
        console.Write(new Rule($"[bold]{unit.Underlying}[/] risk unit · index {Amount(unit.IndexPrice)} · amounts in {currency}").LeftJustified());

        var standard = unit.Scenarios.Where(s => s.Scenario.Kind == ScenarioKind.Standard).ToList();
        var vols = standard.Select(s => s.Scenario.Vol).Distinct().ToList();
        var worstLoss = Math.Max(unit.WorstCaseLoss, 1e-12);
        var grid = new Table().Title("Risk matrix (counted P&L)").AddColumn("move");
        foreach (var vol in vols)
            grid.AddColumn(new TableColumn(VolName(vol)).RightAligned());
        foreach (var move in standard.Select(s => s.Scenario.PriceMove).Distinct())
        {
            grid.AddRow([Percent(move), .. vols.Select(v => Cell(standard.First(s => s.Scenario.PriceMove == move && s.Scenario.Vol == v), unit, worstLoss))]);
        }

        var far = unit.Scenarios.Where(s => s.Scenario.Kind != ScenarioKind.Standard).ToList();
        var farTable = new Table().Title("Far scenarios").AddColumns("table", "move", "vol", "weight", "counted P&L");
        foreach (var s in far)
            farTable.AddRow(s.Scenario.Kind.ToString().ToLowerInvariant(), Percent(s.Scenario.PriceMove), VolName(s.Scenario.Vol), s.Scenario.Weight.ToString("0.####"), Cell(s, unit, worstLoss));
        ReportTables.RightAlign(farTable, 1);

        var summary = new Table().Title("Margin").AddColumns("item", currency);
        summary.AddRow("worst case loss", Amount(unit.WorstCaseLoss));
        summary.AddRow("worst scenario", $"{unit.WorstScenario.Scenario.Kind.ToString().ToLowerInvariant()} {Percent(unit.WorstScenario.Scenario.PriceMove)} {VolName(unit.WorstScenario.Scenario.Vol)}");
        foreach (var addOn in unit.AddOns)
            summary.AddRow(addOn.Name, Amount(addOn.Amount));
        summary.AddRow("[bold]risk-matrix margin[/]", $"[bold]{Amount(unit.RiskMatrixMargin)}[/]");
        summary.AddRow("open orders margin", Amount(unit.OpenOrdersMargin));
        summary.AddRow("[yellow]initial margin[/]", $"[yellow]{Amount(unit.InitialMargin)}[/]");
        summary.AddRow("[yellow]maintenance margin[/]", $"[yellow]{Amount(unit.MaintenanceMargin)}[/]");
        summary.AddRow("net delta (coins)", unit.NetDelta.ToString("0.####"));
        ReportTables.RightAlign(summary, 1);

        var legs = new Table().Title("What each leg costs (USD; IM shares sum to the unit's IM)")
            .AddColumns($"leg", $"worst-scenario P&L ({currency})", "worst-loss share", "add-on share", "IM share", "marginal IM");
        foreach (var c in unit.Contributions.Take(ReportTables.ShortListLength))
        {
            var cost = costs.GetValueOrDefault(c.Id);
            legs.AddRow(Markup.Escape(c.Id), c.PnL < 0 ? $"[red]{Amount(c.PnL)}[/]" : $"[green]{Amount(c.PnL)}[/]",
                cost is null ? "" : Amount(cost.WorstScenarioShare), cost is null ? "" : Amount(cost.AddOnShare),
                cost is null ? "" : $"[yellow]{Amount(cost.InitialMargin)}[/]", cost?.MarginalInitialMargin is { } m ? Amount(m) : "-");
        }

        if (unit.Contributions.Length > ReportTables.ShortListLength)
            legs.AddRow($"[grey]... {unit.Contributions.Length - ReportTables.ShortListLength:N0} more (every leg in --json)[/]", "", "", "", "", "");
        if (costs.GetValueOrDefault($"orders:{unit.Underlying}") is { } orders)
            legs.AddRow("resting orders", "", "", "", $"[yellow]{Amount(orders.InitialMargin)}[/]", "-");
        ReportTables.RightAlign(legs, 1);

        console.Write(new Columns(grid, summary));
        if (far.Count > 0)
            console.Write(farTable);
        console.Write(legs);
    }

    private static string Cell(ScenarioPnl s, RiskUnitMargin unit, double worstLoss)
    {
        var text = Amount(s.PnL);
        if (s == unit.WorstScenario && unit.WorstCaseLoss > 0)
            return $"[bold white on red]{text}[/]";
        if (s.PnL >= 0)
            return $"[green]{text}[/]";
        var share = -s.PnL / worstLoss;
        return share > 0.66 ? $"[red]{text}[/]" : share > 0.33 ? $"[darkorange]{text}[/]" : $"[yellow]{text}[/]";
    }
}
