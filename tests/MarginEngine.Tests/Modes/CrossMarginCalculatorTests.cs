using MarginEngine.Accounts;
using MarginEngine.Assets;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.Modes;
using MarginEngine.Profiles;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Modes;

public class CrossMarginCalculatorTests
{
    private static readonly Balance TenThousandUsdt = new(Usdt, 10_000m);

    [Fact]
    public void LiquidationPrice_LongWithASecondPositionOpen_MatchesBinanceCrossFormula()
    {
        // Wallet 10,000 USDT; BTC long 1 @ 50,000 (mark 50,000); ETH short 10 @ 3,000 (mark 3,000).
        // ETH notional 30,000 -> bracket 2 (0.65%, cum 15): MM = 195 - 15 = 180, uPnL 0.
        // Binance cross: LP = (WB - TMM1 + UPNL1 + cum - s Q E) / (Q mmr - s Q) = (10,000 - 180 + 0 + 0 - 50,000) / (0.004 - 1)
        //              = 40,341.36546...; notional 40,341 < 50,000 keeps bracket 1. Long: rounded up to 4 dp.
        var account = Account([TenThousandUsdt], [new Position(BtcUsdt, 1m, 50_000m), new Position(EthUsdt, -10m, 3_000m)]);
        var report = CrossMarginCalculator.Calculate(account, Market(("BTCUSDT", 50_000), ("ETHUSDT", 3_000)), Profile());
        report.Positions.Single(p => p.InstrumentId == "BTCUSDT").LiquidationPrice.Should().Be(40_341.3655m);
    }

    [Fact]
    public void LiquidationPrice_ShortWithASecondPositionOpen_ByHand()
    {
        // Same book, ETH short: BTC MM at 50,000 is bracket 2: 250 - 50 = 200.
        // 10,000 + (30,000 - 10 P) - 200 = MM_eth(10 P); bracket 2: 0.065 P - 15 -> P = 39,815 / 10.065 = 3,955.78738...
        // notional 39,558 is in [10,000, 100,000). Short: rounded down to 4 dp.
        var account = Account([TenThousandUsdt], [new Position(BtcUsdt, 1m, 50_000m), new Position(EthUsdt, -10m, 3_000m)]);
        var report = CrossMarginCalculator.Calculate(account, Market(("BTCUSDT", 50_000), ("ETHUSDT", 3_000)), Profile());
        report.Positions.Single(p => p.InstrumentId == "ETHUSDT").LiquidationPrice.Should().Be(3_955.7873m);
    }

    [Fact]
    public void RiskRate_WithAnOpenOrderAndFeesCounted_FollowsKuCoin()
    {
        // Wallet 10,000 USDT; BTC long 1 @ 50,000, mark 51,000; resting buy 1 @ 49,000; taker 0.06%, fees and order MM count.
        // Position: notional 51,000 -> bracket 2 (0.5%, cum 50): MM 255 - 50 = 205; closing fee 51,000 x 0.0006 = 30.6;
        //           IM 51,000 / 100 + 30.6 = 540.6; uPnL +1,000.
        // Order (adds to the long): MM as if filled = MM(102,000) - MM(51,000) = (510 - 50) - 205 = 255;
        //           IM at limit: bracket of 49,000 + 49,000 = 98,000 is 100x -> 490; opening fee 49,000 x 0.0006 = 29.4.
        // Risk rate = (205 + 30.6 + 255) / (10,000 + 1,000 - 29.4) = 490.6 / 10,970.6 = 0.0447195... -> 0.044720 (rounded up).
        // Available = 10,970.6 - (540.6 + 490) = 9,940.00.
        var profile = Profile(new FeePolicy(0.0006m, true, true), new OpenOrderPolicy(true));
        var account = Account([TenThousandUsdt], [new Position(BtcUsdt, 1m, 50_000m)], [new OpenOrder("bid", BtcUsdt, OrderSide.Buy, 1m, 49_000m)]);
        var report = CrossMarginCalculator.Calculate(account, Market(("BTCUSDT", 51_000)), profile);

        report.MaintenanceMargin.Should().Be(490.60m);
        report.InitialMargin.Should().Be(1_030.60m);
        report.OpeningFees.Should().Be(29.40m);
        report.MarginRatio.Should().Be(0.044720m);
        report.AvailableBalance.Should().Be(9_940.00m);
        report.Orders.Single().MaintenanceMargin.Should().Be(255m);
    }

