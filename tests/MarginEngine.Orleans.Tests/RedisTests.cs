using System.Net;
using System.Net.Sockets;
using MarginEngine.Cluster;
using MarginEngine.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace MarginEngine.Orleans.Tests;

public class RedisTests
{
    private static readonly string Redis = Environment.GetEnvironmentVariable(RedisFactAttribute.Variable) ?? "";

    [RedisFact]
    public async Task SiloRestart_KeepsEveryAccount_ClusteringAndStorageInRedis()
    {
        // One silo and a client meet through Redis membership; 500 accounts persist to Redis; the silo stops and a new one
        // (other ports) starts: a new client finds it through Redis, every account is still there and margins the same.
        var cluster = $"margin-test-{Guid.NewGuid():N}";
        var accounts = DemoPopulation.Accounts(500, from: 200_000);
        SweepResult first;
        using (var silo = await StartSilo(cluster))
        using (var client = await StartClient(cluster))
        {
            var grains = client.Services.GetRequiredService<IClusterClient>();
            await grains.PublishSnapshotAsync("redis-1", "v1", DemoPopulation.Market(0), DemoPopulation.Profile(), DemoPopulation.Instruments);
            await grains.LoadAccountsAsync(accounts);
            first = await grains.GetGrain<ISweepCoordinatorGrain>("redis").Sweep("redis-1", [.. accounts.Select(a => a.Id)], 32);
            await client.StopAsync();
            await silo.StopAsync();
        }

        using var restarted = await StartSilo(cluster);
        using var again = await StartClient(cluster);
        var grainsAgain = again.Services.GetRequiredService<IClusterClient>();
        var second = await grainsAgain.GetGrain<ISweepCoordinatorGrain>("redis").Sweep("redis-1", [.. accounts.Select(a => a.Id)], 32);

        first.Results.Should().AllSatisfy(r => r.Error.Should().BeNull());
        second.Results.Select(r => (r.AccountId, r.InitialMargin, r.MaintenanceMargin)).Should().Equal(first.Results.Select(r => (r.AccountId, r.InitialMargin, r.MaintenanceMargin)));
        foreach (var account in accounts.Take(50))
            (await grainsAgain.GetGrain<IAccountGrain>(account.Id).GetAccount()).Should().Be(BookJson.WriteAccount(account));
        await again.StopAsync();
        await restarted.StopAsync();
    }

    private static async Task<IHost> StartSilo(string cluster)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo
            .UseRedisClustering(Redis)
            .AddRedisGrainStorage(MarginEngineHosting.StorageName, o => o.ConfigurationOptions = ConfigurationOptions.Parse(Redis))
            .AddMarginEngine(inMemoryStorage: false)
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster, cluster))
            .ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort()));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<IHost> StartClient(string cluster)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client
            .AddMarginEngine()
            .UseRedisClustering(Redis)
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster, cluster)));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
