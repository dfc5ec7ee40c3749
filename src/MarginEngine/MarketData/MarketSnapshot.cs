using System.Collections.Frozen;
using MarginEngine.Errors;
using MarginEngine.Numerics;
using NodaTime;

namespace MarginEngine.MarketData;

/// <summary>
/// Prices at one valuation instant: USD index price per asset, mark price per instrument, implied
/// volatility per option, and optionally forward and discount curves, settlement prices of passed
/// expiries and clearing-house risk arrays. Every value is finite and positive (an option's mark may be
/// 0); a missing value throws, never zero.
/// </summary>
public sealed partial class MarketSnapshot
{
    private readonly IReadOnlyDictionary<string, double> _indexPrices;
    private readonly IReadOnlyDictionary<string, double> _markPrices;
    private readonly IReadOnlyDictionary<string, double> _impliedVolatilities;
    private readonly IReadOnlyDictionary<string, VolatilitySurface> _surfaces;
    private readonly IReadOnlyDictionary<string, decimal> _indexDecimals;
    private readonly IReadOnlyDictionary<string, decimal> _markDecimals;
    private readonly FrozenDictionary<string, RiskArray> _riskArrays;
    private readonly FrozenDictionary<string, RateCurve> _forwards;
    private readonly FrozenDictionary<string, RateCurve> _discountRates;
    private readonly FrozenDictionary<(string Underlying, Instant Expiry), double> _settlementPrices;
    private readonly FrozenDictionary<string, double> _confidences;
    private readonly FrozenDictionary<(string Underlying, Instant Expiry), double> _forwardFixings;

