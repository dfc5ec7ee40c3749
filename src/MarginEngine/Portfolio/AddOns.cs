using MarginEngine.Compiled;
using MarginEngine.Instruments;
using MarginEngine.Profiles;
using MarginEngine.Results;
using NodaTime;

namespace MarginEngine.Portfolio;

/// <summary>
/// The add-on aggregates of a risk unit (docs/methodology.md §Add-ons): net and gross deltas, futures
/// sizes, net quantity per roll group, per option series and per settlement asset. Built once per unit
/// and asked "what if one more exposure" in O(1), so a what-if never walks the book.
/// </summary>
internal sealed class AddOns
{
    private readonly AddOnParameters _p;
    private readonly double _index;
    private readonly double _confidence;
    private static readonly Dictionary<double, double> NoRollGroups = [];
    private static readonly Dictionary<(Instant Expiry, double Strike, OptionRight? Right), double> NoSeries = [];
    private static readonly Dictionary<string, double> NoSettlement = [];
    private static readonly Dictionary<double, (double Up, double Down)> NoBasis = [];
    private static readonly Scenarios.VolShock VolHeld = new(0, 0);

    // Each map exists only when its add-on is switched on (the shared empty ones are never written).
    private readonly Dictionary<double, double> _rollGroups;
    private readonly Dictionary<(Instant Expiry, double Strike, OptionRight? Right), double> _series;
    private readonly Dictionary<string, double> _settlement;
    private readonly Dictionary<double, (double Up, double Down)> _basis;
    private double _net, _gross, _futuresNet, _futuresGross, _shortOptionCoins, _optionCoins, _thetaUsd, _naked;
    private double _nakedAtForward, _optionsAtForward, _futuresAtMark, _holdingCoins;

    public AddOns(AddOnParameters parameters, double index, IEnumerable<Exposure> exposures, double confidence = 1)
    {
        _p = parameters;
        _index = index;
        _confidence = confidence;
        _rollGroups = parameters.RollShock is null ? NoRollGroups : [];
        _series = parameters.ShortOptionContingency is null ? NoSeries : [];
        _settlement = parameters.StablecoinDepeg is null ? NoSettlement : new Dictionary<string, double>(StringComparer.Ordinal);
        _basis = parameters.BasisContingency is null ? NoBasis : [];
        foreach (var e in exposures)
            Add(e);
    }

    private AddOns(AddOns other)
    {
        _p = other._p;
        _index = other._index;
        _confidence = other._confidence;
        _rollGroups = _p.RollShock is null ? NoRollGroups : new Dictionary<double, double>(other._rollGroups);
        _series = _p.ShortOptionContingency is null ? NoSeries : new Dictionary<(Instant Expiry, double Strike, OptionRight? Right), double>(other._series);
        _settlement = _p.StablecoinDepeg is null ? NoSettlement : new Dictionary<string, double>(other._settlement, StringComparer.Ordinal);
        _basis = _p.BasisContingency is null ? NoBasis : new Dictionary<double, (double Up, double Down)>(other._basis);
        (_net, _gross, _futuresNet, _futuresGross, _shortOptionCoins, _optionCoins, _thetaUsd, _naked) =
            (other._net, other._gross, other._futuresNet, other._futuresGross, other._shortOptionCoins, other._optionCoins, other._thetaUsd, other._naked);
        (_nakedAtForward, _optionsAtForward, _futuresAtMark, _holdingCoins) = (other._nakedAtForward, other._optionsAtForward, other._futuresAtMark, other._holdingCoins);
    }

    /// <summary>An independent copy to add several what-if exposures to.</summary>
    public AddOns Clone() => new(this);

