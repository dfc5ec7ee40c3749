using System.Globalization;
using MarginEngine.Attribution;
using MarginEngine.Results;
using MarginEngine.Scenarios;
using ScottPlot;

namespace MarginEngine.Charts;

/// <summary>
/// A portfolio result as pictures, two panels per risk unit: its risk matrix (price move x vol state, counted P&amp;L,
/// losses red in proportion to the worst, the worst cell outlined) and what each leg costs (its additive IM share, split
/// into its worst-scenario part and its add-on part, with its marginal IM marked).
/// </summary>
public static class PortfolioChart
{
    /// <summary>Legs drawn per unit, largest IM share first; the rest are summed into one bar.</summary>
    public const int MaxLegs = 25;

    /// <summary>Draws <paramref name="result"/> with <paramref name="costs"/> and saves it to <paramref name="path"/> (.png or .svg).</summary>
    /// <exception cref="ArgumentException">No risk unit, or a file that is neither .png nor .svg.</exception>
    public static void Save(PortfolioMarginResult result, IReadOnlyList<LegCost> costs, string path, int width = 1300)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(costs);
        if (result.Units.IsEmpty)
            throw new ArgumentException("a portfolio chart needs at least one risk unit", nameof(result));
        var figure = new Multiplot();
        foreach (var unit in result.Units)
        {
            RiskMatrix(figure.AddPlot(), unit);
            Legs(figure.AddPlot(), unit, [.. costs.Where(c => c.Underlying == unit.Underlying)]);
        }

        figure.RemovePlot(figure.GetPlot(0));
        Output.Save(figure, path, width, 520 * 2 * result.Units.Length);
    }

    private static void RiskMatrix(Plot plot, RiskUnitMargin unit)
    {
        var standard = unit.Scenarios.Where(s => s.Scenario.Kind == ScenarioKind.Standard).ToArray();
        var vols = standard.Select(s => (s.Scenario.Vol, s.Scenario.VolFraction)).Distinct().ToArray();
        var moves = standard.Select(s => s.Scenario.PriceMove).Distinct().Order().ToArray();
        var worst = Math.Max(unit.WorstCaseLoss, 1e-12);
        var currency = unit.Currency == Scenarios.UnitCurrency.Usd ? "USD" : unit.Underlying;
        plot.Title($"{unit.Underlying} risk matrix: counted P&L in {currency}; worst case loss {unit.WorstCaseLoss.ToString(unit.WorstCaseLoss < 100 ? "0.####" : "#,0", CultureInfo.InvariantCulture)} {currency} = {Output.Money(unit.WorstCaseLoss * unit.UsdPerUnit)} USD");
        for (var c = 0; c < vols.Length; c++)
        {
            for (var r = 0; r < moves.Length; r++)
            {
                var cell = standard.First(s => s.Scenario.PriceMove == moves[r] && (s.Scenario.Vol, s.Scenario.VolFraction) == vols[c]);
                var box = plot.Add.Rectangle(c, c + 1, r, r + 1);
                box.FillColor = Shade(cell.PnL, worst);
                box.LineColor = Colors.White;
                box.LineWidth = 1;
                var label = plot.Add.Text(Math.Abs(cell.PnL) < 100 ? cell.PnL.ToString("0.####", CultureInfo.InvariantCulture) : Output.Money(cell.PnL), c + 0.5, r + 0.5);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontSize = 11;
                label.LabelFontColor = Colors.Black;
                if (cell == unit.WorstScenario)
                {
                    box.LineColor = Colors.Black;
                    box.LineWidth = 3;
                    label.LabelBold = true;
                }
            }
        }

        plot.Axes.Bottom.SetTicks([.. vols.Select((_, c) => c + 0.5)], [.. vols.Select(VolName)]);
        plot.Axes.Left.SetTicks([.. moves.Select((_, r) => r + 0.5)], [.. moves.Select(m => m.ToString("+0.#%;-0.#%;0%", CultureInfo.InvariantCulture))]);
        plot.XLabel("vol");
        plot.YLabel("price move");
        plot.Axes.SetLimits(0, vols.Length, 0, moves.Length);
        plot.HideGrid();
    }

    private static void Legs(Plot plot, RiskUnitMargin unit, IReadOnlyList<LegCost> costs)
    {
        var shown = costs.OrderByDescending(c => Math.Abs(c.InitialMargin)).Take(MaxLegs).ToList();
        if (costs.Count > shown.Count)
        {
            var rest = costs.Except(shown).ToArray();
            shown.Add(new LegCost($"{rest.Length} more", unit.Underlying, rest.Sum(c => c.InitialMargin), rest.Sum(c => c.MaintenanceMargin),
                null, rest.Sum(c => c.WorstScenarioShare), rest.Sum(c => c.AddOnShare), null));
        }

        shown.Reverse();
        plot.Title($"{unit.Underlying}: what each leg costs (IM shares sum to the unit's IM, {Output.Money(unit.InitialMarginUsd)} USD)");
        // Side by side, not stacked: a hedge's worst-scenario share is negative while its add-on share is positive.
        var worst = plot.Add.Bars(shown.Select((c, i) => new Bar { Position = i + 0.2, Value = c.WorstScenarioShare, Size = 0.38, FillColor = Color.FromHex("#D55E00") }).ToList());
        worst.Horizontal = true;
        worst.LegendText = "worst-scenario share";
        var addOns = plot.Add.Bars(shown.Select((c, i) => new Bar { Position = i - 0.2, Value = c.AddOnShare, Size = 0.38, FillColor = Color.FromHex("#CC79A7") }).ToList());
        addOns.Horizontal = true;
        addOns.LegendText = "add-on share";
        var rows = shown.Select((_, i) => (double)i).ToArray();
        var total = plot.Add.ScatterPoints(shown.Select(c => c.InitialMargin).ToArray(), rows);
        total.MarkerShape = MarkerShape.VerticalBar;
        total.MarkerSize = 26;
        total.MarkerLineWidth = 3;
        total.Color = Colors.Black;
        total.LegendText = "IM share (the two together)";
        var marginal = plot.Add.ScatterPoints(shown.Select(c => c.MarginalInitialMargin ?? double.NaN).ToArray(), rows);
        marginal.MarkerShape = MarkerShape.OpenDiamond;
        marginal.MarkerSize = 12;
        marginal.MarkerLineWidth = 2;
        marginal.Color = Color.FromHex("#0072B2");
        marginal.LegendText = "marginal IM (with - without)";
        plot.Axes.Left.SetTicks([.. shown.Select((_, i) => (double)i)], [.. shown.Select(c => c.Id)]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Output.Money };
        plot.XLabel("USD");
        var zero = plot.Add.VerticalLine(0);
        zero.LineColor = Colors.Black.WithAlpha(0.5);
        zero.LineWidth = 1;
        plot.ShowLegend(Alignment.LowerRight);
    }

    /// <summary>Losses red in proportion to the worst loss, gains a light green.</summary>
    private static Color Shade(double pnl, double worstLoss)
    {
        if (pnl >= 0)
            return Color.FromHex("#D9F0D3");
        var t = Math.Clamp(-pnl / worstLoss, 0, 1);
        return new Color((byte)255, (byte)(235 - 175 * t), (byte)(225 - 185 * t));
    }

    private static string VolName((VolState Vol, double Fraction) level) =>
        (level.Vol switch { VolState.Up => "vol up", VolState.Down => "vol down", _ => "vol same" })
        + (level.Vol != VolState.Same && level.Fraction != 1 ? $" x{level.Fraction.ToString("0.##", CultureInfo.InvariantCulture)}" : "");
}
