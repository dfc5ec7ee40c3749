using MarginEngine.Accounts;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Portfolio;
using MarginEngine.Profiles;
using MarginEngine.Results;
using MarginEngine.Scenarios;
using NodaTime;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Portfolio;

/// <summary>Portfolio-margin building blocks: a ±16% grid in 4 buckets (Deribit's shape), vols up/same/down.</summary>
internal static class PortfolioFixtures
{
    public static readonly VolShock DeribitVolShock = new(0.5, 0.25);

    public static RiskUnitParameters Unit(
        UnitCurrency currency = UnitCurrency.Usd,
        IEnumerable<double>? moves = null,
        IEnumerable<VolState>? vols = null,
        IEnumerable<ExtendedMove>? extended = null,
        double dampener = 0,
        IEnumerable<ExtremeMove>? extreme = null,
        double pnlOffset = 0,
        double? pnlOffsetCap = null,
        bool includeCollateral = false,
        AddOnParameters? addOns = null) =>
        new(moves ?? PriceGrid.Symmetric(0.16, 4), 0.16, vols ?? [VolState.Up, VolState.Same, VolState.Down], DeribitVolShock,
            extended, dampener, extreme, pnlOffset, pnlOffsetCap, currency, includeCollateral, addOns);

    public static RiskProfile Profile(RiskUnitParameters unit, CrossUnitAggregation? aggregation = null, double mmFactor = 0.8,
        double? imFactor = null, MarginFamily family = MarginFamily.RiskMatrix) =>
        Fixtures.Profile(portfolio: new PortfolioParameters(family, new Dictionary<string, RiskUnitParameters>(), unit, mmFactor, imFactor,
            aggregation ?? new CrossUnitAggregation.NoOffset()));

    public static EuropeanOption Option(string id, OptionRight right, decimal strike, double days, Settlement settlement = Settlement.Linear) =>
        new(id, Btc, settlement == Settlement.Linear ? Usdt : Btc, settlement, right, strike, Now.Plus(Duration.FromSeconds(days * 86_400)));

    public static Future DatedFuture(double days) => new("BTCUSDT-F", Btc, Usdt, Settlement.Linear, Now.Plus(Duration.FromSeconds(days * 86_400)));

    /// <summary>Index BTC 50,000, ETH 3,000, USDT 1; every mark and vol given.</summary>
    public static MarketSnapshot Market(IEnumerable<(string Id, double Mark)> marks, IEnumerable<(string Id, double Vol)>? vols = null) => new(
        Now,
        new Dictionary<string, double> { ["USDT"] = 1.0, ["BTC"] = 50_000, ["ETH"] = 3_000 },
        marks.ToDictionary(m => m.Id, m => m.Mark),
        (vols ?? []).ToDictionary(v => v.Id, v => v.Vol));

    public static PortfolioMarginResult Run(RiskProfile profile, MarketSnapshot market, params Position[] positions) =>
        PortfolioMarginCalculator.Calculate(Account([new Balance(Usdt, 100_000m)], positions), market, profile);
}
