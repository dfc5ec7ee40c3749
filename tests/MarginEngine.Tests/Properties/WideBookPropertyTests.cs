using MarginEngine.Accounts;
using MarginEngine.Errors;
using MarginEngine.Modes;
using MarginEngine.Portfolio;
using MarginEngine.Results;
using Xunit.Abstractions;
using static MarginEngine.Tests.Fixtures;

namespace MarginEngine.Tests.Properties;

/// <summary>
/// The inequalities of issue 10 on <see cref="WideBooks"/>: every instrument kind, orders, borrows and coin collateral, every
/// preset. Each test prints how many cases were strict, equal, or not applicable (a typed error: the preset lacks a figure
/// or refuses the book), and requires some strict ones, so a generator that only produces equalities fails.
/// </summary>
public sealed class WideBookPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 400;

    private sealed class Tally
    {
        public int Strict, Equal, NotApplicable;

        public void Report(ITestOutputHelper output, string property) =>
            output.WriteLine($"{property}: {Strict} strict, {Equal} equal, {NotApplicable} not applicable (typed error)");
    }

    private static bool Typed(Exception e) => e is InvalidMarginInputException or MissingMarketDataException or MissingRiskParameterException;

    private static IEnumerable<(string Method, Func<Account, MarginReport> Compute)> Methods(WideBook book)
    {
        yield return ("cross", a => CrossMarginCalculator.Calculate(a, book.Market, book.Profile));
        yield return ("isolated", a => IsolatedMarginCalculator.Calculate(a, book.Market, book.Profile));
        if (book.Profile.Portfolio is not null)
            yield return ("portfolio", a => PortfolioMarginCalculator.Calculate(a, book.Market, book.Profile).Report);
        if (book.Profile.Unified is not null)
            yield return ("uniMMR", a => UnifiedMarginCalculator.Calculate(a, book.Market, book.Profile).Report);
    }

    [Fact]
    public void MoreStablecoinCollateral_NeverRaisesMargin_UnderAnyMethodOrPreset()
    {
        // 10,000 more USDT moves in no scenario and counts at full value: IM and MM never rise. They fall where the USDT was
        // borrowed (borrow margin shrinks) and nowhere else.
        var tally = new Tally();
        Property.Check(WideBooks.Books, book =>
        {
            var balances = book.Account.Balances.Select(b => b.Asset.Id == "USDT" ? new Balance(Usdt, b.Quantity + 10_000m) : b).ToList();
            var richer = new Account(book.Account.Id, book.Account.Mode, balances, book.Account.Positions, book.Account.Orders);
            foreach (var (method, compute) in Methods(book))
            {
                MarginReport before, after;
                try
                {
                    before = compute(book.Account);
                    after = compute(richer);
                }
                catch (Exception e) when (Typed(e))
                {
                    tally.NotApplicable++;
                    continue;
                }

                after.InitialMargin.Should().BeLessThanOrEqualTo(before.InitialMargin, method);
                after.MaintenanceMargin.Should().BeLessThanOrEqualTo(before.MaintenanceMargin, method);
                if (after.InitialMargin < before.InitialMargin || after.MaintenanceMargin < before.MaintenanceMargin)
                    tally.Strict++;
                else
                    tally.Equal++;
            }
        }, Cases, 110_000);
        tally.Report(output, "more stablecoin never raises margin");
        tally.Strict.Should().BeGreaterThan(0, "borrowed USDT makes the inequality strict in some cases");
        tally.Equal.Should().BeGreaterThan(0);
    }

    [Fact]
    public void IsolatedMargin_EqualsTheCrossShare_LineByLine_UnderAnyPreset()
    {
        // docs/methodology.md §Isolated/§Cross: a perpetual or future carries the same bracket IM alone as its line in the
        // pool, options, spot, orders and borrows keep their standard margin in both views (borrowing counts every
        // position's P&L in its currency either way): so "isolated IM is at least the cross share" holds with equality, line
        // by line and for the account. (Run as an inequality on this generator it was never strict: the views differ in MM
        // bookkeeping, liquidation prices and available balance, not in IM.)
        var tally = new Tally();
        Property.Check(WideBooks.Books, book =>
        {
            MarginReport isolated, cross;
            try
            {
                isolated = IsolatedMarginCalculator.Calculate(book.Account, book.Market, book.Profile);
                cross = CrossMarginCalculator.Calculate(book.Account, book.Market, book.Profile);
            }
            catch (Exception e) when (Typed(e))
            {
                tally.NotApplicable++;
                return;
            }

            var alone = isolated.Positions.ToDictionary(p => p.InstrumentId, StringComparer.Ordinal);
            foreach (var line in cross.Positions)
                alone[line.InstrumentId].InitialMargin.Should().Be(line.InitialMargin, line.InstrumentId);
            isolated.InitialMargin.Should().Be(cross.InitialMargin);
            tally.Equal++;
        }, Cases, 120_000);
        tally.Report(output, "isolated IM equals the cross share");
        tally.Equal.Should().BeGreaterThan(Cases / 2, "most generated books are priced under their preset");
    }
}
