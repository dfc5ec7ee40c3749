namespace MarginEngine.Numerics;

/// <summary>
/// The one rounding step of every report (docs/numerics.md): requirements up, values down, so a
/// rounded report never shows more room than the exact figures.
/// </summary>
public static class Rounding
{
    /// <summary>Decimal places of USD amounts in reports.</summary>
    public const int UsdDecimals = 2;

    /// <summary>Decimal places of ratios in reports.</summary>
    public const int RatioDecimals = 6;

    /// <summary>Fewest decimal places of a price (liquidation, bankruptcy) without a tick size.</summary>
    public const int PriceDecimals = 4;

    /// <summary>Significant digits of a price without a tick size: a coin marked at 0.00001 keeps its digits.</summary>
    public const int PriceSignificantDigits = 8;

    /// <summary>
    /// Significant digits kept before the cent rule: a non-terminating division multiplied back
    /// (1 / (1 / r), an inverse notional) leaves a residue in decimal's 28th digit that must not move a cent.
    /// </summary>
    public const int SignificantDigits = 20;

    /// <summary>A requirement (IM, MM, fee, add-on): to <see cref="SignificantDigits"/> digits, then up to the cent.</summary>
    public static decimal Requirement(decimal usd) => usd.Scale <= UsdDecimals ? usd : Math.Round(Significant(usd), UsdDecimals, MidpointRounding.ToPositiveInfinity);

    /// <summary>A value (collateral, equity, P&amp;L, available balance): to <see cref="SignificantDigits"/> digits, then down to the cent.</summary>
    public static decimal Value(decimal usd) => usd.Scale <= UsdDecimals ? usd : Math.Round(Significant(usd), UsdDecimals, MidpointRounding.ToNegativeInfinity);

    /// <summary>A requirement in an asset of <paramref name="decimals"/> places (a coin's precision): to <see cref="SignificantDigits"/> digits, then up.</summary>
    public static decimal RequirementIn(decimal amount, int decimals) =>
        amount.Scale <= decimals ? amount : Math.Round(Significant(amount), decimals, MidpointRounding.ToPositiveInfinity);

    /// <summary><paramref name="x"/> rounded half-even to <see cref="SignificantDigits"/> significant digits.</summary>
    public static decimal Significant(decimal x)
    {
        var abs = Math.Abs(x);
        if (abs == 0m)
            return x;
        var integerDigits = 0;
        for (var t = decimal.Truncate(abs); t >= 1m; t = decimal.Truncate(t / 10m))
            integerDigits++;
        for (var t = abs; integerDigits <= 0 && t < 0.1m; t *= 10m)
            integerDigits--;
        var decimals = SignificantDigits - integerDigits;
        return decimals >= 28 ? x : Math.Round(x, Math.Max(0, decimals), MidpointRounding.ToEven);
    }

    /// <summary>A margin ratio (MM / equity): rounded up.</summary>
    public static decimal Ratio(decimal ratio) => Math.Round(ratio, RatioDecimals, MidpointRounding.ToPositiveInfinity);

    /// <summary>
    /// A liquidation or bankruptcy price, rounded toward the mark (up for a long, <paramref name="side"/> +1;
    /// down for a short): to a multiple of <paramref name="tickSize"/> when the instrument has one, else to
    /// <see cref="PriceSignificantDigits"/> significant digits and at least <see cref="PriceDecimals"/> places.
    /// </summary>
    public static decimal LiquidationPrice(decimal price, int side, decimal? tickSize = null)
    {
        if (tickSize is { } tick)
        {
            var ticks = price / tick;
            return (side > 0 ? decimal.Ceiling(Significant(ticks)) : decimal.Floor(Significant(ticks))) * tick;
        }

        var integerDigits = 0;
        for (var t = decimal.Truncate(Math.Abs(price)); t >= 1m; t = decimal.Truncate(t / 10m))
            integerDigits++;
        for (var t = Math.Abs(price); integerDigits <= 0 && t > 0m && t < 0.1m; t *= 10m)
            integerDigits--;
        var decimals = Math.Clamp(PriceSignificantDigits - integerDigits, PriceDecimals, 28);
        return Math.Round(price, decimals, side > 0 ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity);
    }

    /// <summary>Converts a market value (double) to decimal at the edge between pricing and reconciled amounts.</summary>
    /// <exception cref="Errors.InvalidMarginInputException">A value that is not finite or is beyond decimal's range: a figure no input in range can give.</exception>
    public static decimal ToDecimal(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 7.9e28
            ? (decimal)value
            : throw new Errors.InvalidMarginInputException("figures", $"a computed figure of {Errors.Guard.Show(value)} is beyond the representable range: check the parameters' magnitudes");
}
