using MarginEngine.Brackets;
using MarginEngine.Collateral;
using MarginEngine.Errors;
using MarginEngine.Instruments;
using MarginEngine.Profiles;
using MarginEngine.Results;

namespace MarginEngine.Tests.Profiles;

public class RiskProfileLookupTests
{
    private static BracketSchedule OneBracket(decimal mmr) => BracketSchedule.Create([new(0m, null, 10m, mmr)]);

    private static RiskProfile Profile(IReadOnlyDictionary<string, BracketSchedule> brackets, IReadOnlyList<string>? userSupplied = null) => new(
        "venue", brackets, new Dictionary<string, HaircutSchedule> { ["USDT"] = HaircutSchedule.Flat(1m) },
        new BorrowRates(0.1m, 0.02m), null, FeePolicy.None, OpenOrderPolicy.ReserveInitialOnly,
        provenance: new ProfileProvenance(null, null, null, null, userSupplied));

    [Fact]
    public void ProductKey_Candidates_MostSpecificFirst()
    {
        ProductKey.Candidates(Fixtures.BtcUsdt).Should().Equal("BTCUSDT", "BTC/USDT perpetual", "BTC linear perpetual");
        ProductKey.Candidates(Fixtures.BtcUsd).Should().Equal("BTCUSD", "BTC/BTC perpetual", "BTC inverse perpetual");
    }

    [Fact]
    public void GetBrackets_IdBeatsPairBeatsSettlement()
    {
        var profile = Profile(new Dictionary<string, BracketSchedule>
        {
            ["BTC linear perpetual"] = OneBracket(0.03m),
            ["BTC/USDT perpetual"] = OneBracket(0.02m),
        });
        profile.GetBrackets(Fixtures.BtcUsdt, 1m).Brackets[0].MaintenanceMarginRate.Should().Be(0.02m);
        var withId = Profile(new Dictionary<string, BracketSchedule> { ["BTCUSDT"] = OneBracket(0.01m), ["BTC/USDT perpetual"] = OneBracket(0.02m) });
        withId.GetBrackets(Fixtures.BtcUsdt, 1m).Brackets[0].MaintenanceMarginRate.Should().Be(0.01m);
    }

    [Fact]
    public void Supplement_FillsGapsOnly_AndIsNamedInTheReport()
    {
        // The profile has BTC brackets (1%); the supplement offers BTC (5%) and ETH (2%): BTC stays 1%, ETH takes 2%.
        var supplement = new ProfileSupplement("desk", new Dictionary<string, BracketSchedule>
        {
            ["BTC linear perpetual"] = OneBracket(0.05m),
            ["ETH linear perpetual"] = OneBracket(0.02m),
        });
        var profile = Profile(new Dictionary<string, BracketSchedule> { ["BTC/USDT perpetual"] = OneBracket(0.01m) }).WithSupplement(supplement);
        profile.GetBrackets(Fixtures.BtcUsdt, 1m).Brackets[0].MaintenanceMarginRate.Should().Be(0.01m);
        profile.GetBrackets(Fixtures.EthUsdt, 1m).Brackets[0].MaintenanceMarginRate.Should().Be(0.02m);
        var account = Fixtures.Account([], [new(Fixtures.BtcUsdt, 1m, 50_000m), new(Fixtures.EthUsdt, 1m, 3_000m)]);
        profile.SuppliedFiguresFor(account, MarginMethod.Cross).Should().Equal("brackets:ETH linear perpetual (desk)");
    }

    [Fact]
    public void Missing_NamesTheKeysTried_AndHowToSupplyIt()
    {
        var profile = Profile(new Dictionary<string, BracketSchedule>(), ["brackets:ETH/USDT perpetual"]);
        var act = () => profile.GetBrackets(Fixtures.EthUsdt, 1m);
        act.Should().Throw<MissingRiskParameterException>().Where(e =>
            e.Id == "ETHUSDT"
            && e.Message.Contains("ETHUSDT, ETH/USDT perpetual, ETH linear perpetual")
            && e.Message.Contains("the preset leaves them to the user")
            && e.Message.Contains("\"supplied\""));
    }

    [Fact]
    public void OptionRates_AbsentEverywhere_Throws()
    {
        var act = () => Profile(new Dictionary<string, BracketSchedule>()).GetOptionRates();
        act.Should().Throw<MissingRiskParameterException>().Where(e => e.Kind == "standard option margin rates");
    }

    [Fact]
    public void Methods_PortfolioWithoutParameters_IsRejected()
    {
        var act = () => new RiskProfile("venue", new Dictionary<string, BracketSchedule>(), new Dictionary<string, HaircutSchedule>(),
            new BorrowRates(0.1m, 0.02m), null, FeePolicy.None, OpenOrderPolicy.ReserveInitialOnly, methods: [MarginMethod.Portfolio]);
        act.Should().Throw<InvalidMarginInputException>().Where(e => e.Field == "profile.methods");
    }
}
