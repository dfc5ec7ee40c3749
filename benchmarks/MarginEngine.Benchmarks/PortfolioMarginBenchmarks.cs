using BenchmarkDotNet.Attributes;
using MarginEngine.Accounts;
using MarginEngine.Collateral;
using MarginEngine.Compiled;
using MarginEngine.MarketData;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Benchmarks;

/// <summary>
/// Issue 5 benchmark 1: the reference book (1,000 options + 100 futures, 5 underlyings, 21 x 5 scenarios), full portfolio
/// margin: with the whole breakdown (Library) and numbers only (LibraryQuote), both repricing every option in every scenario.
/// </summary>
[MemoryDiagnoser]
public class PortfolioMarginBenchmarks
{
    private Account _account = null!;
    private MarketSnapshot _market = null!;
    private RiskProfile _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_account, _market) = ReferenceBook.Build(1_000, 100, seed: 5);
        _profile = ReferenceBook.Profile();
        Agreement.Check(PortfolioMarginCalculator.Calculate(_account, _market, _profile).RiskMatrixMarginUsd, NaivePortfolioMargin.InitialMargin(_account, _market, _profile));
    }

    [Benchmark(Baseline = true)]
    public double Naive() => NaivePortfolioMargin.InitialMargin(_account, _market, _profile);

    [Benchmark]
    public PortfolioMarginResult Library() => PortfolioMarginCalculator.Calculate(_account, _market, _profile);

    [Benchmark]
    public MarginQuote LibraryQuote() => PortfolioMarginCalculator.Quote(_account, _market, _profile);
}

/// <summary>Issue 5 benchmark 2: a same-size book under the deribit preset (35 scenarios with the extended table, coin units).</summary>
[MemoryDiagnoser]
public class DeribitPresetBenchmarks
{
    private Account _account = null!;
    private MarketSnapshot _market = null!;
    private RiskProfile _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_account, _market) = ReferenceBook.Build(1_000, 100, seed: 6, inverseOptions: true);
        // Deribit publishes no USDT haircut in the material the preset holds (docs/presets.md): the book's USDT counts in full.
        _profile = WithoutAddOns(MarginEngine.Json.RiskProfilePresets.Get("deribit"))
            .WithSupplement(new ProfileSupplement("benchmark", haircuts: new Dictionary<string, HaircutSchedule> { ["USDT"] = HaircutSchedule.Flat(1m) }));
        Agreement.Check(PortfolioMarginCalculator.Calculate(_account, _market, _profile).RiskMatrixMarginUsd, NaivePortfolioMargin.InitialMargin(_account, _market, _profile));
    }

    [Benchmark(Baseline = true)]
    public double Naive() => NaivePortfolioMargin.InitialMargin(_account, _market, _profile);

    [Benchmark]
    public PortfolioMarginResult Library() => PortfolioMarginCalculator.Calculate(_account, _market, _profile);

    [Benchmark]
    public MarginQuote LibraryQuote() => PortfolioMarginCalculator.Quote(_account, _market, _profile);

    /// <summary>The deribit grid (35 scenarios, coin units) without add-ons, IM = RM: the naive baseline has no add-ons.</summary>
    private static RiskProfile WithoutAddOns(RiskProfile p)
    {
        var g = p.GetPortfolio();
        static RiskUnitParameters Strip(RiskUnitParameters u) => new(u.PriceMoves, u.PriceRange, [], u.VolShock, u.ExtendedMoves, u.ExtendedDampener,
            u.ExtremeMoves, u.PnlOffset, u.PnlOffsetCap, u.Currency, u.IncludeCollateral, AddOnParameters.None, u.VolLevels);
        return new RiskProfile(p.Name, p.Brackets, p.Haircuts, p.Borrow, p.Options, p.Fees, p.OpenOrders,
            new PortfolioParameters(g.Family, g.Units.ToDictionary(u => u.Key, u => Strip(u.Value)), g.DefaultUnit is { } d ? Strip(d) : null, 1.0, null, g.Aggregation));
    }
}

