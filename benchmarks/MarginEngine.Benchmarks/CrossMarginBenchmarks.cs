using BenchmarkDotNet.Attributes;
using MarginEngine.Accounts;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Benchmarks;

/// <summary>Cross margin of a seeded book: the full report (with a numeric liquidation price per position) against collateral valuation alone.</summary>
[MemoryDiagnoser]
public class CrossMarginBenchmarks
{
    private Account _account = null!;
    private MarketSnapshot _market = null!;
    private RiskProfile _profile = null!;

    [Params(1_000)]
    public int Positions { get; set; }

    [GlobalSetup]
    public void Setup() => (_account, _market, _profile) = SeededBooks.Cross(Positions, seed: 42);

    [Benchmark(Baseline = true)]
    public decimal CollateralOnly() => CollateralValuation.Value(_account, _market, _profile).Sum(c => c.CollateralValue);

    [Benchmark]
    public MarginReport CrossReport() => CrossMarginCalculator.Calculate(_account, _market, _profile);

    [Benchmark]
    public MarginReport IsolatedReport() => IsolatedMarginCalculator.Calculate(_account, _market, _profile);
}
