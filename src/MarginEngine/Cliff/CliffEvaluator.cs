using MarginEngine.Accounts;
using MarginEngine.Compiled;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Cliff;

/// <summary>
/// An account's margin under one method at any move of a <see cref="CliffShock"/>, every figure recomputed on the
/// moved snapshot with collateral revalued. Portfolio margin starts from the book compiled once at the snapshot: a
/// move recompiles and requotes only the risk units whose prices moved, and the rest keep their figures (bitwise what
/// a full recompute gives; tested).
/// </summary>
internal sealed class CliffEvaluator
{
    private readonly MarketSnapshot _market;
    private readonly MarketShift _shift;
    private readonly RiskProfile _profile;
    private readonly IReadOnlyCollection<string> _assets;
    private readonly CompiledBook? _book;
    private readonly UnitFigures[]? _figures;

    public CliffEvaluator(Account account, MarketSnapshot market, RiskProfile profile, MarginMethod method, CliffShock shock)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(shock);
        if (!profile.Methods.Contains(method))
            throw new MissingRiskParameterException(profile.Name, $"{method.ToString().ToLowerInvariant()} margin", account.Id);
        Method = method;
        Shock = shock;
        _market = market;
        _profile = profile;
        Account = method == MarginMethod.Isolated ? AllocateIsolated(account, market, profile) : account;
        _assets = shock.Assets(Account, market);
        _shift = new MarketShift(market, Account);
        if (method == MarginMethod.Portfolio && profile.Portfolio is not null)
        {
            _book = CompiledBook.Compile(Account, market, profile);
            _figures = [.. _book.Units.Select(u => RiskUnitEngine.Quote(u, _book.Portfolio))];
        }
    }

    public MarginMethod Method { get; }

    public CliffShock Shock { get; }

    /// <summary>The account as margined: under isolated margin, each perpetual and future without allocated margin holds its IM at the snapshot.</summary>
    public Account Account { get; }

    /// <summary>The snapshot moved by <paramref name="move"/>, and the move of each asset.</summary>
    public (MarketSnapshot Market, IReadOnlyDictionary<string, double> Moves) Move(double move)
    {
        if (!(move > -1) || !double.IsFinite(move))
            throw new InvalidMarginInputException("cliff.move", $"must be finite and above -100% but was {Guard.Show(move)}");
        var (moves, volUp) = Shock.At(move, _assets);
        return (move == 0 ? _market : _shift.Apply(moves, volUp), moves);
    }

    /// <summary>The account's report at <paramref name="move"/>, and its headroom.</summary>
    public (MarginReport Report, Headroom Headroom) At(double move)
    {
        var (market, moves) = Move(move);
        var report = Method switch
        {
            MarginMethod.Isolated => IsolatedMarginCalculator.Calculate(Account, market, _profile),
            MarginMethod.Cross => CrossMarginCalculator.Calculate(Account, market, _profile),
            _ when _book is null => UnifiedMarginCalculator.Calculate(Account, market, _profile).Report,
            _ => Portfolio(market, moves),
        };
        return (report, Headroom.Of(report));
    }

    /// <summary>The full result at <paramref name="move"/>: the report, and the portfolio breakdown under portfolio margin.</summary>
    public (MarginReport Report, PortfolioMarginResult? Portfolio) Detail(double move)
    {
        if (Method != MarginMethod.Portfolio || _book is null)
            return (At(move).Report, null);
        var result = PortfolioMarginCalculator.Calculate(Account, Move(move).Market, _profile);
        return (result.Report, result);
    }

    private MarginReport Portfolio(MarketSnapshot market, IReadOnlyDictionary<string, double> moves)
    {
        var book = _book!;
        var portfolio = _profile.GetPortfolio().At(market);
        var all = portfolio.LossFactors?.Depeg is { } depeg && Moved(moves, depeg.Stablecoin);
        var moved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in book.Units)
        {
            if (all || Moved(moves, unit.Underlying) || unit.Book.Exposures.Concat(unit.Orders.Exposures).Any(e => Moved(moves, e.SettlementAssetId)))
                moved.Add(unit.Underlying);
        }

        var figures = (UnitFigures[])_figures!.Clone();
        if (moved.Count > 0)
        {
            var partial = CompiledBook.CompileUnits(Account, market, _profile, portfolio, moved.Contains);
            foreach (var unit in partial.Units)
                figures[Array.FindIndex(book.Units, u => u.Underlying == unit.Underlying)] = RiskUnitEngine.Quote(unit, portfolio);
        }

        var (mm, im, _) = RiskUnitEngine.Totals(portfolio, figures);
        return PortfolioReport.Of(Account, market, _profile, mm, im);
    }

    private static bool Moved(IReadOnlyDictionary<string, double> moves, string asset) => moves.TryGetValue(asset, out var m) && m != 0;

    /// <summary>
    /// Isolated margin gives every perpetual and future its own margin; one without an allocation is given its IM at the
    /// snapshot, taken from its settlement asset's balance (as the venue did when it opened), so the margin stays put as
    /// prices move instead of following the IM at each mark.
    /// </summary>
    private static Account AllocateIsolated(Account account, MarketSnapshot market, RiskProfile profile)
    {
        var balances = account.Balances.ToDictionary(b => b.Asset.Id, b => b, StringComparer.Ordinal);
        var positions = new List<Position>(account.Positions.Length);
        foreach (var position in account.Positions)
        {
            if (position.IsIsolated || position.Instrument is not (Perpetual or Future))
            {
                positions.Add(position);
                continue;
            }

            var f = StandardMath.Evaluate(position, market, profile);
            var margin = f.InitialMarginUsd / f.SettlementToUsd;
            positions.Add(new Position(position.Instrument, position.Quantity, position.EntryPrice, margin, position.Leverage));
            var asset = position.Instrument.SettlementAsset;
            balances[asset.Id] = new Balance(asset, (balances.TryGetValue(asset.Id, out var held) ? held.Quantity : 0m) - margin);
        }

        return new Account(account.Id, account.Mode, balances.Values, positions, account.Orders, account.Reserves);
    }
}
