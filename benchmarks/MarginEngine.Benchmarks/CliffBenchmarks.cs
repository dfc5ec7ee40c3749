using BenchmarkDotNet.Attributes;
using MarginEngine.Accounts;
using MarginEngine.Cliff;
using MarginEngine.MarketData;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Benchmarks;

/// <summary>
/// Issue 12: a 201-step margin cliff of the reference book (-50% to +50% in 0.5% steps) under portfolio margin, against
/// the same 201 moved snapshots each margined from scratch (<see cref="PortfolioMarginCalculator.Calculate"/>, the report
/// a user would read). Every asset together, and BTC alone (one unit of five moves).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class CliffBenchmarks
{
    private static readonly CliffRange Range = new(-0.5, 0.5, 0.005);
    private Account _account = null!;
    private MarketSnapshot _market = null!;
    private RiskProfile _profile = null!;

    [Params("together", "BTC")]
    public string Shock { get; set; } = "together";

    [GlobalSetup]
    public void Setup()
    {
        (_account, _market) = ReferenceBook.Build(1_000, 100, seed: 5);
        _profile = ReferenceBook.Profile();
    }

    private CliffShock CliffShock => Shock == "together" ? Cliff.CliffShock.Together() : Cliff.CliffShock.Alone(Shock);

    [Benchmark(Baseline = true)]
    public decimal FullRecomputes()
    {
        var evaluator = new CliffEvaluator(_account, _market, _profile, MarginMethod.Portfolio, CliffShock);
        var total = 0m;
        foreach (var move in Range.Moves())
            total += PortfolioMarginCalculator.Calculate(_account, evaluator.Move(move).Market, _profile).Report.MaintenanceMargin;
        return total;
    }

    [Benchmark]
    public decimal CliffSweep() => MarginCliff.Points(_account, _market, _profile, MarginMethod.Portfolio, CliffShock, Range).Sum(p => p.MaintenanceMargin);
}
