using MarginEngine.Accounts;
using MarginEngine.Cluster;
using MarginEngine.Json;
using MarginEngine.Portfolio;

namespace MarginEngine.Orleans.Tests;

public class ClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Sweep_OnThreeSilos_EqualsMarginSweepInOneProcess_BitForBit()
    {
        // 2,000 seeded accounts written to their grains as JSON, swept against one published snapshot across three silos;
        // the same accounts margined by MarginSweep here must give the same IM and MM to the bit.
        var accounts = DemoPopulation.Accounts(2_000);
        var market = DemoPopulation.Market(0);
        var profile = DemoPopulation.Profile();
        await fixture.Client.PublishSnapshotAsync("snap-1", "v1", market, profile, DemoPopulation.Instruments);
        await fixture.Client.LoadAccountsAsync(accounts);

        var sweep = await fixture.Client.GetGrain<ISweepCoordinatorGrain>("sweep").Sweep("snap-1", [.. accounts.Select(a => a.Id)], 64);
        var local = MarginSweep.Run(accounts, market, profile, 2);

        sweep.Results.Should().HaveCount(accounts.Count);
        sweep.Results.Select(r => r.Error).Should().AllSatisfy(e => e.Should().BeNull());
        sweep.Results.Select(r => (r.AccountId, r.InitialMargin, r.MaintenanceMargin))
            .Should().Equal(local.Select(o => (o.AccountId, o.Quote.InitialMargin, o.Quote.MaintenanceMargin)));
        sweep.Results.Should().AllSatisfy(r => (r.SnapshotId, r.ProfileVersion).Should().Be(("snap-1", "v1")));
    }

    [Fact]
    public async Task WhatIf_ThroughTheGrain_EqualsTheLocalRiskState()
    {
        var account = DemoPopulation.Account(500_000);
        var market = DemoPopulation.Market(0);
        var profile = DemoPopulation.Profile();
        await fixture.Client.PublishSnapshotAsync("snap-w", "v1", market, profile, DemoPopulation.Instruments);
        await fixture.Client.LoadAccountsAsync([account]);
        var candidate = new Position(DemoPopulation.Instruments[3], -2m, 900m);

        var remote = await fixture.Client.GetGrain<IAccountGrain>(account.Id).WhatIf("snap-w", new Trade("BTC-P45", -2m, 900m));
        var local = PortfolioRiskState.Create(account, market, profile);

        remote.InitialMarginNow.Should().Be(local.Current.InitialMargin);
        (remote.InitialMargin, remote.MaintenanceMargin).Should().Be((local.WhatIf(candidate).InitialMargin, local.WhatIf(candidate).MaintenanceMargin));
    }

    [Fact]
    public async Task StatusChange_IsReportedByTheNextSweep()
    {
        // 8,000 USDT and long 1 BTCUSDT @ 50,000 on the ±16% grid: IM = 0.16 x 50,000 = 8,000, MM = 0.8 x 8,000 = 6,400;
        // equity 8,000 meets IM: healthy. At 45,000 (the snapshot 10% down) the loss is 5,000: balance 3,000 < MM 0.8 x 0.16 x 45,000 = 5,760: liquidation.
        var account = new Account("status-1", MarginMode.Portfolio, [new Balance(DemoPopulation.Usdt, 8_000m)], [new Position(DemoPopulation.Instruments[0], 1m, 50_000m)]);
        var profile = DemoPopulation.Profile();
        await fixture.Client.PublishSnapshotAsync("snap-s1", "v1", DemoPopulation.Market(0), profile, DemoPopulation.Instruments);
        await fixture.Client.PublishSnapshotAsync("snap-s2", "v1", DemoPopulation.Market(-0.1), profile, DemoPopulation.Instruments);
        await fixture.Client.LoadAccountsAsync([account]);
        var coordinator = fixture.Client.GetGrain<ISweepCoordinatorGrain>("status");

        var first = await coordinator.Sweep("snap-s1", ["status-1"], 1);
        var second = await coordinator.Sweep("snap-s2", ["status-1"], 1);

        first.Results[0].Status.Should().Be(AccountStatus.Healthy);
        second.Results[0].Status.Should().Be(AccountStatus.Liquidation);
        second.StatusChanged.Should().Equal("status-1");
    }

    [Fact]
    public async Task UnknownSnapshotOrAccount_IsReportedPerAccount()
    {
        await fixture.Client.PublishSnapshotAsync("snap-e", "v1", DemoPopulation.Market(0), DemoPopulation.Profile(), DemoPopulation.Instruments);
        var result = await fixture.Client.GetGrain<ISweepCoordinatorGrain>("errors").Sweep("snap-e", ["never-set"], 4);
        result.Results.Single().Status.Should().Be(AccountStatus.Error);
        result.Results.Single().Error.Should().Contain("has not been set");
    }

    [Fact]
    public async Task Snapshot_IsImmutable()
    {
        var grain = fixture.Client.GetGrain<ISnapshotGrain>("snap-i");
        await fixture.Client.PublishSnapshotAsync("snap-i", "v1", DemoPopulation.Market(0), DemoPopulation.Profile(), DemoPopulation.Instruments);
        var again = () => fixture.Client.PublishSnapshotAsync("snap-i", "v1", DemoPopulation.Market(0.02), DemoPopulation.Profile(), DemoPopulation.Instruments);
        await again.Should().ThrowAsync<InvalidOperationException>().WithMessage("*immutable*");
        (await grain.Get())!.UniverseJson.Should().Be(BookJson.WriteUniverse(DemoPopulation.Instruments, [], DemoPopulation.Market(0), DemoPopulation.Profile()));
    }

    [Fact]
    public async Task Fills_AverageOnGrowth_RealiseOnReduction()
    {
        // 10,000 USDT, long 1 BTCUSDT @ 50,000. Buy 1 @ 51,000: 2 @ (50,000 + 51,000) / 2 = 50,500. Sell 1.5 @ 52,000: 1.5 closes,
        // realising 1.5 x (52,000 - 50,500) = 2,250 USDT; 0.5 stays @ 50,500. Then sell 2 @ 49,000: 0.5 closes (-750 USDT) and
        // the position flips to short 1.5 @ 49,000. USDT: 10,000 + 2,250 - 750 = 11,500.
        var account = new Account("fills-1", MarginMode.Portfolio, [new Balance(DemoPopulation.Usdt, 10_000m)], [new Position(DemoPopulation.Instruments[0], 1m, 50_000m)]);
        await fixture.Client.PublishSnapshotAsync("snap-f", "v1", DemoPopulation.Market(0), DemoPopulation.Profile(), DemoPopulation.Instruments);
        await fixture.Client.LoadAccountsAsync([account]);
        var grain = fixture.Client.GetGrain<IAccountGrain>("fills-1");

        await grain.ApplyFill("snap-f", new Trade("BTCUSDT", 1m, 51_000m));
        var grown = Read(await grain.GetAccount());
        await grain.ApplyFill("snap-f", new Trade("BTCUSDT", -1.5m, 52_000m));
        var reduced = Read(await grain.GetAccount());
        await grain.ApplyFill("snap-f", new Trade("BTCUSDT", -2m, 49_000m));
        var flipped = Read(await grain.GetAccount());

        (grown.Positions.Single().Quantity, grown.Positions.Single().EntryPrice).Should().Be((2m, 50_500m));
        (reduced.Positions.Single().Quantity, reduced.Positions.Single().EntryPrice, reduced.Balances.Single().Quantity).Should().Be((0.5m, 50_500m, 12_250m));
        (flipped.Positions.Single().Quantity, flipped.Positions.Single().EntryPrice, flipped.Balances.Single().Quantity).Should().Be((-1.5m, 49_000m, 11_500m));
    }

    private static Account Read(string? json) =>
        BookJson.ReadAccount(json!, BookJson.ReadUniverse(BookJson.WriteUniverse(DemoPopulation.Instruments, DemoPopulation.Assets, DemoPopulation.Market(0), DemoPopulation.Profile())));
}
