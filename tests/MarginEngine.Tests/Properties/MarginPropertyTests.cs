using CsCheck;
using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.Json;
using MarginEngine.MarketData;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Tests.Portfolio;
using NodaTime;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Properties;

/// <summary>
/// Issue 10's properties on generated valid books (CsCheck generators, fixed seeds, shrinking on failure): typed errors or
/// finite non-negative figures; stablecoin collateral never raises margin; Quote = Calculate bit for bit; scaling every
/// position by k scales a unit's risk-matrix margin by k; a what-if equals the full recompute; JSON round-trips.
/// </summary>
public class MarginPropertyTests
{
    private const int Cases = 400;

    /// <summary>A generated book: a BTC/ETH account with perpetuals and options, its snapshot, and a portfolio profile.</summary>
    public sealed record GeneratedBook(Account Account, MarketSnapshot Market, RiskProfile Profile)
    {
        public override string ToString() =>
            $"{string.Join("; ", Account.Positions.Select(p => $"{p.Instrument.Id} {p.Quantity} @ {p.EntryPrice}"))} | USDT {Account.Balances[0].Quantity}";
    }

    private static readonly Gen<decimal> Quantity = Gen.Int[-500, 500].Where(q => q != 0).Select(q => q / 100m);

    private static readonly Gen<(int Strike, int Days, bool Call, decimal Quantity, double Vol)> OptionLeg =
        Gen.Select(Gen.Int[6, 18], Gen.Int[2, 180], Gen.Bool, Quantity, Gen.Double[0.2, 1.5]).Select((k, d, c, q, v) => (k * 5_000, d, c, q, v));

    public static readonly Gen<GeneratedBook> Books =
        Gen.Select(Gen.Double[20_000, 100_000], Gen.Double[1_000, 5_000], Quantity, Quantity, OptionLeg.Array[0, 5], Gen.Int[1_000, 1_000_000])
            .Select((btc, eth, btcPerp, ethPerp, legs, usdt) =>
            {
                var marks = new Dictionary<string, double> { ["BTCUSDT"] = btc, ["ETHUSDT"] = eth };
                var vols = new Dictionary<string, double>();
                var positions = new List<Position> { new(BtcUsdt, btcPerp, (decimal)Math.Round(btc)), new(EthUsdt, ethPerp * 10, (decimal)Math.Round(eth)) };
                foreach (var (strike, days, call, quantity, vol) in legs.DistinctBy(l => (l.Strike, l.Days, l.Call)))
                {
                    var option = new EuropeanOption($"BTC-{days}-{strike}-{(call ? "C" : "P")}", Btc, Usdt, Settlement.Linear,
                        call ? OptionRight.Call : OptionRight.Put, strike, Now.Plus(Duration.FromDays(days)));
                    marks[option.Id] = 1_000;
                    vols[option.Id] = vol;
                    positions.Add(new Position(option, quantity, 1_000m));
                }

                var market = new MarketSnapshot(Now, new Dictionary<string, double> { ["USDT"] = 1, ["BTC"] = btc, ["ETH"] = eth }, marks, vols);
                var account = Account([new Balance(Usdt, usdt)], positions);
                return new GeneratedBook(account, market, Profile(portfolio: PortfolioFixtures.Profile(PortfolioFixtures.Unit()).Portfolio));
            });

    [Fact]
    public void EveryEntryPoint_GivesFiniteNonNegativeFiguresOrATypedError() => Property.Check(Books, book =>
    {
        foreach (var compute in new Func<MarginEngine.Results.MarginReport>[]
        {
            () => IsolatedMarginCalculator.Calculate(book.Account, book.Market, book.Profile),
            () => CrossMarginCalculator.Calculate(book.Account, book.Market, book.Profile),
            () => PortfolioMarginCalculator.Calculate(book.Account, book.Market, book.Profile).Report,
        })
        {
            try
            {
                var report = compute();
                (report.InitialMargin >= 0 && report.MaintenanceMargin >= 0 && double.IsFinite(report.Unrounded.Equity)).Should().BeTrue();
            }
            catch (Exception e) when (e is InvalidMarginInputException or MissingMarketDataException or MissingRiskParameterException)
            {
            }
        }
    }, Cases, 1000);

