using System.Globalization;
using MarginEngine.Results;
using ScottPlot;

namespace MarginEngine.Charts;

/// <summary>What every chart shares: the file format from the extension, the method colours, money on the axes.</summary>
internal static class Output
{
    /// <summary>Saves a figure as PNG, or as SVG through Skia's SVG canvas.</summary>
    public static void Save(Multiplot figure, string path, int width, int height)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (width < 200 || height < 150)
            throw new ArgumentException($"a chart needs at least 200 x 150 pixels, not {width} x {height}");
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".png":
                figure.SavePng(path, width, height);
                break;
            case ".svg":
                using (var stream = File.Create(path))
                {
                    using var canvas = SkiaSharp.SKSvgCanvas.Create(new SkiaSharp.SKRect(0, 0, width, height), stream);
                    figure.Render(canvas, new PixelRect(0, width, height, 0));
                }

                break;
            default:
                throw new ArgumentException($"{path}: a chart is saved as .png or .svg", nameof(path));
        }
    }

    /// <summary>A single plot as a figure.</summary>
    public static void Save(Plot plot, string path, int width, int height)
    {
        var figure = new Multiplot();
        figure.AddPlot(plot);
        figure.RemovePlot(figure.GetPlot(0));
        Save(figure, path, width, height);
    }

    /// <summary>Moves as signed percentages on the horizontal axis.</summary>
    public static void MoveAxis(Plot plot) =>
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture) };

    /// <summary>Money in k / M / B on the vertical axis.</summary>
    public static void MoneyAxis(Plot plot) =>
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Money };

    /// <summary>Isolated blue, cross orange, portfolio green (colour-blind safe, Okabe-Ito).</summary>
    public static Color MethodColor(MarginMethod method) => method switch
    {
        MarginMethod.Isolated => Color.FromHex("#0072B2"),
        MarginMethod.Cross => Color.FromHex("#E69F00"),
        _ => Color.FromHex("#009E73"),
    };

    /// <summary>1,234,567 as "1.23M", 12,345 as "12.3k".</summary>
    public static string Money(double value)
    {
        var a = Math.Abs(value);
        return a >= 1e9 ? (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "B"
            : a >= 1e6 ? (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M"
            : a >= 1e3 ? (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k"
            : value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
