using MarginEngine.Json;
using Microsoft.Extensions.DependencyInjection;

namespace MarginEngine.Orleans;

/// <summary>Builder extensions that host MarginEngine's grains on a silo, and the client's calls to them.</summary>
public static class MarginEngineHosting
{
    /// <summary>The grain storage account and snapshot grains persist to; the host configures it (memory, Redis, ...).</summary>
    public const string StorageName = "margin";

    /// <summary>
    /// Hosts the account, snapshot and sweep-coordinator grains; with <paramref name="inMemoryStorage"/>, their state is
    /// kept in silo memory (development, tests), otherwise the host adds grain storage named <see cref="StorageName"/>.
    /// </summary>
#pragma warning disable RS0026 // The two AddMarginEngine extend different builders (silo, client): no call can mean both.
    public static ISiloBuilder AddMarginEngine(this ISiloBuilder builder, bool inMemoryStorage = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SnapshotCache>();
        if (inMemoryStorage)
            builder.AddMemoryGrainStorage(StorageName);
        return builder;
    }

    /// <summary>The client's response timeout by default: a sweep of many accounts is one call to the coordinator.</summary>
    public static readonly TimeSpan SweepResponseTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Prepares a client for MarginEngine's grains: the grain interfaces come with this package, and a sweep answers in
    /// one call that can outlast Orleans' default 30-second response timeout, so the timeout is raised to
    /// <paramref name="responseTimeout"/> (10 minutes by default).
    /// </summary>
    public static IClientBuilder AddMarginEngine(this IClientBuilder builder, TimeSpan? responseTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configure<global::Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout ?? SweepResponseTimeout);
        return builder;
    }
#pragma warning restore RS0026

    /// <summary>
    /// Publishes a snapshot under an immutable id: the market, the profile (at <paramref name="profileVersion"/>) and the
    /// instruments accounts may hold, with their assets and any collateral <paramref name="assets"/>.
    /// </summary>
    public static Task PublishSnapshotAsync(this IGrainFactory client, string snapshotId, string profileVersion, MarketData.MarketSnapshot market,
        Profiles.RiskProfile profile, IEnumerable<Instruments.Instrument> instruments, IEnumerable<Assets.Asset>? assets = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var json = BookJson.WriteUniverse(instruments, assets ?? [], market, profile);
        return client.GetGrain<ISnapshotGrain>(snapshotId).Publish(new SnapshotPublication(snapshotId, profileVersion, json));
    }

    /// <summary>Stores each account in its grain, at most <paramref name="maxConcurrency"/> calls at a time.</summary>
    public static async Task LoadAccountsAsync(this IGrainFactory client, IEnumerable<Accounts.Account> accounts, int maxConcurrency = 64)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var gate = new SemaphoreSlim(maxConcurrency);
        await Task.WhenAll(accounts.Select(async account =>
        {
            await gate.WaitAsync();
            try
            {
                await client.GetGrain<IAccountGrain>(account.Id).SetAccount(BookJson.WriteAccount(account));
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
