using MarginEngine.Profiles;

namespace MarginEngine.Options;

/// <summary>
/// Standard margin of a short option per coin of underlying, all prices in USD
/// (docs/methodology.md §Options; Bybit's published formula). Long options need their premium only.
/// </summary>
public static class StandardOptionMargin
{
    /// <summary><c>MM = max(r x I, r x M) + M + fee x I</c> per coin.</summary>
    /// <param name="index">Underlying index I.</param>
    /// <param name="mark">Option mark M, USD per coin.</param>
    /// <param name="rates">Profile rates.</param>
    public static decimal ShortMaintenance(decimal index, decimal mark, OptionMarginRates rates) =>
        Math.Max(rates.MaintenanceRate * index, rates.MaintenanceRate * mark) + mark + rates.FeeRate * index;

    /// <summary><c>IM = max(max(r_i x I - OTM, r_f x I) + P, MM)</c> per coin, P = max(E, M) or M by <see cref="OptionMarginRates.PremiumBasis"/>.</summary>
    /// <param name="index">Underlying index I.</param>
    /// <param name="mark">Option mark M, USD per coin.</param>
    /// <param name="entry">Entry (or order limit) price E, USD per coin.</param>
    /// <param name="outOfTheMoney">OTM amount per coin: call max(0, K - I), put max(0, I - K).</param>
    /// <param name="rates">Profile rates.</param>
    public static decimal ShortInitial(decimal index, decimal mark, decimal entry, decimal outOfTheMoney, OptionMarginRates rates) =>
        Math.Max(
            Math.Max(rates.InitialRate * index - outOfTheMoney, rates.InitialFloorRate * index)
                + (rates.PremiumBasis == OptionPremiumBasis.Mark ? mark : Math.Max(entry, mark)),
            ShortMaintenance(index, mark, rates));
}
