using MarginEngine.Accounts;
using MarginEngine.Instruments;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Scenarios;
using static MarginEngine.Tests.Fixtures;
using static MarginEngine.Tests.Portfolio.PortfolioFixtures;

namespace MarginEngine.Tests.Portfolio;

/// <summary>A what-if must agree with a full recompute of the account with the extra legs, to 1e-9 relative.</summary>
public class PortfolioRiskStateTests
{
    private static readonly AddOnParameters AllAddOns = new(new RollShockParameters(0.075, 0.01), new DeltaShockParameters(100_000, 0.1, 0.05), 0.01, 0.006,
        new MinimumDeltaChargeParameters(0.02, 0.01), null, 1, 0.002, new MinimumChargeParameters(0.01, [new SizeTier(0, 1), new SizeTier(100_000, 1.5)]),
        [new DepegTier(0, 0.001), new DepegTier(50_000, 0.004)]);

    private static (Account Account, MarginEngine.MarketData.MarketSnapshot Market) Book(int seed)
    {
        var random = new Random(seed);
        var marks = new List<(string, double)> { ("BTCUSDT", 50_000), ("ETHUSDT", 3_000), ("BTCUSDT-F", 50_300) };
        var vols = new List<(string, double)>();
        var positions = new List<Position>
        {
            new(BtcUsdt, Math.Round((decimal)(random.NextDouble() * 4 - 2), 2) is var q && q != 0 ? q : 1m, 50_000m),
            new(EthUsdt, Math.Round((decimal)(random.NextDouble() * 40 - 20), 1) is var e && e != 0 ? e : 5m, 3_000m),
            new(DatedFuture(40), -1m, 50_300m),
        };
        for (var i = 0; i < 12; i++)
        {
            var option = Option($"O{i}", random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put, 5_000m * random.Next(7, 14), random.Next(3, 90),
                random.Next(3) == 0 ? Settlement.Inverse : Settlement.Linear);
            var price = option.Settlement == Settlement.Inverse ? 0.02m : 1_000m;   // 1,000 USD at index 50,000; inverse prices are in coin
            marks.Add((option.Id, (double)price));
            vols.Add((option.Id, 0.4 + random.NextDouble() * 0.5));
            positions.Add(new Position(option, Math.Round((decimal)(random.NextDouble() * 6 - 3), 1) is var x && x != 0 ? x : -1m, price));
        }

        marks.Add(("NEW-C", 900));
        vols.Add(("NEW-C", 0.55));
        var orders = new[] { new OpenOrder("bid", BtcUsdt, OrderSide.Buy, 0.5m, 49_000m) };
        return (Account([new Balance(Usdt, 500_000m), new Balance(Btc, 1m)], positions, orders), Market(marks, vols));
    }

    public static TheoryData<int, string> Cases() => new()
    {
        { 1, "usd" }, { 2, "coin" }, { 3, "pair" }, { 4, "correlation" }, { 5, "okx" }, { 6, "span" }, { 7, "deribit-rules" }, { 8, "loss-factors" }, { 9, "spreads" }, { 10, "scanning" }, { 11, "derive-addons" }, { 12, "expiry-groups" },
    };

    private static MarginEngine.Profiles.RiskProfile WithLossFactors(MarginEngine.Profiles.RiskProfile profile, LossFactors factors) =>
        profile with { Portfolio = profile.Portfolio! with { LossFactors = factors } };

