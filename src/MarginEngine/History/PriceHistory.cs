using System.Collections.Frozen;
using System.Collections.Immutable;
using MarginEngine.Errors;
using NodaTime;

namespace MarginEngine.History;

/// <summary>Daily closing prices of several underlyings on common dates, oldest first; every price finite and positive.</summary>
public sealed class PriceHistory
{
    private readonly FrozenDictionary<string, ImmutableArray<double>> _prices;

    /// <summary>Creates a history, checking strictly increasing dates and one finite positive price per date and underlying.</summary>
    /// <exception cref="InvalidMarginInputException">Fewer than two dates, unsorted dates, a ragged series or a bad price.</exception>
    public PriceHistory(IReadOnlyList<LocalDate> dates, IReadOnlyDictionary<string, IReadOnlyList<double>> prices)
    {
        if (dates.Count < 2)
            throw new InvalidMarginInputException("history.dates", "needs at least two dates");
        for (var i = 1; i < dates.Count; i++)
        {
            if (dates[i] <= dates[i - 1])
                throw new InvalidMarginInputException($"history.dates[{i}]", $"dates must increase but {dates[i]} follows {dates[i - 1]}");
        }

        var series = new Dictionary<string, ImmutableArray<double>>(StringComparer.Ordinal);
        foreach (var (id, values) in prices)
        {
            if (values.Count != dates.Count)
                throw new InvalidMarginInputException($"history[{id}]", $"has {values.Count} prices for {dates.Count} dates");
            for (var i = 0; i < values.Count; i++)
                Numerics.Limits.Price(values[i], $"history[{id}][{dates[i]}]");
            series[id] = [.. values];
        }

        Dates = [.. dates];
        _prices = series.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Dates, oldest first.</summary>
    public ImmutableArray<LocalDate> Dates { get; }

    /// <summary>Underlyings with a series.</summary>
    public IEnumerable<string> Underlyings => _prices.Keys;

    /// <summary>Relative move of <paramref name="underlying"/> from <paramref name="horizonDays"/> rows earlier to row <paramref name="row"/>.</summary>
    /// <exception cref="MissingMarketDataException">No series for the underlying.</exception>
    public double Return(string underlying, int row, int horizonDays)
    {
        var series = _prices.TryGetValue(underlying, out var s) ? s : throw new MissingMarketDataException("price history", underlying);
        return series[row] / series[row - horizonDays] - 1;
    }
}
