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
/// finite non-negative figures; Quote = Calculate bit for bit; scaling every position by k scales a unit's risk-matrix
/// margin by k; a what-if equals the full recompute; JSON round-trips; Quote and Calculate agree (or both fail typed) on
/// extreme-but-valid books. The collateral and isolated-versus-cross properties run on the wider books of
/// <see cref="WideBookPropertyTests"/>.
/// </summary>
public class MarginPropertyTests
{
    private const int Cases = 2_000;

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
    }, Cases, 10_000);

    [Fact]
    public void Quote_EqualsCalculate_BitForBit() => Property.Check(Books, book =>
    {
        var quote = PortfolioMarginCalculator.Quote(book.Account, book.Market, book.Profile);
        quote.Should().Be(PortfolioRiskState.Create(book.Account, book.Market, book.Profile).Current);
    }, Cases, 30_000);

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
    }, Cases, 40_000);

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
    }, Cases, 50_000);

    [Fact]
    public void Json_WriteThenRead_RoundTrips() => Property.Check(Books, book =>
    {
        var written = BookJson.Write(new Book(book.Account, book.Market, book.Profile));
        BookJson.Write(BookJson.Read(written)).Should().Be(written);
    }, Cases, 60_000);

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
    }, Cases, 70_000);

    [Fact]
    public void Quote_AndCalculate_AgreeOnExtremeButValidBooks() => Property.Check(Gen.Select(Books, Gen.Int[0, 12], Gen.Int[-8, 6]), generated =>
    {
        // Issue 10: Quote once returned IM 1.2e32 where Calculate threw. Quantities up to 5e13 and prices from 2e-5 to 1e11,
        // all inside Numerics.Limits: both succeed with the same IM and MM, or both throw a typed error.
        var (book, quantityPower, pricePower) = generated;
        var quantityScale = (decimal)Math.Pow(10, quantityPower);
        var priceScale = Math.Pow(10, pricePower);
        var account = new Account(book.Account.Id, book.Account.Mode, book.Account.Balances,
            book.Account.Positions.Select(p => p.Instrument is Perpetual
                ? new Position(p.Instrument, p.Quantity * quantityScale, p.EntryPrice * (decimal)priceScale)
                : new Position(p.Instrument, p.Quantity * quantityScale, p.EntryPrice)));
        var market = new MarketSnapshot(Now,
            book.Market.IndexPrices.ToDictionary(i => i.Key, i => i.Key == "USDT" ? i.Value : i.Value * priceScale),
            book.Market.MarkPrices.ToDictionary(m => m.Key, m => m.Key.EndsWith("USDT", StringComparison.Ordinal) ? m.Value * priceScale : m.Value),
            book.Market.ImpliedVolatilities);
        var quote = Outcome(() => PortfolioMarginCalculator.Quote(account, market, book.Profile));
        var calculated = Outcome(() => PortfolioMarginCalculator.Calculate(account, market, book.Profile).Report.Unrounded);
        (quote.Error is null).Should().Be(calculated.Error is null, $"quote: {quote.Error?.Message}; calculate: {calculated.Error?.Message}");
        // The report's figures pass through decimal (a double converts with 15 significant digits; Quote_EqualsCalculate_BitForBit
        // checks the double pipeline bit for bit): equal to 1e-12 relative.
        if (quote.Value is { } q && calculated.Value is { } c)
        {
            q.InitialMargin.Should().BeApproximately(c.InitialMargin, 1e-12 * Math.Max(1, c.InitialMargin));
            q.MaintenanceMargin.Should().BeApproximately(c.MaintenanceMargin, 1e-12 * Math.Max(1, c.MaintenanceMargin));
        }
    }, Cases, 90_000);

    private static (T? Value, Exception? Error) Outcome<T>(Func<T> compute)
    {
        try
        {
            return (compute(), null);
        }
        catch (Exception e) when (e is InvalidMarginInputException or MissingMarketDataException or MissingRiskParameterException)
        {
            return (default, e);
        }
    }
}