    private static MarginEngine.Profiles.RiskProfile ProfileFor(string kind)
    {
        var extended = new[] { new ExtendedMove(-0.5), new ExtendedMove(1), new ExtendedMove(3) };
        var usd = Unit(extended: extended, includeCollateral: true, addOns: AllAddOns, pnlOffset: 0.2);
        return kind switch
        {
            "coin" => Profile(Unit(UnitCurrency.Coin, extended: extended, addOns: AllAddOns)),
            "pair" => Profile(usd, new CrossUnitAggregation.PairCredit([new UnitPairCredit("BTC", "ETH", 0.5)])),
            "correlation" => Profile(usd, new CrossUnitAggregation.Correlation(["BTC", "ETH"], [[1.0, 0.7], [0.7, 1.0]])),
            "okx" => Profile(usd, mmFactor: 1, imFactor: 1.3, family: MarginFamily.Okx),
            "span" => Profile(usd, mmFactor: 1, family: MarginFamily.Span),
            "spreads" => Profile(usd, new CrossUnitAggregation.SpreadCredits(
                [new InterCommoditySpread(0.5, [new SpreadLeg("BTC", 1), new SpreadLeg("ETH", -10)]), new InterCommoditySpread(0.3, [new SpreadLeg("BTC", 1), new SpreadLeg("ETH", 5)])])),
            "derive-addons" => WithLossFactors(Profile(Unit(extended: extended, includeCollateral: true, pnlOffset: 0.2, addOns: AllAddOns with
            {
                ContingencyPrice = ContingencyPrice.Forward,
                BasisContingency = new BasisContingencyParameters(1.045, 0.955, 0.5, 2),
            }) with
            { Skew = new MarginEngine.Scenarios.SkewShock(0.25, 0.25, -0.1, -0.1, 0.01, 4, 0.6, 0) }), new LossFactors(0.8, 1)),
            "expiry-groups" => WithLossFactors(Profile(Unit(extended: extended, includeCollateral: true, pnlOffset: 0.2, addOns: AllAddOns) with
            {
                StaticDiscount = new MarginEngine.Scenarios.StaticDiscount(1.05, 0.95, 0, 0, 0.16, 0.16),
                Skew = new MarginEngine.Scenarios.SkewShock(0.25, 0.25, -0.1, -0.1, 0.01, 4, 0.6, 0) { Sign = MarginEngine.Scenarios.SkewSign.LossOnlyPerExpiry },
            }), new LossFactors(0.8, 1)),
            "scanning" => Profile(usd, new CrossUnitAggregation.ScanningSpreads([new UnitPairCredit("BTC", "ETH", 0.5)])),
            "loss-factors" => WithLossFactors(Profile(usd), new LossFactors(0.8, 1.2)),
            "deribit-rules" => Profile(Unit(extended: extended, includeCollateral: true, pnlOffset: 0.2, addOns: AllAddOns with
            {
                ShortOptionNetting = ShortOptionNetting.AcrossRightsAtStrike,
                FuturesContingencyBasis = FuturesContingencyBasis.Offsetting,
                GrossOptionContingency = 0.005,
            })),
            _ => Profile(usd),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhatIfOneOption_AgreesWithAFullRecompute(int seed, string kind)
    {
        var (account, market) = Book(seed);
        var profile = ProfileFor(kind);
        var state = PortfolioRiskState.Create(account, market, profile);
        var extra = new Position(Option("NEW-C", OptionRight.Call, 55_000m, 30), -2m, 900m);

        var quick = state.WhatIf(extra);
        // The reference is the numbers-only path (compile, quote): another code path than the incremental what-if, and than
        // the breakdown a what-if on an expiry-grouped unit falls back to.
        var full = PortfolioMarginCalculator.Quote(account.WithPosition(extra), market, profile);
        quick.InitialMargin.Should().BeApproximately(full.InitialMargin, 1e-9 * full.InitialMargin);
        quick.MaintenanceMargin.Should().BeApproximately(full.MaintenanceMargin, 1e-9 * full.MaintenanceMargin);
        quick.InitialMargin.Should().NotBe(state.Current.InitialMargin);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhatIfSeveralVirtualPositions_AgreesWithAFullRecompute(int seed, string kind)
    {
        var (account, market) = Book(seed);
        var profile = ProfileFor(kind);
        var state = PortfolioRiskState.Create(account, market, profile);
        Position[] extras =
        [
            new(Option("NEW-C", OptionRight.Call, 55_000m, 30), 1.5m, 900m),
            new(new Perpetual("ETHUSDC", Eth, new MarginEngine.Assets.Asset("USDC", 2, true), Settlement.Linear), -3m, 3_000m),
        ];
        var marketWithUsdc = new MarginEngine.MarketData.MarketSnapshot(market.ValuationTime,
            market.IndexPrices.Append(KeyValuePair.Create("USDC", 1.0)), market.MarkPrices.Append(KeyValuePair.Create("ETHUSDC", 3_000.0)), market.ImpliedVolatilities);
        state = PortfolioRiskState.Create(account, marketWithUsdc, profile);

        var quick = state.WhatIf(extras);
        var full = PortfolioMarginCalculator.Quote(account.WithPosition(extras[0]).WithPosition(extras[1]), marketWithUsdc, profile);
        quick.InitialMargin.Should().BeApproximately(full.InitialMargin, 1e-9 * full.InitialMargin);
        quick.MaintenanceMargin.Should().BeApproximately(full.MaintenanceMargin, 1e-9 * full.MaintenanceMargin);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quote_EqualsTheFullComputationBitForBit(int seed, string kind)
    {
        // The numbers-only path skips the breakdown, not the arithmetic.
        var (account, market) = Book(seed);
        var profile = ProfileFor(kind);
        PortfolioMarginCalculator.Quote(account, market, profile).Should().Be(PortfolioRiskState.Create(account, market, profile).Current);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhatIfOrder_AgreesWithAFullRecompute(int seed, string kind)
    {
        // A resting sell of 3 of the new call: only the open-orders margin moves.
        var (account, market) = Book(seed);
        var profile = ProfileFor(kind);
        var order = new OpenOrder("ask", Option("NEW-C", OptionRight.Call, 55_000m, 30), OrderSide.Sell, 3m, 950m);
        var quick = PortfolioRiskState.Create(account, market, profile).WhatIfOrder(order);
        var full = PortfolioMarginCalculator.Quote(new Account(account.Id, account.Mode, account.Balances, account.Positions, account.Orders.Append(order)), market, profile);
        quick.InitialMargin.Should().BeApproximately(full.InitialMargin, 1e-9 * full.InitialMargin);
        quick.MaintenanceMargin.Should().BeApproximately(full.MaintenanceMargin, 1e-9 * full.MaintenanceMargin);
        // The new ask is the only one: it fills on its own side, never against the resting bid, so it cannot lower IM.
        quick.InitialMargin.Should().BeGreaterThanOrEqualTo(PortfolioRiskState.Create(account, market, profile).Current.InitialMargin);
    }

    [Fact]
    public void OpenOrders_TheWorseSideFills_ABidAndAnAskDoNotNet()
    {
        // No position; a resting bid and ask of 1 BTCUSDT each at mark 50,000 in a USD unit of ±16 % in 4 buckets: all bids
        // filled is long 1 (worst -16 %: 8,000), all asks short 1 (+16 %: 8,000). Open-orders margin = max(8,000, 8,000) - 0
        // = 8,000; IM = RM 0 + 8,000, MM = 0.8 x 0. Filled together (the old rule) they would net to 0.
        var market = Market([("BTCUSDT", 50_000)]);
        var account = Account([new Balance(Usdt, 100_000m)], [],
            [new OpenOrder("bid", BtcUsdt, OrderSide.Buy, 1m, 49_000m), new OpenOrder("ask", BtcUsdt, OrderSide.Sell, 1m, 51_000m)]);
        var result = PortfolioMarginCalculator.Calculate(account, market, Profile(Unit()));
        result.Units.Single().OpenOrdersMargin.Should().BeApproximately(8_000, 1e-9);
        result.Report.InitialMargin.Should().Be(8_000m);
        result.Report.MaintenanceMargin.Should().Be(0m);
        PortfolioMarginCalculator.Quote(account, market, Profile(Unit())).InitialMargin.Should().BeApproximately(8_000, 1e-9);

        // A what-if of a second ask of 1 (asks: short 2, +16 %: 16,000) raises it to 16,000; one more bid instead leaves the
        // asks' 8,000 beside the bids' 16,000: 16,000 as well.
        var state = PortfolioRiskState.Create(account, market, Profile(Unit()));
        state.WhatIfOrder(new OpenOrder("ask2", BtcUsdt, OrderSide.Sell, 1m, 52_000m)).InitialMargin.Should().BeApproximately(16_000, 1e-9);
        state.WhatIfOrder(new OpenOrder("bid2", BtcUsdt, OrderSide.Buy, 1m, 48_000m)).InitialMargin.Should().BeApproximately(16_000, 1e-9);
    }

    [Fact]
    public void WhatIfOnANewUnderlying_FallsBackToAFullRecompute()
    {
        // A book on ETH only; a BTC leg needs a BTC unit: the state recomputes the account in full.
        var market = Market([("ETHUSDT", 3_000), ("BTCUSDT", 50_000)]);
        var account = Account([new Balance(Usdt, 100_000m)], [new Position(EthUsdt, 10m, 3_000m)]);
        var profile = Profile(Unit());
        var quick = PortfolioRiskState.Create(account, market, profile).WhatIf(new Position(BtcUsdt, 1m, 50_000m));
        // ETH: 10 x 3,000 x 0.16 = 4,800; BTC: 50,000 x 0.16 = 8,000 -> RM 12,800, IM 12,800, MM 10,240.
        quick.InitialMargin.Should().BeApproximately(12_800, 1e-6);
        quick.MaintenanceMargin.Should().BeApproximately(10_240, 1e-6);
    }
}