    [Fact]
    public void RiskRate_KuCoinCountsTheOrdersClosingFeeAsIfFilled()
    {
        // The case above with the order's expected closing fee as if filled (KuCoin): 49,000 x 0.0006 = 29.4 on top of
        // its opening fee. MM = 490.6 + 29.4 = 520.0; IM = 1,030.6 + 29.4 = 1,060.0.
        // Risk rate = 520 / 10,970.6 = 0.04739941... -> 0.047400 (up). Available = 10,970.6 - (540.6 + 490 + 29.4) = 9,910.60.
        var profile = Profile(new FeePolicy(0.0006m, true, true), new OpenOrderPolicy(true, ClosingFeeAsIfFilled: true));
        var account = Account([TenThousandUsdt], [new Position(BtcUsdt, 1m, 50_000m)], [new OpenOrder("bid", BtcUsdt, OrderSide.Buy, 1m, 49_000m)]);
        var report = CrossMarginCalculator.Calculate(account, Market(("BTCUSDT", 51_000)), profile);

        report.MaintenanceMargin.Should().Be(520.00m);
        report.InitialMargin.Should().Be(1_060.00m);
        report.OpeningFees.Should().Be(29.40m);
        report.MarginRatio.Should().Be(0.047400m);
        report.AvailableBalance.Should().Be(9_910.60m);
    }

    [Fact]
    public void Borrow_OnNegativeCurrencyEquity_OkxMr8()
    {
        // 1,000 USDT and 1 BTC; BTCUSDT long 1 @ 50,000 marked 48,000: P&L -2,000 USDT, so USDT equity = 1,000 - 2,000 = -1,000:
        // a 1,000 USD borrow. Borrow IM 10% = 100, MM 2% = 20. Position: notional 48,000 in bracket 1 (0.4%, 125x): MM 192, IM 384.
        // Totals MM 192 + 20 = 212, IM 384 + 100 = 484. On the balance basis nothing is borrowed: MM 192, IM 384.
        var account = Account([new Balance(Usdt, 1_000m), new Balance(Btc, 1m)], [new Position(BtcUsdt, 1m, 50_000m)]);
        var market = Market(("BTCUSDT", 48_000));
        var okx = Profile() with { Borrow = new BorrowRates(0.10m, 0.02m, BorrowBasis.NegativeCurrencyEquity) };
        var report = CrossMarginCalculator.Calculate(account, market, okx);
        report.Borrows.Should().Equal(new MarginEngine.Results.BorrowMargin("USDT", 1_000m, 100m, 20m));
        (report.MaintenanceMargin, report.InitialMargin).Should().Be((212m, 484m));

        var onBalance = CrossMarginCalculator.Calculate(account, market, Profile());
        onBalance.Borrows.Should().BeEmpty();
        (onBalance.MaintenanceMargin, onBalance.InitialMargin).Should().Be((192m, 384m));

        // Isolated, the position's loss still belongs to USDT's equity (OKX's eq counts the isolated equity): the same borrow.
        var isolated = IsolatedMarginCalculator.Calculate(account, market, okx);
        isolated.Borrows.Should().Equal(new MarginEngine.Results.BorrowMargin("USDT", 1_000m, 100m, 20m));
        (isolated.MaintenanceMargin, isolated.InitialMargin).Should().Be((212m, 484m));
    }

    [Fact]
    public void Borrow_OnNegativeCurrencyEquity_OfACoinHeldOnlyThroughItsPnl()
    {
        // No BTC balance; BTCUSD (inverse, 100 USD a contract) long 500 at 50,000 marked 40,000: P&L in BTC
        // = 50,000 x (1/50,000 - 1/40,000) = -0.25 BTC, so BTC's equity is -0.25: a borrow of 0.25 x index 50,000 = 12,500 USD,
        // IM 10 % = 1,250, MM 2 % = 250 (found by mutation testing: a currency with P&L and no balance, at a non-unit index).
        var account = Account([new Balance(Usdt, 100_000m)], [new Position(BtcUsd, 500m, 50_000m)]);
        var okx = Profile() with { Borrow = new BorrowRates(0.10m, 0.02m, BorrowBasis.NegativeCurrencyEquity) };
        CrossMarginCalculator.Calculate(account, Market(("BTCUSD", 40_000)), okx).Borrows
            .Should().Equal(new MarginEngine.Results.BorrowMargin("BTC", 12_500m, 1_250m, 250m));
    }

