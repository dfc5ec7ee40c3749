using MarginEngine.Cliff;
using ScottPlot;

namespace MarginEngine.Charts;

/// <summary>
/// The margin cliff as a picture, two panels sharing the move axis: above, equity (solid), MM (dashed) and IM (dotted)
/// per method; below, the headroom (the pool's balance less its MM; under isolated margin the tightest position's) with the
/// liquidation line at 0 and each liquidation point marked and named in the legend.
/// </summary>
public static class CliffChart
{
    /// <summary>Draws <paramref name="results"/> and saves them to <paramref name="path"/> (.png or .svg).</summary>
    /// <exception cref="ArgumentException">No results, or a file that is neither .png nor .svg.</exception>
    public static void Save(IReadOnlyList<CliffResult> results, string path, int width = 1300, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
            throw new ArgumentException("a cliff chart needs at least one sweep", nameof(results));
        var figure = new Multiplot();
        var levels = figure.AddPlot();
        var headroom = figure.AddPlot();
        figure.RemovePlot(figure.GetPlot(0));
        Levels(levels, results);
        Headroom(headroom, results);
        figure.SharedAxes.ShareX([levels, headroom]);
        // The same data area in both panels, the legends in the right margin, so the move axes line up.
        foreach (var plot in new[] { levels, headroom })
            plot.Layout.Fixed(new PixelPadding(90, 370, 55, 40));
        Output.Save(figure, path, width, height);
    }

    private static void Levels(Plot plot, IReadOnlyList<CliffResult> results)
    {
        plot.Title($"Margin cliff: {results[0].Shock} (profile {results[0].Profile})");
        plot.YLabel("USD");
        Output.MoveAxis(plot);
        Output.MoneyAxis(plot);
        foreach (var result in results)
        {
            var color = Output.MethodColor(result.Method);
            var moves = result.Points.Select(p => p.Move).ToArray();
            Line(plot, moves, result.Points.Select(p => (double)p.Equity), color, LinePattern.Solid, 2.5f, $"{result.Method} equity");
            Line(plot, moves, result.Points.Select(p => (double)p.MaintenanceMargin), color, LinePattern.Dashed, 2f, $"{result.Method} MM");
            Line(plot, moves, result.Points.Select(p => (double)p.InitialMargin), color, LinePattern.Dotted, 1.5f, $"{result.Method} IM");
        }

        plot.ShowLegend(Edge.Right);
    }

    private static void Headroom(Plot plot, IReadOnlyList<CliffResult> results)
    {
        plot.Title("Headroom to liquidation: pool balance - pool MM (isolated: the tightest position)");
        plot.XLabel("price move");
        plot.YLabel("USD");
        Output.MoveAxis(plot);
        Output.MoneyAxis(plot);
        var zero = plot.Add.HorizontalLine(0);
        zero.LineColor = Colors.Red.WithAlpha(0.6);
        zero.LineWidth = 1.5f;
        zero.LegendText = "liquidation (headroom 0)";
        foreach (var result in results)
        {
            var color = Output.MethodColor(result.Method);
            var moves = result.Points.Select(p => p.Move).ToArray();
            Line(plot, moves, result.Points.Select(p => p.Headroom), color, LinePattern.Solid, 2.5f, $"{result.Method} headroom");
            foreach (var point in new[] { result.Down, result.Up })
            {
                if (point is null || point.Move < moves[0] || point.Move > moves[^1])
                    continue;
                var marker = plot.Add.Marker(point.Move, 0);
                marker.Color = color;
                marker.Size = 13;
                marker.Shape = MarkerShape.FilledDiamond;
                marker.LegendText = $"{result.Method} liquidation at {point.Move:+0.0#%;-0.0#%} ({point.Binding})";
                var line = plot.Add.VerticalLine(point.Move);
                line.LineColor = color.WithAlpha(0.45);
                line.LinePattern = LinePattern.Dashed;
                line.LineWidth = 1;
            }
        }

        plot.ShowLegend(Edge.Right);
    }

    private static void Line(Plot plot, double[] xs, IEnumerable<double> ys, Color color, LinePattern pattern, float width, string label)
    {
        var line = plot.Add.ScatterLine(xs, ys.ToArray());
        line.Color = color;
        line.LinePattern = pattern;
        line.LineWidth = width;
        line.LegendText = label;
    }
}
