using MarginEngine.Cluster;
using MarginEngine.Portfolio;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace MarginEngine.Orleans.Tests;

public class FailoverTests
{
    [Fact]
    public async Task SiloStoppedMidSweep_SweepCompletes_ResultsAndStateSurvive()
    {
        // Three silos on shared durable storage; 3,000 accounts loaded, then a sweep during which one silo that does not
        // host the coordinator is stopped: every account still has a result, equal to MarginSweep's here, and every
        // account's persisted book can still be read (from reactivations on the two remaining silos).
        await using var cluster = new InProcessTestClusterBuilder(3)
            .ConfigureSilo((_, silo) =>
            {
                silo.AddMarginEngine(inMemoryStorage: false);
                silo.AddOutgoingGrainCallFilter<SweepGate>();
                silo.Services.AddKeyedSingleton<IGrainStorage>(MarginEngineHosting.StorageName, (sp, _) => ActivatorUtilities.CreateInstance<SharedGrainStorage>(sp));
            })
            .Build();
        await cluster.DeployAsync();
        var client = cluster.Client;
        var accounts = DemoPopulation.Accounts(3_000, from: 100_000);
        await client.PublishSnapshotAsync("fail-1", "v1", DemoPopulation.Market(0), DemoPopulation.Profile(), DemoPopulation.Instruments);
        await client.LoadAccountsAsync(accounts);
        var coordinator = client.GetGrain<ISweepCoordinatorGrain>("failover");
        var home = await coordinator.Silo();
        var victim = cluster.Silos.First(s => s.SiloAddress.ToString() != home && s != cluster.Silos[0]);

        // The gate holds every margin call after the first 1,000: the silo leaves in the middle of the sweep on any machine.
        SweepGate.Arm(after: 1_000);
        var sweep = coordinator.Sweep("fail-1", [.. accounts.Select(a => a.Id)], 16);
        (await Task.WhenAny(SweepGate.Reached, sweep)).Should().BeSameAs(SweepGate.Reached, "the sweep reaches the gate before it ends");
        sweep.IsCompleted.Should().BeFalse("the silo must leave in the middle of the sweep");
        await cluster.StopSiloAsync(victim);
        SweepGate.Open();
        var result = await sweep;

        var local = MarginSweep.Run(accounts, DemoPopulation.Market(0), DemoPopulation.Profile(), 2);
        result.Results.Select(r => r.Error).Should().AllSatisfy(e => e.Should().BeNull());
        result.Results.Select(r => (r.AccountId, r.InitialMargin, r.MaintenanceMargin))
            .Should().Equal(local.Select(o => (o.AccountId, o.Quote.InitialMargin, o.Quote.MaintenanceMargin)));
        foreach (var account in accounts.Take(300))
            (await client.GetGrain<IAccountGrain>(account.Id).GetAccount()).Should().Be(MarginEngine.Json.BookJson.WriteAccount(account));
    }
}
