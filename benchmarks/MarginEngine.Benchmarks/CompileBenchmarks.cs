using BenchmarkDotNet.Attributes;
using MarginEngine.Accounts;
using MarginEngine.Compiled;
using MarginEngine.MarketData;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Benchmarks;

/// <summary>
/// Issue 11: the reference book compiled on its own (positions into risk units: exposures, grids, option constants), and
/// a quote of the compiled book (the kernels and the bookkeeping only); Quote = the two together.
/// </summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private Account _account = null!;
    private MarketSnapshot _market = null!;
    private RiskProfile _profile = null!;
    private CompiledBook _book = null!;
    private CompiledMarket _compiledMarket = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_account, _market) = ReferenceBook.Build(1_000, 100, seed: 5);
        _profile = ReferenceBook.Profile();
        _book = CompiledBook.Compile(_account, _market, _profile);
        _compiledMarket = CompiledMarket.Create(_market, _profile);
        CompiledBook.Compile(_account, _compiledMarket);
    }

    [Benchmark]
    public CompiledBook Compile() => CompiledBook.Compile(_account, _market, _profile);

    /// <summary>The same book against a compiled snapshot that has seen its instruments (a sweep's later accounts, a what-if).</summary>
    [Benchmark]
    public CompiledBook CompileAgainstCompiledMarket() => CompiledBook.Compile(_account, _compiledMarket);

    [Benchmark]
    public MarginQuote QuoteCompiled() => _book.Quote();
}