    [Fact]
    public void Borrow_OnNegativeCurrencyEquity_CountsMarginAllocatedToAnIsolatedPosition()
    {
        // As above with 500 USDT allocated to the position: USDT equity = 1,000 + 500 - 2,000 = -500: a 500 USD borrow,
        // IM 10% = 50, MM 2% = 10.
        var account = Account([new Balance(Usdt, 1_000m), new Balance(Btc, 1m)], [new Position(BtcUsdt, 1m, 50_000m, isolatedMargin: 500m)]);
        var okx = Profile() with { Borrow = new BorrowRates(0.10m, 0.02m, BorrowBasis.NegativeCurrencyEquity) };
        CrossMarginCalculator.Calculate(account, Market(("BTCUSDT", 48_000)), okx).Borrows
            .Should().Equal(new MarginEngine.Results.BorrowMargin("USDT", 500m, 50m, 10m));
    }

    [Fact]
    public void Haircut_AppliedToImOnly_KeepsEquityAtFullValue()
    {
        // 1 BTC collateral at 50,000 with a 5% haircut; BTCUSDT long 1 @ 50,000: IM 50,000 / 100 = 500, MM 250 - 50 = 200.
        // Haircut in the value: collateral 47,500, equity 47,500, IM 500, ratio 200 / 47,500 = 0.0042105... -> 0.004211.
        // Haircut on IM only (Derive): collateral 50,000, equity 50,000, IM 500 + 2,500 = 3,000, ratio 200 / 50,000 = 0.004.
        // The available balance is the same either way: 47,500 - 500 = 50,000 - 3,000 = 47,000.
        var account = Account([new Balance(Btc, 1m)], [new Position(BtcUsdt, 1m, 50_000m)]);
        var market = Market(("BTCUSDT", 50_000));
        var inValue = CrossMarginCalculator.Calculate(account, market, Profile());
        (inValue.Equity, inValue.InitialMargin, inValue.MaintenanceMargin, inValue.MarginRatio, inValue.AvailableBalance)
            .Should().Be((47_500m, 500m, 200m, 0.004211m, 47_000m));
        var imOnly = CrossMarginCalculator.Calculate(account, market, Profile() with { Haircut = HaircutApplication.InitialMarginOnly });
        (imOnly.Equity, imOnly.InitialMargin, imOnly.MaintenanceMargin, imOnly.MarginRatio, imOnly.AvailableBalance)
            .Should().Be((50_000m, 3_000m, 200m, 0.004m, 47_000m));
    }

    [Fact]
    public void Order_OnTheOtherSide_ReservesOnlyWhatExceedsThePosition()
    {
        // Long 1 BTC, resting sell 1.5 @ 52,000: 1 reduces, 0.5 opens a short: notional 26,000 at 125x (bracket 1) = 208.
        var account = Account([TenThousandUsdt], [new Position(BtcUsdt, 1m, 50_000m)], [new OpenOrder("ask", BtcUsdt, OrderSide.Sell, 1.5m, 52_000m)]);
        var report = CrossMarginCalculator.Calculate(account, Market(("BTCUSDT", 50_000)), Profile());
        report.Orders.Single().InitialMargin.Should().Be(208m);
        report.Orders.Single().OpeningNotional.Should().Be(26_000m);
    }

    [Fact]
    public void Borrow_CountsAtFullValueAndAddsItsMargins()
    {
        // 10,000 USDT and -2 ETH at 3,000: collateral 10,000 - 6,000 = 4,000; borrow IM 10% x 6,000 = 600, MM 2% = 120.
        var account = Account([TenThousandUsdt, new Balance(Eth, -2m)], []);
        var report = CrossMarginCalculator.Calculate(account, Market(), Profile());
        report.CollateralValue.Should().Be(4_000m);
        report.InitialMargin.Should().Be(600m);
        report.MaintenanceMargin.Should().Be(120m);
        report.MarginRatio.Should().Be(0.03m); // 120 / 4,000
    }

    [Fact]
    public void Equity_AddsHaircutCollateralPnlAndLongOptionValue()
    {
        // 1 BTC at 50,000 x 0.95 = 47,500; BTC long 1 @ 48,000 marked 50,000: +2,000; long call 2 x mark 1,250 = 2,500.
        // Equity = 47,500 + 2,000 + 2,500 = 52,000. IM: 50,000 / 100 (bracket 2) = 500; the long call needs nothing.
        var call = new EuropeanOption("BTC-C", Btc, Usdt, Settlement.Linear, OptionRight.Call, 60_000m, Now.Plus(NodaTime.Duration.FromDays(30)));
        var account = Account([new Balance(Btc, 1m)], [new Position(BtcUsdt, 1m, 48_000m), new Position(call, 2m, 1_000m)]);
        var report = CrossMarginCalculator.Calculate(account, Market(("BTCUSDT", 50_000), ("BTC-C", 1_250)), Profile());
        report.Equity.Should().Be(52_000m);
        report.InitialMargin.Should().Be(500m);
    }

