using MarginEngine.Errors;

namespace MarginEngine.Brackets;

/// <summary>
/// Margin rates that grow with the position's size in coins (Deribit standard margin,
/// docs/methodology.md §Size-scaled margin): <c>IM rate = InitialRate + RatePerCoin x size</c>,
/// <c>MM rate = MaintenanceRate + RatePerCoin x size</c>, size = |quantity| in coins (for an inverse
/// contract, its notional in coin at the mark). E.g. BTC 2% / 1% + 0.005% per BTC: 25 BTC need IM
/// 2.125% and MM 1.125% of notional.
/// </summary>
public sealed record SizeScaledMargin
{
    /// <summary>Creates the rule.</summary>
    /// <exception cref="InvalidMarginInputException">A rate outside [0, 1) or an MM rate above the IM rate.</exception>
    public SizeScaledMargin(decimal initialRate, decimal maintenanceRate, decimal ratePerCoin)
    {
        InitialRate = Guard.InRange(initialRate, 0m, 0.99m, "sizeScaled.initialRate");
        MaintenanceRate = Guard.InRange(maintenanceRate, 0m, initialRate, "sizeScaled.maintenanceRate");
        RatePerCoin = Guard.InRange(ratePerCoin, 0m, 1m, "sizeScaled.ratePerCoin");
        if (InitialRate == 0m)
            throw new InvalidMarginInputException("sizeScaled.initialRate", "must be above 0");
    }

    /// <summary>IM rate of a position of size zero.</summary>
    public decimal InitialRate { get; }

    /// <summary>MM rate of a position of size zero.</summary>
    public decimal MaintenanceRate { get; }

    /// <summary>Rate added to both per coin of position.</summary>
    public decimal RatePerCoin { get; }

    /// <summary>
    /// The one-bracket schedule equivalent to the rule at <paramref name="sizeInCoins"/>: MMR and
    /// 1 / max leverage are the scaled rates, cum 0.
    /// </summary>
    /// <exception cref="InvalidMarginInputException">The size pushes the IM rate to 100% or more.</exception>
    public BracketSchedule AtSize(decimal sizeInCoins, string field)
    {
        Guard.NonNegative(sizeInCoins, field);
        var initial = InitialRate + RatePerCoin * sizeInCoins;
        if (initial >= 1m)
            throw new InvalidMarginInputException(field,
                $"a position of {Guard.Show(sizeInCoins)} coins takes the size-scaled IM rate to {Guard.Show(initial)}, at or above 100%");
        var tier = new BracketTier(0m, null, 1m / initial, MaintenanceRate + RatePerCoin * sizeInCoins);
        return BracketSchedule.Create([tier], field);
    }
}
