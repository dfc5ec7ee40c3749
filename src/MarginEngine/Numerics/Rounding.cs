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

    /// <summary>Decimal places of prices (liquidation, bankruptcy) in reports.</summary>
    public const int PriceDecimals = 4;

    /// <summary>A requirement (IM, MM, fee, add-on): rounded up to the cent.</summary>
    public static decimal Requirement(decimal usd) => usd.Scale <= UsdDecimals ? usd : Math.Round(usd, UsdDecimals, MidpointRounding.ToPositiveInfinity);

    /// <summary>A value (collateral, equity, P&amp;L, available balance): rounded down to the cent.</summary>
    public static decimal Value(decimal usd) => usd.Scale <= UsdDecimals ? usd : Math.Round(usd, UsdDecimals, MidpointRounding.ToNegativeInfinity);

    /// <summary>A margin ratio (MM / equity): rounded up.</summary>
    public static decimal Ratio(decimal ratio) => Math.Round(ratio, RatioDecimals, MidpointRounding.ToPositiveInfinity);

    /// <summary>A liquidation price, rounded toward the mark: up for a long (<paramref name="side"/> +1), down for a short.</summary>
    public static decimal LiquidationPrice(decimal price, int side) =>
        Math.Round(price, PriceDecimals, side > 0 ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity);

    /// <summary>Converts a market value (double) to decimal at the edge between pricing and reconciled amounts.</summary>
    public static decimal ToDecimal(double value) => (decimal)value;
}