    /// <summary>Adds an exposure for good (the unit's book, or its resting orders).</summary>
    public void Add(Exposure e)
    {
        var delta = e.DeltaCoins;
        _net += delta;
        _gross += Math.Abs(delta);
        if (e.Kind is ExposureKind.LinearFuture or ExposureKind.InverseFuture)
        {
            _futuresNet += delta;
            _futuresGross += Math.Abs(delta);
            _futuresAtMark += Math.Abs(delta) * e.BasePrice;
        }

        if (e.Kind == ExposureKind.Holding)
            _holdingCoins += Math.Abs(delta);
        if (_p.RollShock is not null && e.RollYears is { } years)
            _rollGroups[years] = _rollGroups.GetValueOrDefault(years) + delta;
        if (e.Option is not null)
        {
            if (_p.ShortOptionContingency is not null)
            {
                var key = SeriesKey(e);
                var before = _series.GetValueOrDefault(key);
                _series[key] = before + e.Quantity * e.Size;
                var nakedChange = Math.Max(0, -(before + e.Quantity * e.Size)) - Math.Max(0, -before);
                _naked += nakedChange;
                _nakedAtForward += nakedChange * ReferencePrice(e);
            }

            if (e.Quantity < 0)
                _shortOptionCoins -= e.Quantity * e.Size;
            _optionCoins += Math.Abs(e.Quantity * e.Size);
            _optionsAtForward += Math.Abs(e.Quantity * e.Size) * ReferencePrice(e);
            if (_p.ThetaDecayDays is { } days && e.Kind == ExposureKind.Option)
                _thetaUsd += e.ToUsd(e.Decay(_index, days), _index, _index);
            if (_p.BasisContingency is { } basis && e.Kind == ExposureKind.Option)
            {
                var (up, down) = BasisMoves(e, basis);
                var held = _basis.GetValueOrDefault(e.Years);
                _basis[e.Years] = (held.Up + up, held.Down + down);
            }
        }

        if (_p.StablecoinDepeg is not null && !e.CoinSettled && e.Kind != ExposureKind.Holding)
            _settlement[e.SettlementAssetId] = _settlement.GetValueOrDefault(e.SettlementAssetId) + delta;
    }