    /// <summary>Creates a snapshot, checking every value.</summary>
    /// <param name="valuationTime">The instant every price refers to; time to expiry is measured from it.</param>
    /// <param name="indexPrices">USD index price per asset id (stablecoins too, e.g. USDT 1.0).</param>
    /// <param name="markPrices">Mark price per instrument id, in the instrument's quote (coin for inverse options).</param>
    /// <param name="impliedVolatilities">Annualised implied volatility per option id (0.55 = 55%).</param>
    /// <param name="volatilitySurfaces">Surfaces by underlying, used for options without their own vol.</param>
    /// <param name="riskArrays">Clearing-house risk arrays by instrument id (SPAN): positions in these are not repriced.</param>
    /// <param name="forwards">Forward curves by underlying, as basis rates (<see cref="RateCurve.FromForwards"/> turns forwards into them); without one, an option's forward is the index.</param>
    /// <param name="discountRates">Discount-rate curves by underlying; without one, option values are not discounted.</param>
    /// <param name="settlementPrices">Settlement prices of expiries that have passed but are not yet settled, by underlying and expiry.</param>
    /// <param name="confidences">Confidence of each underlying's price source in [0, 1] (oracle feeds); 1 when not given.</param>
    /// <param name="forwardFixings">The part of an expiry's forward already fixed in its settlement window, by underlying and expiry.</param>
    /// <exception cref="InvalidMarginInputException">A value that is NaN, infinite, zero or negative, or an empty id.</exception>
    public MarketSnapshot(
        Instant valuationTime,
        IEnumerable<KeyValuePair<string, double>> indexPrices,
        IEnumerable<KeyValuePair<string, double>> markPrices,
        IEnumerable<KeyValuePair<string, double>>? impliedVolatilities = null,
        IEnumerable<VolatilitySurface>? volatilitySurfaces = null,
        IEnumerable<KeyValuePair<string, RiskArray>>? riskArrays = null,
        IEnumerable<KeyValuePair<string, RateCurve>>? forwards = null,
        IEnumerable<KeyValuePair<string, RateCurve>>? discountRates = null,
        IEnumerable<(string Underlying, Instant Expiry, double Price)>? settlementPrices = null,
        IEnumerable<KeyValuePair<string, double>>? confidences = null,
        IEnumerable<(string Underlying, Instant Expiry, double Fixed)>? forwardFixings = null)
    {
        ValuationTime = valuationTime;
        _indexPrices = Checked(indexPrices, "indexPrices", Numerics.Limits.Price);
        _markPrices = Checked(markPrices, "markPrices", (v, f) => v == 0 ? 0 : Numerics.Limits.Price(v, f));
        _impliedVolatilities = Checked(impliedVolatilities ?? [], "impliedVolatilities", (v, f) => v > 0 && v <= Numerics.Limits.MaxVolatility
            ? v
            : throw new InvalidMarginInputException(f, $"must be a volatility in (0, {Numerics.Limits.MaxVolatility}] but was {Guard.Show(v)}"));
        var surfaces = new Dictionary<string, VolatilitySurface>(StringComparer.Ordinal);
        foreach (var surface in volatilitySurfaces ?? [])
        {
            if (!surfaces.TryAdd(surface.Underlying, surface))
                throw new InvalidMarginInputException($"volatilitySurfaces[{surface.Underlying}]", "is given twice");
        }

        _surfaces = surfaces.ToFrozenDictionary(StringComparer.Ordinal);
        _indexDecimals = _indexPrices.ToFrozenDictionary(p => p.Key, p => Rounding.ToDecimal(p.Value), StringComparer.Ordinal);
        _markDecimals = _markPrices.ToFrozenDictionary(p => p.Key, p => Rounding.ToDecimal(p.Value), StringComparer.Ordinal);
        var arrays = new Dictionary<string, RiskArray>(StringComparer.Ordinal);
        foreach (var (id, array) in riskArrays ?? [])
        {
            Guard.Id(id, "riskArrays");
            if (!arrays.TryAdd(id, Guard.NotNull(array, $"riskArrays[{id}]")))
                throw new InvalidMarginInputException($"riskArrays[{id}]", "is given twice");
        }

        _riskArrays = arrays.ToFrozenDictionary(StringComparer.Ordinal);
        _forwards = Curves(forwards, "forwards");
        _discountRates = Curves(discountRates, "discountRates");
        var settlements = new Dictionary<(string, Instant), double>();
        foreach (var (underlying, expiry, price) in settlementPrices ?? [])
        {
            var at = $"settlementPrices[{Guard.Id(underlying, "settlementPrices")}][{expiry}]";
            if (expiry > valuationTime)
                throw new InvalidMarginInputException(at, $"is after the valuation time {valuationTime}: a settlement price is for an expiry that has passed");
            if (!settlements.TryAdd((underlying, expiry), Numerics.Limits.Price(price, at)))
                throw new InvalidMarginInputException(at, "is given twice");
        }

        _settlementPrices = settlements.ToFrozenDictionary();
        var confidence = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, value) in confidences ?? [])
        {
            if (!(value >= 0 && value <= 1))
                throw new InvalidMarginInputException($"confidences[{Guard.Id(id, "confidences")}]", $"must be in [0, 1] but was {Guard.Show(value)}");
            if (!confidence.TryAdd(id, value))
                throw new InvalidMarginInputException($"confidences[{id}]", "is given twice");
        }

        _confidences = confidence.ToFrozenDictionary(StringComparer.Ordinal);
        var fixings = new Dictionary<(string, Instant), double>();
        foreach (var (underlying, expiry, fixedPart) in forwardFixings ?? [])
        {
            var at = $"forwardFixings[{Guard.Id(underlying, "forwardFixings")}][{expiry}]";
            if (expiry <= valuationTime)
                throw new InvalidMarginInputException(at, $"is not after the valuation time {valuationTime}: a past expiry settles at its settlement price");
            if (!fixings.TryAdd((underlying, expiry), Guard.FiniteNonNegative(fixedPart, at)))
                throw new InvalidMarginInputException(at, "is given twice");
        }

        _forwardFixings = fixings.ToFrozenDictionary();
    }

    /// <summary>
    /// <paramref name="template"/> with its index prices, marks, vols and surfaces replaced (checked as the public
    /// constructor checks them) and the rest shared: a snapshot used once, such as a margin-cliff step, kept in the
    /// given ordinal dictionaries instead of frozen ones, whose building would cost more than its few look-ups save.
    /// </summary>
    internal MarketSnapshot(MarketSnapshot template, Dictionary<string, double> indexPrices, Dictionary<string, double> markPrices,
        Dictionary<string, double> impliedVolatilities, Dictionary<string, VolatilitySurface> surfaces)
    {
        ValuationTime = template.ValuationTime;
        _indexPrices = CheckedInPlace(indexPrices, "indexPrices", Numerics.Limits.Price);
        _markPrices = CheckedInPlace(markPrices, "markPrices", (v, f) => v == 0 ? 0 : Numerics.Limits.Price(v, f));
        _impliedVolatilities = CheckedInPlace(impliedVolatilities, "impliedVolatilities", (v, f) => v > 0 && v <= Numerics.Limits.MaxVolatility
            ? v
            : throw new InvalidMarginInputException(f, $"must be a volatility in (0, {Numerics.Limits.MaxVolatility}] but was {Guard.Show(v)}"));
        _surfaces = surfaces;
        _indexDecimals = indexPrices.ToDictionary(p => p.Key, p => Rounding.ToDecimal(p.Value), StringComparer.Ordinal);
        _markDecimals = markPrices.ToDictionary(p => p.Key, p => Rounding.ToDecimal(p.Value), StringComparer.Ordinal);
        _riskArrays = template._riskArrays;
        _forwards = template._forwards;
        _discountRates = template._discountRates;
        _settlementPrices = template._settlementPrices;
        _confidences = template._confidences;
        _forwardFixings = template._forwardFixings;
    }

    /// <summary>The valuation instant.</summary>
    public Instant ValuationTime { get; }

    /// <summary>Index prices by asset id.</summary>
    public IReadOnlyDictionary<string, double> IndexPrices => _indexPrices;

    /// <summary>Mark prices by instrument id.</summary>
    public IReadOnlyDictionary<string, double> MarkPrices => _markPrices;

    /// <summary>Implied volatilities by option id.</summary>
    public IReadOnlyDictionary<string, double> ImpliedVolatilities => _impliedVolatilities;

    /// <summary>Forward curves (basis rates) by underlying asset id.</summary>
    public IReadOnlyDictionary<string, RateCurve> Forwards => _forwards;

    /// <summary>Discount-rate curves by underlying asset id.</summary>
    public IReadOnlyDictionary<string, RateCurve> DiscountRates => _discountRates;

    /// <summary>
    /// The forward of <paramref name="underlyingId"/> for <paramref name="expiry"/>: index x exp(r x T) on its
    /// forward curve, or the index when it has none (docs/methodology.md §Forwards and discounting).
    /// </summary>
    /// <exception cref="MissingMarketDataException">No index price for the underlying.</exception>
    public double GetForward(string underlyingId, Instant expiry) => GetForward(underlyingId, expiry, GetIndexPrice(underlyingId));

    /// <summary><see cref="GetForward(string, Instant)"/> given the underlying's index already looked up.</summary>
    internal double GetForward(string underlyingId, Instant expiry, double index) =>
        _forwards.TryGetValue(underlyingId, out var curve)
            ? index * Math.Exp(curve.RateAt(expiry) * Pricing.YearFraction.Between(ValuationTime, expiry))
            : index;

    /// <summary>The discount factor exp(-r x T) of <paramref name="underlyingId"/>'s options expiring at <paramref name="expiry"/>; 1 without a curve.</summary>
    public double GetDiscountFactor(string underlyingId, Instant expiry) =>
        _discountRates.TryGetValue(underlyingId, out var curve)
            ? Math.Exp(-curve.RateAt(expiry) * Math.Max(Pricing.YearFraction.Between(ValuationTime, expiry), 0))
            : 1.0;

    /// <summary>Fixed parts of forwards in their settlement windows, by (underlying, expiry).</summary>
    public IReadOnlyDictionary<(string Underlying, Instant Expiry), double> ForwardFixings => _forwardFixings;

    /// <summary>
    /// The part of <paramref name="underlyingId"/>'s forward for <paramref name="expiry"/> already fixed in the settlement window
    /// (0 outside it): it does not move with spot in scenarios.
    /// </summary>
    /// <exception cref="InvalidMarginInputException">The fixed part exceeds the forward.</exception>
    public double GetFixedForward(string underlyingId, Instant expiry)
    {
        if (!_forwardFixings.TryGetValue((underlyingId, expiry), out var fixedPart))
            return 0;
        var forward = GetForward(underlyingId, expiry);
        return fixedPart <= forward
            ? fixedPart
            : throw new InvalidMarginInputException($"forwardFixings[{underlyingId}][{expiry}]",
                $"the fixed part {Guard.Show(fixedPart)} exceeds the forward {Guard.Show(forward)}");
    }

    /// <summary>Confidences of the underlyings' price sources, by asset id.</summary>
    public IReadOnlyDictionary<string, double> Confidences => _confidences;

    /// <summary>Confidence of <paramref name="underlyingId"/>'s price source; 1 when the snapshot gives none.</summary>
    public double GetConfidence(string underlyingId) => _confidences.GetValueOrDefault(underlyingId, 1.0);

    /// <summary>Settlement prices of passed expiries awaiting settlement, by (underlying, expiry).</summary>
    public IReadOnlyDictionary<(string Underlying, Instant Expiry), double> SettlementPrices => _settlementPrices;

    /// <summary>
    /// Mark price of <paramref name="instrument"/>, USD-like quote; only an option may be marked at 0 (worthless
    /// seconds before expiry).
    /// </summary>
    /// <exception cref="MissingMarketDataException">No mark price.</exception>
    /// <exception cref="InvalidMarginInputException">A zero mark on anything but an option.</exception>
    public double GetMarkPrice(Instruments.Instrument instrument)
    {
        var price = GetMarkPrice(instrument.Id);
        return price > 0 || instrument is Instruments.EuropeanOption
            ? price
            : throw new InvalidMarginInputException($"markPrices[{instrument.Id}]", "is 0: only an option may be marked at 0");
    }

    /// <summary>Clearing-house risk arrays by instrument id.</summary>
    public IReadOnlyDictionary<string, RiskArray> RiskArrays => _riskArrays;

    /// <summary>Volatility surfaces by underlying asset id.</summary>
    public IReadOnlyDictionary<string, VolatilitySurface> VolatilitySurfaces => _surfaces;

    /// <summary>
    /// Vol of an option: its own implied vol when given, else its underlying's surface at
    /// strike / <paramref name="forward"/>.
    /// </summary>
    /// <exception cref="MissingMarketDataException">Neither is available.</exception>
    public double GetOptionVolatility(Instruments.EuropeanOption option, double forward)
    {
        if (_impliedVolatilities.TryGetValue(option.Id, out var vol))
            return vol;
        if (_surfaces.TryGetValue(option.Underlying.Id, out var surface))
            return surface.Volatility(ValuationTime, option.Expiry, (double)option.Strike / forward);
        throw new MissingMarketDataException("implied volatility", option.Id);
    }

    /// <summary>USD index price of <paramref name="assetId"/>.</summary>
    /// <exception cref="MissingMarketDataException">No index price for the asset.</exception>
    public double GetIndexPrice(string assetId) =>
        _indexPrices.TryGetValue(assetId, out var price) ? price : throw new MissingMarketDataException("index price", assetId);

    /// <summary>USD index price of <paramref name="assetId"/> as a decimal, converted once when the snapshot was built (docs/numerics.md).</summary>
    /// <exception cref="MissingMarketDataException">No index price for the asset.</exception>
    internal decimal GetIndexPriceDecimal(string assetId) =>
        _indexDecimals.TryGetValue(assetId, out var price) ? price : throw new MissingMarketDataException("index price", assetId);

    /// <summary>Mark price of <paramref name="instrumentId"/> as a decimal, converted once when the snapshot was built.</summary>
    /// <exception cref="MissingMarketDataException">No mark price for the instrument.</exception>
    internal decimal GetMarkPriceDecimal(string instrumentId) =>
        _markDecimals.TryGetValue(instrumentId, out var price) ? price : throw new MissingMarketDataException("mark price", instrumentId);

    /// <summary>Mark price of <paramref name="instrumentId"/>.</summary>
    /// <exception cref="MissingMarketDataException">No mark price for the instrument.</exception>
    public double GetMarkPrice(string instrumentId) =>
        _markPrices.TryGetValue(instrumentId, out var price) ? price : throw new MissingMarketDataException("mark price", instrumentId);

    /// <summary>Implied volatility of <paramref name="optionId"/>.</summary>
    /// <exception cref="MissingMarketDataException">No volatility for the option.</exception>
    public double GetImpliedVolatility(string optionId) =>
        _impliedVolatilities.TryGetValue(optionId, out var vol) ? vol : throw new MissingMarketDataException("implied volatility", optionId);

    /// <summary>Returns a copy whose mark price of <paramref name="instrumentId"/> is <paramref name="price"/>.</summary>
    public MarketSnapshot WithMarkPrice(string instrumentId, double price)
    {
        var marks = _markPrices.ToDictionary();
        marks[instrumentId] = price;
        return new MarketSnapshot(ValuationTime, _indexPrices, marks, _impliedVolatilities, _surfaces.Values, _riskArrays, _forwards, _discountRates,
            _settlementPrices.Select(p => (p.Key.Underlying, p.Key.Expiry, p.Value)), _confidences,
            _forwardFixings.Select(f => (f.Key.Underlying, f.Key.Expiry, f.Value)));
    }
}