    [Fact]
    public void MoreStablecoinCollateral_NeverRaisesMargin() => Property.Check(Books, book =>
    {
        // A stablecoin balance moves with no scenario and has no haircut here: adding 10,000 USDT leaves IM and MM as they were.
        var richer = new Account(book.Account.Id, book.Account.Mode, [new Balance(Usdt, book.Account.Balances[0].Quantity + 10_000m)], book.Account.Positions);
        var before = PortfolioMarginCalculator.Calculate(book.Account, book.Market, book.Profile).Report;
        var after = PortfolioMarginCalculator.Calculate(richer, book.Market, book.Profile).Report;
        (after.InitialMargin <= before.InitialMargin && after.MaintenanceMargin <= before.MaintenanceMargin).Should().BeTrue();
        var cross = CrossMarginCalculator.Calculate(richer, book.Market, book.Profile);
        cross.InitialMargin.Should().BeLessThanOrEqualTo(CrossMarginCalculator.Calculate(book.Account, book.Market, book.Profile).InitialMargin);
    }, Cases, 2000);

    [Fact]
    public void Quote_EqualsCalculate_BitForBit() => Property.Check(Books, book =>
    {
        var quote = PortfolioMarginCalculator.Quote(book.Account, book.Market, book.Profile);
        quote.Should().Be(PortfolioRiskState.Create(book.Account, book.Market, book.Profile).Current);
    }, Cases, 3000);

    [Fact]
    public void ScalingEveryPosition_ScalesTheRiskMatrixMargin() => Property.Check(Books, book =>
    {
        // One unit per underlying, no collateral revalued, no add-ons: every cell is linear in the quantities, so 3x the book
        // is 3x each unit's worst loss.
        var tripled = new Account(book.Account.Id, book.Account.Mode, book.Account.Balances,
            book.Account.Positions.Select(p => new Position(p.Instrument, p.Quantity * 3, p.EntryPrice)));
        var one = PortfolioMarginCalculator.Quote(book.Account, book.Market, book.Profile).RiskMatrixMargin;
        var three = PortfolioMarginCalculator.Quote(tripled, book.Market, book.Profile).RiskMatrixMargin;
        three.Should().BeApproximately(3 * one, 1e-9 * Math.Max(1, 3 * one));
    }, Cases, 4000);

    [Fact]
    public void WhatIf_EqualsTheFullRecompute() => Property.Check(Books, book =>
    {
        var extra = new EuropeanOption("BTC-EXTRA-C", Btc, Usdt, Settlement.Linear, OptionRight.Call, 60_000m, Now.Plus(Duration.FromDays(45)));
        var market = new MarketSnapshot(Now, book.Market.IndexPrices,
            book.Market.MarkPrices.Append(KeyValuePair.Create(extra.Id, 1_000.0)), book.Market.ImpliedVolatilities.Append(KeyValuePair.Create(extra.Id, 0.6)));
        var leg = new Position(extra, -1.5m, 1_000m);
        var quick = PortfolioRiskState.Create(book.Account, market, book.Profile).WhatIf(leg);
        var full = PortfolioMarginCalculator.Quote(book.Account.WithPosition(leg), market, book.Profile);
        quick.InitialMargin.Should().BeApproximately(full.InitialMargin, 1e-9 * Math.Max(1, full.InitialMargin));
    }, Cases, 5000);

    [Fact]
    public void Json_WriteThenRead_RoundTrips() => Property.Check(Books, book =>
    {
        var written = BookJson.Write(new Book(book.Account, book.Market, book.Profile));
        BookJson.Write(BookJson.Read(written)).Should().Be(written);
    }, Cases, 6000);

    [Fact]
    public void ABook_NeedsNoMoreThanItsHalvesApart() => Property.Check(Books, book =>
    {
        // Risk-matrix family, no add-ons, gains not counted: the worst cell of a sum is at least the sum of the worst cells,
        // so a hedged book's risk-matrix margin is at most the sum of its parts' (here: odd and even positions).
        Account Part(int parity) => new(book.Account.Id, book.Account.Mode, book.Account.Balances,
            book.Account.Positions.Where((_, i) => i % 2 == parity));
        var whole = PortfolioMarginCalculator.Quote(book.Account, book.Market, book.Profile).RiskMatrixMargin;
        var parts = PortfolioMarginCalculator.Quote(Part(0), book.Market, book.Profile).RiskMatrixMargin
            + PortfolioMarginCalculator.Quote(Part(1), book.Market, book.Profile).RiskMatrixMargin;
        whole.Should().BeLessThanOrEqualTo(parts + 1e-9 * Math.Max(1, parts));
    }, Cases, 7000);
}
