using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Pricing;

namespace MarginEngine.Cliff;

/// <summary>
/// A snapshot with some assets' prices moved (docs/methodology.md §Margin cliff): index x (1 + move); the marks of the
/// account's perpetuals, futures and spot pairs on a moved asset by the same factor; an option's mark by its Black-76
/// change at the moved forward (forward curves are basis rates, so forwards move with the index; fixed parts of
/// forwards stay), keeping the gap between mark and model; vols up by the shock's points. Stablecoins never move.
/// </summary>
internal sealed class MarketShift
{
    private readonly MarketSnapshot _market;
    private readonly Instrument[] _instruments;
    private readonly Dictionary<string, OptionTerms> _options = new(StringComparer.Ordinal);

    /// <summary>Prepares moves of <paramref name="market"/> for <paramref name="account"/>'s instruments (their marks and vols move).</summary>
    public MarketShift(MarketSnapshot market, Account account)
    {
        _market = market;
        _instruments = [.. account.Positions.Select(p => p.Instrument).Concat(account.Orders.Select(o => o.Instrument)).Distinct()];
    }

    /// <summary>The snapshot with the moves applied.</summary>
    /// <exception cref="InvalidMarginInputException">A moved instrument is valued from a clearing house's risk array.</exception>
    /// <param name="moves">Move per asset id (0.1 = +10%), each above -1.</param>
    /// <param name="volUp">Vol points added per asset id to its options (0.05 = 5 points).</param>
    public MarketSnapshot Apply(IReadOnlyDictionary<string, double> moves, IReadOnlyDictionary<string, double> volUp)
    {
        var index = _market.IndexPrices.ToDictionary(StringComparer.Ordinal);
        foreach (var (asset, move) in moves)
        {
            if (index.TryGetValue(asset, out var price))
                index[asset] = price * (1 + move);
        }

        var vols = _market.ImpliedVolatilities.ToDictionary(StringComparer.Ordinal);
        foreach (var option in _instruments.OfType<EuropeanOption>())
        {
            if (volUp.TryGetValue(option.Underlying.Id, out var up) && vols.TryGetValue(option.Id, out var vol))
                vols[option.Id] = VolatilitySurface.Raise(vol, up);
        }

        var surfaces = _market.VolatilitySurfaces.Values.ToDictionary(s => s.Underlying,
            s => volUp.TryGetValue(s.Underlying, out var up) && up != 0 ? s.Raised(up) : s, StringComparer.Ordinal);
        var marks = _market.MarkPrices.ToDictionary(StringComparer.Ordinal);
        foreach (var instrument in _instruments)
        {
            if (!moves.TryGetValue(instrument.Underlying.Id, out var move) || move == 0 && !volUp.ContainsKey(instrument.Underlying.Id)
                || !marks.TryGetValue(instrument.Id, out var mark))
                continue;
            if (_market.RiskArrays.ContainsKey(instrument.Id))
                throw new InvalidMarginInputException($"riskArrays[{instrument.Id}]",
                    "a clearing house's risk array holds at its snapshot only: a price move needs the position repriced");
            marks[instrument.Id] = instrument is EuropeanOption option
                ? OptionMark(option, mark, index[option.Underlying.Id], vols.GetValueOrDefault(option.Id, double.NaN), surfaces.GetValueOrDefault(option.Underlying.Id))
                : mark * (1 + move);
        }

        return new MarketSnapshot(_market, index, marks, vols, surfaces);
    }

    /// <summary>
    /// The mark plus the option's model change (USD per coin, discounted) from the snapshot to the moved index
    /// <paramref name="index"/> and its vol (own, or the surface's at K / F'); 0 below the smallest price. Forward factor,
    /// discount and time to expiry do not move and are kept per option.
    /// </summary>
    private double OptionMark(EuropeanOption option, double mark, double index, double ownVol, VolatilitySurface? surface)
    {
        if (option.Expiry <= _market.ValuationTime)
            return mark;
        if (!_options.TryGetValue(option.Id, out var terms))
            _options[option.Id] = terms = Terms(option);
        var forward = terms.ForwardFactor * index;
        var vol = double.IsNaN(ownVol) ? surface!.Volatility(_market.ValuationTime, option.Expiry, (double)option.Strike / forward) : ownVol;
        var change = terms.Discount * Value(option, forward, vol, terms.Years) - terms.Value;
        var underlying = option.Underlying.Id;
        var moved = option.Settlement == Settlement.Inverse
            ? (mark * _market.GetIndexPrice(underlying) + change) / index
            : mark + change / _market.GetIndexPrice(option.SettlementAsset.Id);
        // Below the smallest price a snapshot takes, an option is worthless (a mark of 0 is allowed for options only).
        return moved >= Numerics.Limits.MinPrice ? moved : 0;
    }

    private OptionTerms Terms(EuropeanOption option)
    {
        var underlying = option.Underlying.Id;
        var index = _market.GetIndexPrice(underlying);
        var forward = _market.GetForward(underlying, option.Expiry);
        var discount = _market.GetDiscountFactor(underlying, option.Expiry);
        var years = YearFraction.Between(_market.ValuationTime, option.Expiry);
        var value = discount * Value(option, forward, _market.GetOptionVolatility(option, forward), years);
        return new OptionTerms(forward / index, discount, years, value);
    }

    /// <summary>Undiscounted Black-76 with the scenario kernel's arithmetic (within 1e-13 of MathNet's; docs/numerics.md §Kernels), intrinsic at zero vol.</summary>
    private static double Value(EuropeanOption option, double forward, double vol, double years)
    {
        var strike = (double)option.Strike;
        var stdDev = vol * Math.Sqrt(years);
        return stdDev < 1e-12
            ? Black76.Intrinsic(option.Right, forward, strike)
            : Kernels.OptionKernel.Value(Math.Log(forward / strike), 0, forward, strike, stdDev, 1 / stdDev, option.Right == OptionRight.Call ? 1 : -1);
    }

    /// <summary>An option's forward / index, discount factor, years to expiry and model value at the snapshot.</summary>
    private readonly record struct OptionTerms(double ForwardFactor, double Discount, double Years, double Value);
}
