using MarginEngine.Errors;

namespace MarginEngine.Profiles;

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
/// <param name="ThetaDecayDays">OKX MR2: loss of the options' value over this many days, spot and vol held.</param>
/// <param name="Basis">OKX MR4: rate x |net delta of perpetuals and futures| x index.</param>
/// <param name="MinimumCharge">OKX MR7: rate x |net delta| x index x the multiplier of the size tier.</param>
/// <param name="StablecoinDepeg">OKX MR9: marginal rates on the delta hedged across settlement stablecoins.</param>
/// <param name="ShortOptionNetting">Whether the short-option contingency nets calls and puts of one strike.</param>
/// <param name="FuturesContingencyBasis">Whether the futures contingency is on the gross or the offsetting amount.</param>
/// <param name="GrossOptionContingency">Rate x every option's coins (long and short) x index (Deribit's older method).</param>
/// <param name="Weights">Under <see cref="LossFactors"/>: where each add-on counts (MM, IM, both) and at which weight; unlisted ones count in both in full.</param>
/// <param name="ContingencyPrice">Whether option and futures contingencies are sized at spot or at each leg's forward or mark.</param>
/// <param name="BasisContingency">Derive's basis contingency: a floor under the worst loss, or null.</param>
/// <param name="OracleContingency">Derive's oracle-confidence contingency (IM only, under loss factors), or null.</param>
public sealed record AddOnParameters(
    RollShockParameters? RollShock = null,
    DeltaShockParameters? DeltaShock = null,
    double? ShortOptionContingency = null,
    double? FuturesContingency = null,
    MinimumDeltaChargeParameters? MinimumDeltaCharge = null,
    double? ShortOptionMinimum = null,
    double? ThetaDecayDays = null,
    double? Basis = null,
    MinimumChargeParameters? MinimumCharge = null,
    IReadOnlyList<DepegTier>? StablecoinDepeg = null,
    ShortOptionNetting ShortOptionNetting = ShortOptionNetting.PerSeries,
    FuturesContingencyBasis FuturesContingencyBasis = FuturesContingencyBasis.Gross,
    double? GrossOptionContingency = null,
    IReadOnlyDictionary<Results.AddOnKind, AddOnWeights>? Weights = null,
    ContingencyPrice ContingencyPrice = ContingencyPrice.Spot,
    BasisContingencyParameters? BasisContingency = null,
    OracleContingencyParameters? OracleContingency = null)
{
    /// <summary>No add-on.</summary>
    public static AddOnParameters None { get; } = new();

    /// <summary>Checks every rate lies in [0, 1].</summary>
    internal AddOnParameters Validated(string field)
    {
        if (RollShock is { } roll && !(roll.AnnualisedMoveRisk >= 0 && roll.AnnualisedMoveRisk <= 10 && roll.MinAnnualisedMove >= 0 && roll.MinAnnualisedMove <= 1))
            throw new InvalidMarginInputException($"{field}.rollShock", "needs annualisedMoveRisk in [0, 10] and minAnnualisedMove in [0, 1]");
        if (DeltaShock is { } shock && !(shock.ThresholdUsd >= 0 && shock.ThresholdUsd <= 1e15 && shock.Rate >= 0 && shock.Rate <= 1 && shock.MaxFraction >= 0 && shock.MaxFraction <= 1))
            throw new InvalidMarginInputException($"{field}.deltaShock", "needs thresholdUsd in [0, 1e15], rate and maxFraction in [0, 1]");
        if (MinimumDeltaCharge is { } minimum && !(minimum.NetRate >= 0 && minimum.NetRate <= 1 && minimum.HedgedRate >= 0 && minimum.HedgedRate <= 1))
            throw new InvalidMarginInputException($"{field}.minimumDeltaCharge", "needs netRate and hedgedRate in [0, 1]");
        Rate(ShortOptionContingency, $"{field}.shortOptionContingency");
        Rate(FuturesContingency, $"{field}.futuresContingency");
        Rate(GrossOptionContingency, $"{field}.grossOptionContingency");
        if (BasisContingency is { } basis && !(basis.SpotUp > 1 && basis.SpotUp < 3 && basis.SpotDown > 0 && basis.SpotDown < 1
            && double.IsFinite(basis.AddFactor) && basis.AddFactor >= 0 && double.IsFinite(basis.MultFactor) && basis.MultFactor >= 0))
            throw new InvalidMarginInputException($"{field}.basisContingency", "needs spotUp in (1, 3), spotDown in (0, 1) and factors finite and >= 0");
        if (OracleContingency is { } oracle && !(oracle.Threshold >= 0 && oracle.Threshold <= 1 && double.IsFinite(oracle.Margin) && oracle.Margin >= 0))
            throw new InvalidMarginInputException($"{field}.oracleContingency", "needs a threshold in [0, 1] and a margin finite and >= 0");
        foreach (var (kind, w) in Weights ?? new Dictionary<Results.AddOnKind, AddOnWeights>())
        {
            if (!(double.IsFinite(w.Maintenance) && w.Maintenance >= 0 && double.IsFinite(w.Initial) && w.Initial >= 0))
                throw new InvalidMarginInputException($"{field}.weights.{kind}", "weights must be finite and >= 0");
        }
        Rate(ShortOptionMinimum, $"{field}.shortOptionMinimum");
        Rate(Basis, $"{field}.basis");
        if (ThetaDecayDays is { } days && !(days > 0 && days < 365))
            throw new InvalidMarginInputException($"{field}.thetaDecayDays", $"must be in (0, 365) but was {Guard.Show(days)}");
        if (MinimumCharge is { } charge)
        {
            Rate(charge.Rate, $"{field}.minimumCharge.rate");
            for (var i = 0; i < charge.Tiers.Count; i++)
            {
                var tier = charge.Tiers[i];
                if (!(tier.Multiplier >= 1 && tier.Multiplier <= 1_000 && tier.FloorUsd <= 1e15) || (i == 0 ? tier.FloorUsd != 0 : tier.FloorUsd <= charge.Tiers[i - 1].FloorUsd))
                    throw new InvalidMarginInputException($"{field}.minimumCharge.tiers[{i}]", "tiers start at 0 with increasing floors and multipliers >= 1");
            }
        }

        if (StablecoinDepeg is { } tiers)
        {
            for (var i = 0; i < tiers.Count; i++)
            {
                Rate(tiers[i].Rate, $"{field}.stablecoinDepeg[{i}].rate");
                if (i == 0 ? tiers[i].FloorUsd != 0 : tiers[i].FloorUsd <= tiers[i - 1].FloorUsd)
                    throw new InvalidMarginInputException($"{field}.stablecoinDepeg[{i}].floorUsd", "tiers start at 0 with increasing floors");
            }
        }

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

/// <summary>OKX MR7: <paramref name="Rate"/> x |net delta| x index, times the multiplier of the size tier the |net delta| in USD falls in.</summary>
public sealed record MinimumChargeParameters(double Rate, IReadOnlyList<SizeTier> Tiers);

/// <summary>A size tier from <paramref name="FloorUsd"/> (inclusive) upward, with its multiplier.</summary>
public readonly record struct SizeTier(double FloorUsd, double Multiplier);

/// <summary>A marginal depeg tier: the hedged USD amount above <paramref name="FloorUsd"/> (up to the next floor) is charged at <paramref name="Rate"/>.</summary>
public readonly record struct DepegTier(double FloorUsd, double Rate);
