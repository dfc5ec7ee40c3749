using BenchmarkDotNet.Attributes;
using MarginEngine.Accounts;
using MarginEngine.Compiled;
using MarginEngine.MarketData;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;

namespace MarginEngine.Benchmarks;

public class ScratchBenchmarks
{
    private Account _account = null!;
    private MarketSnapshot _market = null!;
    private RiskProfile _profile = null!;
    private UnitGrid _grid = null!;
    private Position _perp = null!;
    private Exposure _e = null!;
    private double[] _row = null!, _scratch = null!, _cells = null!;
    private PortfolioRiskState _state = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_account, _market) = ReferenceBook.Build(1_000, 100, seed: 5);
        _profile = ReferenceBook.Profile();
        _perp = _account.Positions.First(p => p.Instrument is MarginEngine.Instruments.Perpetual);
        _grid = new UnitGrid(_profile.GetPortfolio().For(_perp.Instrument.Underlying.Id, "reference"), _market.GetIndexPrice(_perp.Instrument.Underlying.Id));
        _e = PortfolioMarginCalculator.ToExposure(_perp.Instrument, 0.5, _perp.Instrument.Id, _market);
        _row = new double[_grid.Width]; _scratch = new double[2 * _grid.Width]; _cells = new double[_grid.Width];
        _state = PortfolioRiskState.Create(_account, _market, _profile);
    }

    [Benchmark] public object ToExposure() => PortfolioMarginCalculator.ToExposure(_perp.Instrument, 0.5, _perp.Instrument.Id, _market);
    [Benchmark] public void FillRow() => _grid.FillRow(_e, _scratch, _row);
    [Benchmark] public double WorstOf() => RiskUnitEngine.WorstOf(_grid, _cells.AsSpan(0, _grid.Count)).Counted;
    [Benchmark] public MarginQuote WhatIf() => _state.WhatIf(_perp);
}