    /// <summary>The amounts in USD, as if <paramref name="extra"/> (when given) were also held; nothing changes.</summary>
    public AddOnAmounts Amounts(Exposure? extra = null)
    {
        double net = _net, gross = _gross, futuresNet = _futuresNet, futuresGross = _futuresGross, shortCoins = _shortOptionCoins, optionCoins = _optionCoins,
            theta = _thetaUsd, naked = _naked, nakedAtForward = _nakedAtForward, optionsAtForward = _optionsAtForward, futuresAtMark = _futuresAtMark,
            holdingCoins = _holdingCoins;
        (double Years, double Up, double Down)? extraBasis = null;
        double extraDelta = 0, extraYears = double.NaN;
        string? extraSettlement = null;
        if (extra is not null)
        {
            extraDelta = extra.DeltaCoins;
            net += extraDelta;
            gross += Math.Abs(extraDelta);
            if (extra.Kind is ExposureKind.LinearFuture or ExposureKind.InverseFuture)
            {
                futuresNet += extraDelta;
                futuresGross += Math.Abs(extraDelta);
                futuresAtMark += Math.Abs(extraDelta) * extra.BasePrice;
            }

            extraYears = extra.RollYears ?? double.NaN;
            if (extra.Kind == ExposureKind.Holding)
                holdingCoins += Math.Abs(extraDelta);
            if (extra.Option is not null)
            {
                if (_p.ShortOptionContingency is not null)
                {
                    var before = _series.GetValueOrDefault(SeriesKey(extra));
                    var nakedChange = Math.Max(0, -(before + extra.Quantity * extra.Size)) - Math.Max(0, -before);
                    naked += nakedChange;
                    nakedAtForward += nakedChange * ReferencePrice(extra);
                }

                if (extra.Quantity < 0)
                    shortCoins -= extra.Quantity * extra.Size;
                optionCoins += Math.Abs(extra.Quantity * extra.Size);
                optionsAtForward += Math.Abs(extra.Quantity * extra.Size) * ReferencePrice(extra);
                if (_p.ThetaDecayDays is { } days && extra.Kind == ExposureKind.Option)
                    theta += extra.ToUsd(extra.Decay(_index, days), _index, _index);
                if (_p.BasisContingency is { } basis && extra.Kind == ExposureKind.Option)
                {
                    var (up, down) = BasisMoves(extra, basis);
                    extraBasis = (extra.Years, up, down);
                }
            }

            if (!extra.CoinSettled && extra.Kind != ExposureKind.Holding)
                extraSettlement = extra.SettlementAssetId;
        }

        var s = _index;
        var amounts = new AddOnAmounts();
        if (_p.RollShock is { } roll)
        {
            var sum = 0.0;
            foreach (var (years, groupNet) in _rollGroups)
                sum += Math.Abs(groupNet + (years.Equals(extraYears) ? extraDelta : 0)) * s * RollFactor(roll, years);
            if (!double.IsNaN(extraYears) && !_rollGroups.ContainsKey(extraYears))
                sum += Math.Abs(extraDelta) * s * RollFactor(roll, extraYears);
            amounts.RollShock = sum;
        }

        if (_p.DeltaShock is { } shock)
        {
            var usd = Math.Abs(net) * s;
            amounts.DeltaShock = Math.Min(shock.MaxFraction * usd, shock.Rate * Math.Max(0, usd - shock.ThresholdUsd));
        }

        var atForward = _p.ContingencyPrice == ContingencyPrice.Forward;
        amounts.ShortOptionContingency = (_p.ShortOptionContingency ?? 0) * (atForward ? nakedAtForward : naked * s);
        amounts.FuturesContingency = (_p.FuturesContingency ?? 0) * (_p.FuturesContingencyBasis == FuturesContingencyBasis.Offsetting
            ? (futuresGross - Math.Abs(futuresNet)) / 2 * s
            : atForward ? futuresAtMark : futuresGross * s);
        amounts.GrossOptionContingency = (_p.GrossOptionContingency ?? 0) * (atForward ? optionsAtForward : optionCoins * s);
        if (_p.BasisContingency is { } basisParameters)
            amounts.BasisContingency = BasisContingency(basisParameters, extraBasis);
        if (_p.OracleContingency is { } oracle && _confidence < oracle.Threshold)
            amounts.OracleContingency = (1 - _confidence) * oracle.Margin * (futuresGross + optionCoins + holdingCoins) * s;
        if (_p.MinimumDeltaCharge is { } minimum)
            amounts.MinimumDeltaCharge = (minimum.NetRate * Math.Abs(net) + minimum.HedgedRate * (gross - Math.Abs(net)) / 2) * s;
        amounts.ShortOptionMinimum = (_p.ShortOptionMinimum ?? 0) * shortCoins * s;
        amounts.ThetaDecay = Math.Max(0, -theta);
        amounts.Basis = (_p.Basis ?? 0) * Math.Abs(futuresNet) * s;
        if (_p.MinimumCharge is { } charge)
        {
            var usd = Math.Abs(net) * s;
            var multiplier = 1.0;
            foreach (var tier in charge.Tiers)
            {
                if (usd >= tier.FloorUsd)
                    multiplier = tier.Multiplier;
            }

            amounts.MinimumCharge = charge.Rate * usd * multiplier;
        }

        if (_p.StablecoinDepeg is { } tiers)
        {
            double sumAbs = 0, sumNet = 0;
            var seen = false;
            foreach (var (asset, delta) in _settlement)
            {
                var d = (delta + (asset == extraSettlement ? extraDelta : 0)) * s;
                sumAbs += Math.Abs(d);
                sumNet += d;
                seen |= asset == extraSettlement;
            }

            if (extraSettlement is not null && !seen)
            {
                sumAbs += Math.Abs(extraDelta * s);
                sumNet += extraDelta * s;
            }

            var hedged = (sumAbs - Math.Abs(sumNet)) / 2;
            var amount = 0.0;
            for (var i = 0; i < tiers.Count; i++)
            {
                var top = i + 1 < tiers.Count ? Math.Min(hedged, tiers[i + 1].FloorUsd) : hedged;
                amount += Math.Max(0, top - tiers[i].FloorUsd) * tiers[i].Rate;
            }

            amounts.StablecoinDepeg = amount;
        }

        return amounts;
    }

