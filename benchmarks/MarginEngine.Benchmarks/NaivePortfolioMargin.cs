using MarginEngine.Accounts;
using MarginEngine.Instruments;
using MarginEngine.MarketData;
using MarginEngine.Profiles;
using MarginEngine.Scenarios;
using MathNet.Numerics.Distributions;

namespace MarginEngine.Benchmarks;

/// <summary>
/// The baseline of issue 5: a plain object-oriented, per-position, per-scenario scalar implementation
/// with LINQ and MathNet's normal CDF. Same formulas as the library (docs/methodology.md §Portfolio),
/// no hoisting, no vectors; only the risk-matrix worst case (no add-ons), IM = Σ unit worst losses in USD.
/// </summary>
internal static class NaivePortfolioMargin
{
    public static double InitialMargin(Account account, MarketSnapshot market, RiskProfile profile)
    {
        var portfolio = profile.GetPortfolio();
        return account.Positions
            .GroupBy(p => p.Instrument.Underlying.Id)
            .Sum(unit =>
            {
                var p = portfolio.For(unit.Key, profile.Name);
                var index = market.GetIndexPrice(unit.Key);
                var worst = p.Scenarios().Select(s => Counted(p, s, index, unit.Sum(position => Pnl(position, s, p, index, market)))).Min();
                return Math.Max(0, -worst) * (p.Currency == UnitCurrency.Usd ? 1 : index);
            });
    }

    private static double Counted(RiskUnitParameters p, Scenario s, double index, double sum)
    {
        if (s.Kind == ScenarioKind.Extended && sum < 0 && p.ExtendedDampener > 0)
            sum = Math.Min(0, sum + (Math.Max(Math.Abs(s.PriceMove) / p.PriceRange, 1) - 1) * p.ExtendedDampener
                / (p.Currency == UnitCurrency.Usd ? 1 : index * (1 + Math.Sign(s.PriceMove) * p.PriceRange)));
        return sum > 0 ? sum * p.PnlOffset : sum;
    }

    private static double Pnl(Position position, Scenario s, RiskUnitParameters p, double index, MarketSnapshot market)
    {
        var price = index * (1 + s.PriceMove);
        var edge = index * (1 + Math.Sign(s.PriceMove) * p.PriceRange);
        var q = (double)position.Quantity * (double)position.Instrument.ContractSize;
        double usd, coin;
        switch (position.Instrument)
        {
            case EuropeanOption o:
                var years = (o.Expiry - market.ValuationTime).TotalDays / 365.0;
                var iv = market.GetImpliedVolatility(o.Id);
                var shocked = p.VolShock.Apply(iv, years * 365.0, s.Vol, s.VolFraction);
                var before = Black(o.Right, index, (double)o.Strike, iv, years);
                var after = Black(o.Right, price, (double)o.Strike, shocked, years);
                if (o.Settlement == Settlement.Inverse)
                {
                    coin = q * (after / price - before / index);
                    usd = (q * before / index + coin) * price - q * before;
                }
                else
                {
                    usd = q * (after - before);
                    coin = (q * before + usd) / price - q * before / index;
                }

                break;
            default:
                usd = q * market.GetMarkPrice(position.Instrument.Id) * s.PriceMove;
                coin = usd / price;
                break;
        }

        return s.Kind == ScenarioKind.Extended
            ? usd * s.Weight / (p.Currency == UnitCurrency.Usd ? 1 : edge)
            : s.Weight * (p.Currency == UnitCurrency.Usd ? usd : coin);
    }

    private static double Black(OptionRight right, double forward, double strike, double vol, double years)
    {
        var sd = vol * Math.Sqrt(years);
        var d1 = Math.Log(forward / strike) / sd + 0.5 * sd;
        var d2 = d1 - sd;
        return right == OptionRight.Call
            ? forward * Normal.CDF(0, 1, d1) - strike * Normal.CDF(0, 1, d2)
            : strike * Normal.CDF(0, 1, -d2) - forward * Normal.CDF(0, 1, -d1);
    }
}
