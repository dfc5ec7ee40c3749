using MarginEngine.Liquidation;
using ScottPlot;

namespace MarginEngine.Charts;

/// <summary>
/// The ADL queue as a picture, one panel per side: each position at its effective leverage (across) and PnL% (up),
/// coloured by its five-light bucket (red = first to be deleveraged), the first three in line named.
/// </summary>
public static class AdlChart
{
    /// <summary>Draws <paramref name="ranks"/> and saves them to <paramref name="path"/> (.png or .svg).</summary>
    /// <exception cref="ArgumentException">No ranks, or a file that is neither .png nor .svg.</exception>
    public static void Save(IReadOnlyList<AdlRank> ranks, string path, int width = 1300, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Count == 0)
            throw new ArgumentException("an ADL chart needs at least one ranked position", nameof(ranks));
        var figure = new Multiplot();
        foreach (var side in new[] { "long", "short" })
        {
            var plot = figure.AddPlot();
            plot.Title($"ADL queue, {side}s: PnL% against effective leverage");
            plot.XLabel("effective leverage");
            plot.YLabel("PnL %");
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => $"{v:+0.#%;-0.#%;0%}" };
            for (var bucket = 5; bucket >= 1; bucket--)
            {
                var inBucket = ranks.Where(r => r.Side == side && r.Bucket == bucket).ToArray();
                if (inBucket.Length == 0)
                    continue;
                var points = plot.Add.ScatterPoints(inBucket.Select(r => r.EffectiveLeverage).ToArray(), inBucket.Select(r => r.PnlPercent).ToArray());
                points.Color = Bucket(bucket);
                points.MarkerSize = 12;
                points.LegendText = $"{new string('■', bucket)}{new string('□', 5 - bucket)}";
                foreach (var r in inBucket.Where(r => r.Rank <= 3))
                {
                    var label = plot.Add.Text($"#{r.Rank} {r.AccountId}", r.EffectiveLeverage, r.PnlPercent);
                    label.LabelFontSize = 11;
                    label.LabelAlignment = Alignment.LowerLeft;
                    label.OffsetX = 6;
                }
            }

            // Room on the right for the names of the first in line, which sit far out at high leverage.
            plot.Axes.Margins(0.05, 0.2, 0.08, 0.08);
            plot.ShowLegend(Alignment.UpperRight);
        }

        figure.RemovePlot(figure.GetPlot(0));
        Output.Save(figure, path, width, height * 2);
    }

    private static Color Bucket(int bucket) => bucket switch
    {
        5 => Color.FromHex("#D7191C"),
        4 => Color.FromHex("#FDAE61"),
        3 => Color.FromHex("#E6C229"),
        2 => Color.FromHex("#A6D96A"),
        _ => Color.FromHex("#1A9641"),
    };
}
