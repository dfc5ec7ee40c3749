using Orleans.TestingHost;

namespace MarginEngine.Orleans.Tests;

/// <summary>An in-process cluster of three silos hosting MarginEngine's grains, shared by the tests of a class.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; } = new InProcessTestClusterBuilder(3)
        .ConfigureSilo((_, silo) => silo.AddMarginEngine())
        .ConfigureClient(client => client.AddMarginEngine())
        .Build();

    public IClusterClient Client => Cluster.Client;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
