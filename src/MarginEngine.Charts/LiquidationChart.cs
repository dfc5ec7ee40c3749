using MarginEngine.Liquidation;
using ScottPlot;

namespace MarginEngine.Charts;

/// <summary>
/// Liquidation plans as a picture: the pool's margin ratio before and after each step, one line per method whose pool
/// carries MM, with the liquidation line (1) and the plan's target.
/// </summary>
public static class LiquidationChart
{
    /// <summary>Draws <paramref name="plans"/> and saves them to <paramref name="path"/> (.png or .svg).</summary>
    /// <exception cref="ArgumentException">No plans, or a file that is neither .png nor .svg.</exception>
    public static void Save(IReadOnlyList<LiquidationPlan> plans, string path, int width = 1100, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(plans);
        if (plans.Count == 0)
            throw new ArgumentException("a liquidation chart needs at least one plan", nameof(plans));
        var plot = new Plot();
        plot.Title("Liquidation plan: pool margin ratio (MM / balance) after each step");
        plot.XLabel("step (0 = before)");
        plot.YLabel("margin ratio");
        var liquidation = plot.Add.HorizontalLine(1);
        liquidation.LineColor = Colors.Red;
        liquidation.LegendText = "liquidation (1)";
        var target = plot.Add.HorizontalLine((double)plans[0].TargetRatio);
        target.LineColor = Colors.Green;
        target.LinePattern = LinePattern.Dashed;
        target.LegendText = $"target ({plans[0].TargetRatio})";
        // Plans whose pool carries no MM (isolated margin: every step is an own-margin position's) have no ratio to draw.
        var drawn = plans.Where(p => p.RatioBefore is > 0m).ToArray();
        foreach (var plan in drawn)
        {
            var ratios = new List<double> { (double)(plan.RatioBefore ?? 0) };
            ratios.AddRange(plan.Steps.Select(s => (double)(s.MarginRatio ?? 0)));
            var line = plot.Add.Scatter(Enumerable.Range(0, ratios.Count).Select(i => (double)i).ToArray(), ratios.ToArray());
            line.Color = Output.MethodColor(plan.Method);
            line.LineWidth = 2.5f;
            line.MarkerSize = 9;
            line.LegendText = $"{plan.Method}: {plan.Status}, {plan.Steps.Length} step(s)";
            foreach (var step in plan.Steps)
            {
                var label = plot.Add.Text($"{Name(step.Action)} {step.Target}", step.Number, (double)(step.MarginRatio ?? 0));
                label.LabelFontSize = 11;
                label.LabelFontColor = Output.MethodColor(plan.Method);
                label.LabelAlignment = Alignment.LowerLeft;
                label.OffsetY = -6;
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        var steps = drawn.Select(p => p.Steps.Length).DefaultIfEmpty(1).Max();
        var top = drawn.Select(p => (double)(p.RatioBefore ?? 1)).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimits(-0.3, steps + 1.2, 0, Math.Max(1.15, top * 1.1));
        plot.ShowLegend(Alignment.UpperRight);
        Output.Save(plot, path, width, height);
    }

    private static string Name(LiquidationAction action) => action switch
    {
        LiquidationAction.CancelOrders => "cancel",
        LiquidationAction.RepayBorrow => "repay",
        LiquidationAction.ReducePosition => "reduce",
        LiquidationAction.StepDownTier => "step down",
        _ => "take over",
    };
}