/// <summary>Issue 5 benchmark 3: what-if one option added to the reference book, against full recomputes.</summary>
[MemoryDiagnoser]
public class WhatIfBenchmarks
{
    private Account _account = null!;
    private Account _withOption = null!;
    private MarketSnapshot _market = null!;
    private RiskProfile _profile = null!;
    private PortfolioRiskState _state = null!;
    private Position _option = null!;
    private Position _future = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_account, _market) = ReferenceBook.Build(1_000, 100, seed: 5);
        _profile = ReferenceBook.Profile();
        (_option, _market) = NewLeg(_account.Positions.First(p => p.Instrument is MarginEngine.Instruments.EuropeanOption), _market);
        _withOption = _account.WithPosition(_option);
        var perpetual = _account.Positions.First(p => p.Instrument is MarginEngine.Instruments.Perpetual);
        _future = new Position(perpetual.Instrument, 0.5m, perpetual.EntryPrice);
        _state = PortfolioRiskState.Create(_account, _market, _profile);
        var quick = _state.WhatIf(_option).InitialMargin;
        var full = PortfolioRiskState.Create(_withOption, _market, _profile).Current.InitialMargin;
        if (Math.Abs(quick - full) > 1e-9 * full)
            throw new InvalidOperationException($"what-if {quick} disagrees with the recompute {full}");
    }

    [Benchmark(Baseline = true)]
    public double NaiveFullRecompute() => NaivePortfolioMargin.InitialMargin(_withOption, _market, _profile);

    [Benchmark]
    public PortfolioMarginResult LibraryFullRecompute() => PortfolioMarginCalculator.Calculate(_withOption, _market, _profile);

    [Benchmark]
    public MarginQuote WhatIfOneOption() => _state.WhatIf(_option);

    [Benchmark]
    public MarginQuote WhatIfOneFuture() => _state.WhatIf(_future);

    /// <summary>A new leg on the same underlying as <paramref name="position"/>: strike 5% higher, its own id, the same mark and vol.</summary>
    private static (Position Leg, MarketSnapshot Market) NewLeg(Position position, MarketSnapshot market)
    {
        var o = (MarginEngine.Instruments.EuropeanOption)position.Instrument;
        var leg = new MarginEngine.Instruments.EuropeanOption("WHATIF-" + o.Id, o.Underlying, o.SettlementAsset, o.Settlement, o.Right, o.Strike * 1.05m, o.Expiry);
        var withLeg = new MarketSnapshot(market.ValuationTime, market.IndexPrices,
            market.MarkPrices.Append(KeyValuePair.Create(leg.Id, market.MarkPrices[o.Id])),
            market.ImpliedVolatilities.Append(KeyValuePair.Create(leg.Id, market.ImpliedVolatilities[o.Id])));
        return (new Position(leg, -3m, position.EntryPrice), withLeg);
    }
}

/// <summary>Issue 5 benchmark 5: portfolio margin of 10,000 seeded accounts, on 1 and 2 threads.</summary>
[MemoryDiagnoser]
public class SweepBenchmarks
{
    private List<Account> _accounts = null!;
    private MarketSnapshot _market = null!;
    private RiskProfile _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        (var book, _market) = ReferenceBook.Build(1_000, 100, seed: 8);
        _profile = ReferenceBook.Profile();
        var random = new Random(8);
        var legs = book.Positions;
        _accounts = [.. Enumerable.Range(0, 10_000).Select(i => new Account($"acc{i}", MarginMode.Portfolio, book.Balances,
            Enumerable.Range(0, 12).Select(_ => legs[random.Next(legs.Length)]).DistinctBy(p => p.Instrument.Id)))];
        if (!MarginSweep.Run(_accounts, _market, _profile, 2).SequenceEqual(MarginSweep.Run(_accounts, _market, _profile, 1)))
            throw new InvalidOperationException("the parallel sweep differs from the sequential one");
    }

    [Benchmark(Baseline = true)]
    public SweepOutcome[] OneThread() => MarginSweep.Run(_accounts, _market, _profile, 1);

    [Benchmark]
    public SweepOutcome[] TwoThreads() => MarginSweep.Run(_accounts, _market, _profile, 2);
}

/// <summary>Refuses to benchmark implementations that disagree.</summary>
internal static class Agreement
{
    public static void Check(double library, double naive)
    {
        if (Math.Abs(library - naive) > 1e-6 * Math.Max(1, Math.Abs(naive)))
            throw new InvalidOperationException($"library {library} and naive {naive} disagree");
    }
}

/// <summary>
/// The steady-state kernels alone on one unit of the reference book: its 200 compiled options repriced in every
/// scenario into the cell vector, and the worst cell found. Must allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private CompiledLegs _legs = null!;
    private UnitGrid _grid = null!;
    private double[] _row = null!;
    private double[] _scratch = null!;
    private double[] _cells = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (account, market) = ReferenceBook.Build(1_000, 0, seed: 5);
        var unit = ReferenceBook.Profile().GetPortfolio().For("BTC", "reference");
        _grid = new UnitGrid(unit, market.GetIndexPrice("BTC"));
        _legs = new CompiledLegs(_grid, [.. account.Positions.Where(p => p.Instrument.Underlying.Id == "BTC")
            .Select(p => RiskUnits.ToExposure(p.Instrument, (double)p.Quantity, p.Instrument.Id, market))]);
        _row = new double[_grid.Width];
        _scratch = new double[2 * _grid.Width];
        _cells = new double[_grid.Width];
    }

    [Benchmark]
    public double RepriceUnitAndFindWorst()
    {
        Array.Clear(_cells);
        for (var k = 0; k < _legs.Count; k++)
            _legs.AddTo(k, _scratch, _row, _cells);
        return RiskUnitEngine.WorstOf(_grid, _cells.AsSpan(0, _grid.Count)).Counted;
    }
}