    /// <summary>The switched-on add-ons as breakdown lines, in the unit's currency.</summary>
    public List<AddOnCharge> Lines(AddOnAmounts a, double usdPerUnit)
    {
        var lines = new List<AddOnCharge>();
        void Line(bool on, AddOnKind kind, double amount)
        {
            if (on)
                lines.Add(new AddOnCharge(kind, amount / usdPerUnit));
        }

        Line(_p.RollShock is not null, AddOnKind.RollShock, a.RollShock);
        Line(_p.DeltaShock is not null, AddOnKind.DeltaShock, a.DeltaShock);
        Line(_p.ShortOptionContingency is not null, AddOnKind.ShortOptionContingency, a.ShortOptionContingency);
        Line(_p.FuturesContingency is not null, AddOnKind.FuturesContingency, a.FuturesContingency);
        Line(_p.GrossOptionContingency is not null, AddOnKind.GrossOptionContingency, a.GrossOptionContingency);
        Line(_p.MinimumDeltaCharge is not null, AddOnKind.MinimumDeltaCharge, a.MinimumDeltaCharge);
        Line(_p.ShortOptionMinimum is not null, AddOnKind.ShortOptionMinimum, a.ShortOptionMinimum);
        Line(_p.ThetaDecayDays is not null, AddOnKind.ThetaDecay, a.ThetaDecay);
        Line(_p.Basis is not null, AddOnKind.Basis, a.Basis);
        Line(_p.MinimumCharge is not null, AddOnKind.MinimumCharge, a.MinimumCharge);
        Line(_p.StablecoinDepeg is not null, AddOnKind.StablecoinDepeg, a.StablecoinDepeg);
        Line(_p.BasisContingency is not null, AddOnKind.BasisContingency, a.BasisContingency);
        Line(_p.OracleContingency is not null, AddOnKind.OracleContingency, a.OracleContingency);
        return lines;
    }

    /// <summary>Net delta in coins, as if <paramref name="extra"/> were also held.</summary>
    public double NetDelta(Exposure? extra = null) => _net + (extra?.DeltaCoins ?? 0);

    /// <summary>The price a contingency is sized at: spot, or (at the forward) the option's forward or the future's mark.</summary>
    private double ReferencePrice(Exposure e) =>
        _p.ContingencyPrice == ContingencyPrice.Forward && e.Kind == ExposureKind.Option ? e.Forward : _index;

    /// <summary>An option's value change, USD, with spot (so its forward) moved to each of the basis contingency's multipliers, vol held.</summary>
    private (double Up, double Down) BasisMoves(Exposure e, BasisContingencyParameters basis)
    {
        double Usd(double multiplier) =>
            e.ToUsd(e.Pnl(multiplier - 1, _index, Scenarios.VolState.Same, VolHeld), _index, _index * multiplier);
        return (Usd(basis.SpotUp), Usd(basis.SpotDown));
    }

    /// <summary>Σ over expiries of -min(ΔUp, ΔDown, 0) x (add + mult x T), USD (with <paramref name="extra"/> in its expiry).</summary>
    private double BasisContingency(BasisContingencyParameters basis, (double Years, double Up, double Down)? extra)
    {
        var sum = 0.0;
        foreach (var (years, (up, down)) in _basis)
        {
            var (u, d) = extra is { } x && x.Years.Equals(years) ? (up + x.Up, down + x.Down) : (up, down);
            sum += -Math.Min(Math.Min(u, d), 0) * (basis.AddFactor + basis.MultFactor * years);
        }

        if (extra is { } only && !_basis.ContainsKey(only.Years))
            sum += -Math.Min(Math.Min(only.Up, only.Down), 0) * (basis.AddFactor + basis.MultFactor * only.Years);
        return sum;
    }

    private (Instant Expiry, double Strike, OptionRight? Right) SeriesKey(Exposure e) =>
        (e.Option!.Expiry, e.StrikeValue, _p.ShortOptionNetting == ShortOptionNetting.AcrossRightsAtStrike ? null : e.Option.Right);

    private static double RollFactor(RollShockParameters roll, double years) =>
        Math.Max(Math.Exp(roll.AnnualisedMoveRisk * years) - 1, roll.MinAnnualisedMove);
}
