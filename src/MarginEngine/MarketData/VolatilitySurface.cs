using System.Collections.Immutable;
using MarginEngine.Errors;
using MarginEngine.Pricing;
using NodaTime;

namespace MarginEngine.MarketData;

/// <summary>
/// Implied volatility of one underlying by expiry x moneyness (strike / forward). Between expiries:
/// linear in total variance σ²T; between moneyness points: linear in vol; outside the grid: flat
/// (docs/methodology.md §Volatility).
/// </summary>
public sealed class VolatilitySurface
{
    /// <summary>Creates a surface, checking sorted unique axes and finite positive vols.</summary>
    /// <param name="underlying">Asset id, e.g. <c>BTC</c>.</param>
    /// <param name="expiries">Expiry instants, strictly increasing.</param>
    /// <param name="moneyness">Strike / forward points, strictly increasing, &gt; 0.</param>
    /// <param name="volatilities">One row per expiry, one vol per moneyness point.</param>
    /// <exception cref="InvalidMarginInputException">Unsorted axes, a ragged grid, or a vol not finite and positive.</exception>
    public VolatilitySurface(string underlying, IReadOnlyList<Instant> expiries, IReadOnlyList<double> moneyness, IReadOnlyList<IReadOnlyList<double>> volatilities)
    {
        Underlying = Guard.Id(underlying, "volatilitySurfaces.underlying");
        var field = $"volatilitySurfaces[{underlying}]";
        if (expiries.Count == 0 || moneyness.Count == 0)
            throw new InvalidMarginInputException(field, "needs at least one expiry and one moneyness point");
        for (var i = 1; i < expiries.Count; i++)
        {
            if (expiries[i] <= expiries[i - 1])
                throw new InvalidMarginInputException($"{field}.expiries[{i}]", "expiries must be strictly increasing");
        }

        for (var j = 0; j < moneyness.Count; j++)
        {
            Guard.FinitePositive(moneyness[j], $"{field}.moneyness[{j}]");
            if (j > 0 && moneyness[j] <= moneyness[j - 1])
                throw new InvalidMarginInputException($"{field}.moneyness[{j}]", "moneyness must be strictly increasing");
        }

        if (volatilities.Count != expiries.Count)
            throw new InvalidMarginInputException($"{field}.volatilities", $"needs {expiries.Count} rows (one per expiry) but has {volatilities.Count}");
        for (var i = 0; i < volatilities.Count; i++)
        {
            if (volatilities[i].Count != moneyness.Count)
                throw new InvalidMarginInputException($"{field}.volatilities[{i}]", $"needs {moneyness.Count} values but has {volatilities[i].Count}");
            for (var j = 0; j < moneyness.Count; j++)
                Guard.FinitePositive(volatilities[i][j], $"{field}.volatilities[{i}][{j}]");
        }

        Expiries = [.. expiries];
        Moneyness = [.. moneyness];
        Volatilities = [.. volatilities.Select(row => row.ToImmutableArray())];
    }

    /// <summary>Underlying asset id.</summary>
    public string Underlying { get; }

    /// <summary>Expiry axis.</summary>
    public ImmutableArray<Instant> Expiries { get; }

    /// <summary>Moneyness (strike / forward) axis.</summary>
    public ImmutableArray<double> Moneyness { get; }

    /// <summary>Vols, one row per expiry.</summary>
    public ImmutableArray<ImmutableArray<double>> Volatilities { get; }

    /// <summary>The surface with every vol raised by <paramref name="points"/> (0.05 = 5 vol points), kept positive.</summary>
    public VolatilitySurface Raised(double points) =>
        new(Underlying, Expiries, Moneyness, [.. Volatilities.Select(row => (IReadOnlyList<double>)[.. row.Select(v => Raise(v, points))])]);

    /// <summary>A vol raised by <paramref name="points"/>, kept inside (0, the largest vol a snapshot takes].</summary>
    internal static double Raise(double vol, double points) => Math.Clamp(vol + points, 1e-4, Numerics.Limits.MaxVolatility);

    /// <summary>Vol for an option expiring at <paramref name="expiry"/> with strike / forward = <paramref name="moneyness"/>, seen at <paramref name="now"/>.</summary>
    public double Volatility(Instant now, Instant expiry, double moneyness)
    {
        var i = 0;
        while (i < Expiries.Length && Expiries[i] < expiry)
            i++;
        if (i == 0)
            return Smile(0, moneyness);
        if (i == Expiries.Length)
            return Smile(Expiries.Length - 1, moneyness);
        if (Expiries[i] == expiry)
            return Smile(i, moneyness);

        var t = YearFraction.Between(now, expiry);
        var t0 = YearFraction.Between(now, Expiries[i - 1]);
        var t1 = YearFraction.Between(now, Expiries[i]);
        var v0 = Smile(i - 1, moneyness);
        var v1 = Smile(i, moneyness);
        if (t0 <= 0)
            return v1;
        var w = v0 * v0 * t0 + (v1 * v1 * t1 - v0 * v0 * t0) * (t - t0) / (t1 - t0);
        return Math.Sqrt(w / t);
    }

    private double Smile(int row, double moneyness)
    {
        var vols = Volatilities[row];
        if (moneyness <= Moneyness[0])
            return vols[0];
        if (moneyness >= Moneyness[^1])
            return vols[^1];
        var j = 1;
        while (Moneyness[j] < moneyness)
            j++;
        var weight = (moneyness - Moneyness[j - 1]) / (Moneyness[j] - Moneyness[j - 1]);
        return vols[j - 1] + weight * (vols[j] - vols[j - 1]);
    }
}