    [Fact]
    public void ShortOption_UsesStandardOptionMargin()
    {
        // Short 1 call K 60,000 at index 50,000, mark 800, entry 900: OTM 10,000.
        // MM = 1,500 + 800 + 100 = 2,400; IM = max(max(7,500 - 10,000, 5,000) + 900, 2,400) = 5,900.
        var call = new EuropeanOption("BTC-C", Btc, Usdt, Settlement.Linear, OptionRight.Call, 60_000m, Now.Plus(NodaTime.Duration.FromDays(30)));
        var account = Account([TenThousandUsdt], [new Position(call, -1m, 900m)]);
        var report = CrossMarginCalculator.Calculate(account, Market(("BTC-C", 800)), Profile());
        report.MaintenanceMargin.Should().Be(2_400m);
        report.InitialMargin.Should().Be(5_900m);
    }

    [Fact]
    public void InversePosition_ConvertsCoinFiguresAtTheIndex()
    {
        // 1,000 contracts x 100 USD long at 40,000, mark 50,000, index 50,000: notional 100,000 / 50,000 = 2 BTC (bracket 1, 125x).
        // uPnL = 100,000 x (1/40,000 - 1/50,000) = 0.5 BTC = 25,000 USD. MM = 2 x 0.4% = 0.008 BTC = 400 USD; IM = 2/125 BTC = 800 USD.
        var account = Account([TenThousandUsdt], [new Position(BtcUsd, 1_000m, 40_000m)]);
        var report = CrossMarginCalculator.Calculate(account, Market(("BTCUSD", 50_000)), Profile());
        report.UnrealisedPnl.Should().Be(25_000m);
        report.MaintenanceMargin.Should().Be(400m);
        report.InitialMargin.Should().Be(800m);
    }

    [Fact]
    public void IsolatedPosition_KeepsItsOwnMarginOutOfThePool()
    {
        // Pool: 10,000 USDT, nothing else -> pool balance 10,000, pool MM 0. The isolated long (1 @ 50,000, margin 5,000)
        // adds its margin and P&L to equity (10,000 + 5,000 + 0) and its IM/MM to the totals, and keeps its closed-form LP 45,180.7229.
        var account = Account([TenThousandUsdt], [new Position(BtcUsdt, 1m, 50_000m, isolatedMargin: 5_000m)]);
        var report = CrossMarginCalculator.Calculate(account, Market(("BTCUSDT", 50_000)), Profile());
        report.Equity.Should().Be(15_000m);
        report.MarginBalance.Should().Be(10_000m);
        report.MarginRatio.Should().Be(0m);
        report.Positions.Single().LiquidationPrice.Should().Be(45_180.7229m);
        report.Positions.Single().MarginBalance.Should().Be(5_000m);
    }

    [Fact]
    public void MissingMarkPrice_ThrowsNamingTheInstrument()
    {
        var account = Account([TenThousandUsdt], [new Position(BtcUsdt, 1m, 50_000m)]);
        var act = () => CrossMarginCalculator.Calculate(account, Market(), Profile());
        act.Should().Throw<MissingMarketDataException>().Where(e => e.Id == "BTCUSDT" && e.Kind == "mark price");
    }

    [Fact]
    public void MissingHaircut_ThrowsNamingTheAsset()
    {
        var sol = new Asset("SOL");
        var account = Account([new Balance(sol, 1m)], []);
        var market = new MarginEngine.MarketData.MarketSnapshot(Now, new Dictionary<string, double> { ["SOL"] = 140 }, []);
        var act = () => CrossMarginCalculator.Calculate(account, market, Profile());
        act.Should().Throw<MissingRiskParameterException>().Where(e => e.Id == "SOL" && e.Kind == "haircut schedule");
    }

    [Fact]
    public void ExpiredOption_IsRejected()
    {
        var call = new EuropeanOption("BTC-OLD", Btc, Usdt, Settlement.Linear, OptionRight.Call, 60_000m, Now.Minus(NodaTime.Duration.FromHours(1)));
        var account = Account([TenThousandUsdt], [new Position(call, -1m, 900m)]);
        var act = () => CrossMarginCalculator.Calculate(account, Market(("BTC-OLD", 800)), Profile());
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "instruments[BTC-OLD].expiry");
    }
}
