using MarginEngine.Errors;

namespace MarginEngine.Portfolio;

/// <summary>
/// The add-ons of a risk unit; each null one is switched off (docs/methodology.md §Add-ons).
/// Deltas are in coins (USD delta / index); amounts are computed in USD and converted to the unit's currency.
/// </summary>
/// <param name="RollShock">Futures roll: per expiry, |net delta| x index x max(exp(rate x T) - 1, floor); perpetuals floor only.</param>
/// <param name="DeltaShock">Liquidity: on |net delta| above a USD threshold, capped.</param>
/// <param name="ShortOptionContingency">Rate x naked short coins per (expiry, strike, right) x index.</param>
/// <param name="FuturesContingency">Rate x Σ |perpetual and future coins| x index.</param>
/// <param name="MinimumDeltaCharge">Floor (net rate x |net delta| + hedged rate x hedged delta) x index, hedged = (gross - |net|) / 2 (Paradex).</param>
/// <param name="ShortOptionMinimum">SPAN: floor of rate x short option coins x index.</param>
public sealed record AddOnParameters(
    RollShockParameters? RollShock = null,
    DeltaShockParameters? DeltaShock = null,
    double? ShortOptionContingency = null,
    double? FuturesContingency = null,
    MinimumDeltaChargeParameters? MinimumDeltaCharge = null,
    double? ShortOptionMinimum = null)
{
    /// <summary>No add-on.</summary>
    public static AddOnParameters None { get; } = new();

    /// <summary>Checks every rate lies in [0, 1].</summary>
    internal AddOnParameters Validated(string field)
    {
        Rate(ShortOptionContingency, $"{field}.shortOptionContingency");
        Rate(FuturesContingency, $"{field}.futuresContingency");
        Rate(ShortOptionMinimum, $"{field}.shortOptionMinimum");
        return this;
    }

    internal static double? Rate(double? value, string field) =>
        value is { } v && !(double.IsFinite(v) && v >= 0 && v <= 1)
            ? throw new InvalidMarginInputException(field, $"must be in [0, 1] but was {Guard.Show(v)}")
            : value;
}

/// <summary>Roll shock: per expiry, |net delta| x index x max(exp(<paramref name="AnnualisedMoveRisk"/> x T) - 1, <paramref name="MinAnnualisedMove"/>).</summary>
public sealed record RollShockParameters(double AnnualisedMoveRisk, double MinAnnualisedMove);

/// <summary>Delta (liquidity) shock: min(<paramref name="MaxFraction"/> x |Δ| x index, <paramref name="Rate"/> x max(0, |Δ| x index - <paramref name="ThresholdUsd"/>)).</summary>
public sealed record DeltaShockParameters(double ThresholdUsd, double Rate, double MaxFraction);

/// <summary>Minimum delta charge (Paradex): (<paramref name="NetRate"/> x |net delta| + <paramref name="HedgedRate"/> x hedged delta) x index.</summary>
public sealed record MinimumDeltaChargeParameters(double NetRate, double HedgedRate);
