using MarginEngine.Instruments;
using MarginEngine.Results;

namespace MarginEngine.Portfolio;

/// <summary>The add-ons of a risk unit in USD (docs/methodology.md §Add-ons); each switched-on one is listed, zero or not.</summary>
internal static class AddOns
{
    public const string RollShock = "roll shock";
    public const string DeltaShock = "delta shock";
    public const string ShortOptionContingency = "short option contingency";
    public const string FuturesContingency = "futures contingency";
    public const string MinimumDeltaCharge = "minimum delta charge";
    public const string ShortOptionMinimum = "short option minimum";
    public const string ThetaDecay = "MR2 theta decay";
    public const string Basis = "MR4 basis";
    public const string MinimumCharge = "MR7 minimum charge";
    public const string StablecoinDepeg = "MR9 stablecoin depeg";

    public static IReadOnlyList<AddOnCharge> Compute(AddOnParameters p, IReadOnlyList<Exposure> exposures, double index)
    {
        var charges = new List<AddOnCharge>();
        var net = exposures.Sum(e => e.DeltaCoins);
        if (p.RollShock is { } roll)
        {
            var amount = exposures.Where(e => e.RollYears is not null)
                .GroupBy(e => e.RollYears!.Value)
                .Sum(g => Math.Abs(g.Sum(e => e.DeltaCoins)) * index * Math.Max(Math.Exp(roll.AnnualisedMoveRisk * g.Key) - 1, roll.MinAnnualisedMove));
            charges.Add(new AddOnCharge(RollShock, amount));
        }

        if (p.DeltaShock is { } shock)
        {
            var usd = Math.Abs(net) * index;
            charges.Add(new AddOnCharge(DeltaShock, Math.Min(shock.MaxFraction * usd, shock.Rate * Math.Max(0, usd - shock.ThresholdUsd))));
        }

        if (p.ShortOptionContingency is { } rate)
            charges.Add(new AddOnCharge(ShortOptionContingency, rate * NakedShortCoins(exposures) * index));

        if (p.FuturesContingency is { } futuresRate)
        {
            var coins = exposures.Where(e => e.Kind is ExposureKind.LinearFuture or ExposureKind.InverseFuture).Sum(e => Math.Abs(e.DeltaCoins));
            charges.Add(new AddOnCharge(FuturesContingency, futuresRate * coins * index));
        }

        if (p.MinimumDeltaCharge is { } minimum)
        {
            var gross = exposures.Sum(e => Math.Abs(e.DeltaCoins));
            var hedged = (gross - Math.Abs(net)) / 2;
            charges.Add(new AddOnCharge(MinimumDeltaCharge, (minimum.NetRate * Math.Abs(net) + minimum.HedgedRate * hedged) * index));
        }

        if (p.ShortOptionMinimum is { } somRate)
        {
            var shortCoins = exposures.Where(e => e.Kind == ExposureKind.Option && e.Quantity < 0).Sum(e => -e.Quantity * e.Size);
            charges.Add(new AddOnCharge(ShortOptionMinimum, somRate * shortCoins * index));
        }

        if (p.ThetaDecayDays is { } days)
        {
            var decay = exposures.Where(e => e.Kind == ExposureKind.Option).Sum(e => e.ToUsd(e.Decay(index, days), index, index));
            charges.Add(new AddOnCharge(ThetaDecay, Math.Max(0, -decay)));
        }

        if (p.Basis is { } basisRate)
        {
            var futures = exposures.Where(e => e.Kind is ExposureKind.LinearFuture or ExposureKind.InverseFuture).Sum(e => e.DeltaCoins);
            charges.Add(new AddOnCharge(Basis, basisRate * Math.Abs(futures) * index));
        }

        if (p.MinimumCharge is { } charge)
        {
            var usd = Math.Abs(net) * index;
            var multiplier = charge.Tiers.LastOrDefault(t => usd >= t.FloorUsd) is { Multiplier: > 0 } tier ? tier.Multiplier : 1;
            charges.Add(new AddOnCharge(MinimumCharge, charge.Rate * usd * multiplier));
        }

        if (p.StablecoinDepeg is { } tiers)
        {
            var perSettlement = exposures.Where(e => !e.CoinSettled && e.Kind != ExposureKind.Holding)
                .GroupBy(e => e.SettlementAssetId).Select(g => g.Sum(e => e.DeltaCoins) * index).ToList();
            var hedged = (perSettlement.Sum(Math.Abs) - Math.Abs(perSettlement.Sum())) / 2;
            var amount = 0.0;
            for (var i = 0; i < tiers.Count; i++)
            {
                var top = i + 1 < tiers.Count ? Math.Min(hedged, tiers[i + 1].FloorUsd) : hedged;
                amount += Math.Max(0, top - tiers[i].FloorUsd) * tiers[i].Rate;
            }

            charges.Add(new AddOnCharge(StablecoinDepeg, amount));
        }

        return charges;
    }

    /// <summary>Σ over (expiry, strike, right) of max(0, -net coins): shorts not offset by longs of the same option.</summary>
    private static double NakedShortCoins(IReadOnlyList<Exposure> exposures) =>
        exposures.Where(e => e.Kind == ExposureKind.Option)
            .GroupBy(e => (e.Option!.Expiry, e.Option.Strike, e.Option.Right))
            .Sum(g => Math.Max(0, -g.Sum(e => e.Quantity * e.Size)));
}
